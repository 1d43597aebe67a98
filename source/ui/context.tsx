import {createContext, useContext, useRef, type Dispatch, type MutableRefObject} from 'react';
import type {Key} from 'ink';
import type {CommandId} from './keys.js';
import type {NavigationAction, NavigationState} from '../state/navigation.js';
import type {Theme} from './theme.js';
import type {LinkTarget} from '../domain/links.js';

/** A level's key handler: returns true when it consumed the key. */
export type LevelKeyHandler = (command: CommandId | undefined, input: string, key: Key) => boolean;

export interface Explorer {
	theme: Theme;
	orgLabel: string;
	apiLabel: string;
	isDemo: boolean;
	navigation: NavigationState;
	dispatch: Dispatch<NavigationAction>;
	columns: number;
	rows: number;
	keyHandler: MutableRefObject<LevelKeyHandler | undefined>;
	watch: WatchState;
	/** Ring the bell and raise a desktop notification (with --notify). */
	notify?: (title: string, body: string) => void;
	/** The org id (for dashboard links). */
	orgId: string;
	/** Copies an id or opens/copies the dashboard link of a target, saying what it did. */
	share: (action: 'copyId' | 'copyLink' | 'openLink', what: {id?: string; target: LinkTarget; label: string}) => void;
	/** A short message in the status line, for a few seconds. */
	flash?: string;
	/** Shows `text` as the flash message. */
	say: (text: string) => void;
	/** The `:` command line while it is open: what is typed and what it could complete to. */
	commandLine?: {text: string; suggestions: string[]};
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

export function useExplorer(): Explorer {
	const explorer = useContext(ExplorerContext);
	if (!explorer) throw new Error('useExplorer outside the explorer');
	return explorer;
}

/** Registers the visible level's key handler with the app's one dispatcher. */
export function useLevelKeys(handler: LevelKeyHandler): void {
	const {keyHandler} = useExplorer();
	const latest = useRef(handler);
	latest.current = handler;
	keyHandler.current = (command, input, key) => latest.current(command, input, key);
}
