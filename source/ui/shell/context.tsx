// What the levels share, split by how often it changes, so that a change reaches only those that
// show it: the explorer (size, watch mode, org), the stack's breadcrumbs (a level opened or closed),
// the message line (a flash message, the `:` line as it is typed) and each level's own place on the
// stack (its selection: a cursor move reaches the level on top and nothing else).
import {createContext, useContext, useEffect, useRef, type Dispatch, type MutableRefObject} from 'react';
import type {CommandId} from '../keys/commands.js';
import type {Keymap, KeyPress} from '../keys/keymap.js';
import type {Entry, NavigationAction} from '../../state/navigation.js';
import type {Theme} from '../widgets/theme.js';
import type {LinkTarget} from '../../domain/links.js';

/** The text field being typed in, which a paste goes to. */
export interface TextField {
	paste: (text: string) => void;
}

/**
 * A level's handler of a command: what the key means on its screen (undefined: nothing), with the key
 * pressed; a command run by name (`:logs`) comes without one. Returns true when it took it.
 */
export type LevelKeyHandler = (command: CommandId | undefined, press?: KeyPress) => boolean;

export interface Explorer {
	theme: Theme;
	orgLabel: string;
	apiLabel: string;
	isDemo: boolean;
	dispatch: Dispatch<NavigationAction>;
	columns: number;
	rows: number;
	keyHandler: MutableRefObject<LevelKeyHandler | undefined>;
	/** The text field on screen that is being typed in, if any: a paste goes there. */
	textField: MutableRefObject<TextField | undefined>;
	/** What each key means on the screen on top (its Frame registers it). */
	screenKeys: MutableRefObject<Keymap>;
	watch: WatchState;
	/** Ring the bell and raise a desktop notification (with --notify). */
	notify?: (title: string, body: string) => void;
	/** The org id (for dashboard links). */
	orgId: string;
	/** Copies an id or opens/copies the dashboard link of a target, saying what it did. */
	share: (
		action: 'copyId' | 'copyLink' | 'openLink',
		what: {id?: string; target: LinkTarget; label: string},
	) => void;
	/** Shows `text` in the status line for a few seconds. */
	say: (text: string) => void;
	/** --read-only: the screens offer no write. */
	readOnly: boolean;
	/** How long after a confirmation opens or closes its keys are not taken as its answer. */
	keyGuardMs: number;
}

/** The bottom lines: they change with every key typed in the `:` line. */
export interface MessageLine {
	/** A short message in the status line, for a few seconds. */
	flash?: string;
	/** When it was said (a screen shows it only while nothing newer has changed there). */
	flashAt?: number;
	/** The `:` command line while it is open: what is typed and what it could complete to. */
	commandLine?: {text: string; suggestions: string[]};
}

/** The stack as the frame shows it: it changes when a level is opened or closed, not on a move. */
export interface StackView {
	/** The breadcrumb of each level on the stack. */
	crumbs: readonly string[];
	/** The entry at the bottom, where Esc has nowhere to go. */
	bottomId: number;
}

/** A level's place on the stack: its entry (selection), and whether it is the one on screen. */
export interface LevelPlace {
	entry: Entry;
	active: boolean;
}

export interface WatchState {
	watching: boolean;
	paused: boolean;
	/** The fast interval, while anything is in progress. */
	fastMs: number;
	slowMs: number;
	/** The normal refresh interval (not watching). */
	refreshMs: number;
}

export const ExplorerContext = createContext<Explorer | undefined>(undefined);
export const MessageLineContext = createContext<MessageLine>({});
export const LevelPlaceContext = createContext<LevelPlace | undefined>(undefined);
export const StackContext = createContext<StackView>({crumbs: [], bottomId: 0});

export function useExplorer(): Explorer {
	const explorer = useContext(ExplorerContext);
	if (!explorer) throw new Error('useExplorer outside the explorer');
	return explorer;
}

export const useMessageLine = (): MessageLine => useContext(MessageLineContext);

export const useStackView = (): StackView => useContext(StackContext);

/** This level's entry on the stack. */
export function useLevelPlace(): LevelPlace {
	const place = useContext(LevelPlaceContext);
	if (!place) throw new Error('useLevelPlace outside a level of the stack');
	return place;
}

/** Registers the level's key handler with the app's one dispatcher while the level is on screen. */
export function useLevelKeys(handler: LevelKeyHandler): void {
	const {keyHandler} = useExplorer();
	const {active} = useLevelPlace();
	const latest = useRef(handler);
	latest.current = handler;
	if (active) keyHandler.current = (command, press) => latest.current(command, press);
	useEffect(() => {
		if (active) keyHandler.current = (command, press) => latest.current(command, press);
	}, [active, keyHandler]);
}

/**
 * The entry names the row the cursor is on, the one selection of the screen: when the list shows
 * another row than the one it names (a filter hid that one, it left the list), the entry is told, so
 * what the level reads for its selection and a cleared filter follow the highlighted row too.
 */
export function useSelectionFollowsCursor(shownId: string | undefined): void {
	const {dispatch} = useExplorer();
	const {entry, active} = useLevelPlace();
	// Only the level on top: `select` changes the entry on top of the stack.
	useEffect(() => {
		if (active && shownId !== undefined && shownId !== entry.selectedId)
			dispatch({type: 'select', id: shownId});
	}, [active, shownId, entry.selectedId, dispatch]);
}
