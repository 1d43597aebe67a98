// The explorer's root: the one key dispatcher, the navigation stack, and the level on top of it.
import {memo, useCallback, useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {useDashboardUrl} from '../../state/data.js';
import {useCommandLine} from './use-command-line.js';
import {KEY_GUARD_MS} from '../writes/use-write.js';
import {share, type ShareEnvironment} from '../terminal/share.js';
import {SWRConfig, useSWRConfig, type SWRConfiguration} from 'swr';
import {containsProgress} from '../../domain/status.js';
import {DEFAULT_POLL, FAST_LIMITS} from '../../state/poll-policy.js';
import {Box, Text, useApp, useInput, usePaste, type Key} from 'ink';
import {useTerminalSize} from '../terminal/use-terminal-size.js';
import {commandFor, cursorMove, splitKeys, type CommandId} from './key-bindings.js';
import {
	ExplorerContext,
	LevelPlaceContext,
	MessageLineContext,
	type Explorer,
	type LevelKeyHandler,
	type MessageLine,
	type TextField,
	type WatchState,
} from './context.js';
import {CHROME_ROWS, Frame} from './Frame.js';
import {helpEntries, helpLayout, HelpOverlay} from './HelpOverlay.js';
import {navigate, type Entry, type Location} from '../../state/navigation.js';
import {OnScreenContext} from '../../state/on-screen.js';
import type {Theme} from '../widgets/theme.js';
import {breadcrumbs, levelOf, startNavigation} from '../levels/registry.js';
import {LevelBoundary} from './LevelBoundary.js';
import {oneLine} from '../../domain/text.js';
import {keyText} from '../widgets/ascii.js';
import {stopUntilContinued} from '../terminal/suspend.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 12;

export interface AppProps {
	theme: Theme;
	orgLabel: string;
	apiLabel: string;
	isDemo: boolean;
	/** The levels to start with, top level first (start flags); the installs list by default. */
	start?: Location[];
	/** Id of the row to select first (install_id from the settings). */
	initialSelection?: string;
	/** Fixed size for tests; otherwise the terminal's. */
	size?: {columns: number; rows: number};
	/** Start in watch mode (`nuon-tui watch`). */
	watch?: boolean;
	/** The normal refresh interval; watch mode adapts between its fast and slow intervals. */
	refreshMs?: number;
	notify?: (title: string, body: string) => void;
	/** The org id, for dashboard links (the header shows orgLabel). */
	orgId?: string;
	/** Watch mode's fast and slow intervals (from the preferences file). */
	poll?: {fastMs: number; slowMs: number};
	/** How y, Y and o reach the terminal and the browser (tests pass their own). */
	shareEnvironment?: ShareEnvironment;
	/** --read-only: no action that changes something in Nuon is offered. */
	readOnly?: boolean;
	/** How long after a confirmation opens or closes its keys are not taken (tests that type at once pass 0).
	 * */
	keyGuardMs?: number;
	/** Ctrl-Z stops the process until `fg` (the CLI; never in tests, where it would stop the runner). */
	jobControl?: boolean;
}

/** A key, or a paste (bracketed paste: the terminal marks it, so it never acts as keys). */
type Input = {key: [string, Key]} | {paste: string};

const FLASH_MS = 4000;

export function App({
	theme,
	orgLabel,
	apiLabel,
	isDemo,
	start,
	initialSelection,
	size,
	watch: startWatching = false,
	refreshMs = 5000,
	notify,
	orgId = orgLabel,
	shareEnvironment,
	poll = DEFAULT_POLL,
	readOnly = false,
	keyGuardMs = KEY_GUARD_MS,
	jobControl = false,
}: AppProps) {
	const {exit, suspendTerminal} = useApp();
	const windowSize = useTerminalSize();
	const {columns, rows} = size ?? windowSize;
	const [navigation, dispatch] = useReducer(navigate, undefined, () =>
		startNavigation(start, initialSelection),
	);
	const [helpOpen, setHelpOpen] = useState(false);
	const [helpOffset, setHelpOffset] = useState(0);
	const keyHandler = useRef<LevelKeyHandler | undefined>(undefined);
	const textField = useRef<TextField | undefined>(undefined);
	const screenKeys = useRef<readonly CommandId[]>([]);
	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
	const [watch, setWatch] = useState<WatchState>({
		watching: startWatching,
		paused: false,
		fastMs: poll.fastMs,
		slowMs: poll.slowMs,
		refreshMs,
	});
	const {mutate} = useSWRConfig();
	const refreshAll = () => void mutate(() => true);
	const refreshPolicy = useMemo(() => ({refreshInterval: pollInterval(watch)}), [watch]);
	const dashboardUrl = useDashboardUrl();
	const [org, setOrg] = useState({id: orgId, label: orgLabel});

	const [flash, setFlash] = useState<{text: string; at: number}>();
	useEffect(() => {
		if (!flash) return;
		const timer = setTimeout(() => setFlash(undefined), FLASH_MS);
		return () => clearTimeout(timer);
	}, [flash]);
	// say('') clears the message; with none shown it changes nothing (no render).
	const say = useCallback(
		(text: string) =>
			setFlash(current =>
				!text && !current?.text ? current : {text: oneLine(keyText(text)), at: Date.now()},
			),
		[],
	);
	/** Watch mode on or off, saying which and how often it now refreshes. */
	const turnWatch = (on: boolean) => {
		setWatch(w => ({...w, watching: on}));
		const seconds = (ms: number) => `${ms / 1000} s`;
		if (on && watch.watching) say(`watch mode is on already (W turns it off)`);
		else
			say(
				on
					? `watch mode on: every ${seconds(watch.fastMs)} while anything is in progress, ` +
							`${seconds(watch.slowMs)} when all is settled (W turns it off)`
					: `watch mode off: refreshing every ${seconds(watch.refreshMs)} (W turns it on)`,
			);
	};
	const commandLine = useCommandLine({
		navigation,
		dispatch,
		keyHandler,
		exit,
		say,
		watchOn: () => turnWatch(true),
		switchOrg: setOrg,
	});
	const environment: ShareEnvironment = shareEnvironment ?? {
		env: process.env,
		platform: process.platform,
		writeTerminal: sequence => process.stdout.write(sequence),
	};

	// Keys typed quickly (or arriving together over a slow link) are handled one at a time, with a
	// render between them, so each key acts on the state the previous one left; a paste waits its
	// turn behind the keys before it. Ctrl-C and Ctrl-Z do not wait.
	const pending = useRef<Input[]>([]);
	const handleKeyRef = useRef<(input: string, key: Key) => void>(() => {});
	const handlePasteRef = useRef<(text: string) => void>(() => {});
	const draining = useRef(false);
	const drain = () => {
		const next = pending.current.shift();
		if (!next) {
			draining.current = false;
			return;
		}
		draining.current = true;
		// The latest render's handlers, not this closure's.
		if ('paste' in next) handlePasteRef.current(next.paste);
		else handleKeyRef.current(...next.key);
		setTimeout(drain, 0);
	};
	const enqueue = (...inputs: Input[]) => {
		pending.current.push(...inputs);
		if (!draining.current) drain();
	};
	useInput((input, key) => {
		if (key.ctrl && (input === 'c' || input === 'z')) {
			pending.current = [];
			if (input === 'c') exit();
			else if (jobControl) void stopUntilContinued(suspendTerminal);
			return;
		}
		enqueue(...splitKeys(input, key).map(key => ({key})));
	});
	usePaste(text => enqueue({paste: text}));

	/** A paste is text for the field being typed in; anywhere else it does nothing. */
	const handlePaste = (text: string) => {
		if (tooSmall) return;
		if (commandLine.text !== undefined) commandLine.paste(text);
		else if (textField.current) textField.current.paste(text);
		else say('paste ignored: no text field is being typed in here');
	};
	handlePasteRef.current = handlePaste;

	const handleKey = (input: string, key: Key) => {
		const command = commandFor(input, key, screenKeys.current);
		if (tooSmall) {
			if (command === 'quit') exit();
			return;
		}
		if (helpOpen) {
			const move = cursorMove(command, rows - CHROME_ROWS - 3);
			if (command === 'help' || key.escape || command === 'back') setHelpOpen(false);
			else if (command === 'quit') exit();
			else if (move !== undefined) {
				const {maxOffset} = helpLayout(
					columns,
					rows - CHROME_ROWS,
					helpEntries(screenKeys.current, readOnly).length,
				);
				setHelpOffset(offset => Math.max(0, Math.min(maxOffset, offset + move)));
			}
			return;
		}
		if (commandLine.text !== undefined) {
			commandLine.edit(input, key);
			return;
		}
		if (keyHandler.current?.(command, input, key)) return;
		switch (command) {
			case 'command':
				commandLine.open();
				break;
			case 'quit':
				exit();
				break;
			case 'help':
				setHelpOffset(0);
				setHelpOpen(true);
				break;
			case 'back':
				dispatch({type: 'pop'});
				break;
			case 'watch':
				turnWatch(!watch.watching);
				break;
			case 'board':
				dispatch({type: 'open', location: {kind: 'board'}});
				break;
			case 'pause':
				setWatch(w => ({...w, paused: !w.paused}));
				if (watch.paused) refreshAll(); // resuming: refresh now, which re-arms polling
				break;
			case 'faster':
			case 'slower': {
				if (!watch.watching) {
					say(`${command === 'faster' ? '+' : '-'}: sets how often watch mode polls; W turns watch mode on`);
					break;
				}
				const step = command === 'faster' ? -FAST_LIMITS.stepMs : FAST_LIMITS.stepMs;
				const fastMs = Math.max(FAST_LIMITS.minMs, Math.min(FAST_LIMITS.maxMs, watch.fastMs + step));
				setWatch(w => ({...w, fastMs}));
				say(`watch: every ${fastMs / 1000} s while anything is in progress (+ more often, - less)`);
				break;
			}
			default:
				break;
		}
	};
	handleKeyRef.current = handleKey;

	const shareNow = useRef<Explorer['share']>(() => {});
	shareNow.current = (action, what) => say(share(action, what, {dashboardUrl, orgId: org.id}, environment));
	const shareStable = useCallback<Explorer['share']>((action, what) => shareNow.current(action, what), []);
	// Levels stay mounted (hidden) while the terminal is too small: they lay out at the minimum size.
	const [layoutColumns, layoutRows] = [Math.max(columns, MIN_COLUMNS), Math.max(rows, MIN_ROWS)];
	const explorer = useMemo<Explorer>(
		() => ({
			theme,
			orgLabel: org.label,
			apiLabel,
			isDemo,
			navigation,
			crumbs: breadcrumbs(navigation.stack),
			dispatch,
			columns: layoutColumns,
			rows: layoutRows,
			keyHandler,
			textField,
			screenKeys,
			watch,
			notify,
			orgId: org.id,
			share: shareStable,
			say,
			readOnly,
			keyGuardMs,
		}),
		[
			theme,
			org,
			apiLabel,
			isDemo,
			navigation,
			layoutColumns,
			layoutRows,
			watch,
			notify,
			shareStable,
			say,
			readOnly,
			keyGuardMs,
		],
	);
	const messageLine = useMemo<MessageLine>(
		() => ({
			flash: flash?.text,
			flashAt: flash?.at,
			commandLine:
				commandLine.text === undefined
					? undefined
					: {text: commandLine.text, suggestions: commandLine.suggestions},
		}),
		[flash, commandLine.text, commandLine.suggestions],
	);
	const covered = useMemo(() => ({refreshInterval: 0}), []);

	// Every level on the stack stays mounted, so one that is covered keeps its state (selection,
	// filter, scroll, a log view's lines) and gets it back on Esc; only the top one is shown and
	// takes keys, and only it refreshes (and those that ask to, like the board).
	return (
		<ExplorerContext.Provider value={explorer}>
			<MessageLineContext.Provider value={messageLine}>
				<Box
					width={columns}
					height={rows}
					flexDirection="column"
					display={helpOpen || tooSmall ? 'none' : 'flex'}
				>
					{navigation.stack.map((entry, index) => {
						const active = index === navigation.stack.length - 1;
						return (
							// Keyed by org too: after :org no level keeps the old org's rows, not even for a moment.
							<StackLevel
								key={`${org.id}:${entry.id}`}
								entry={entry}
								active={active}
								refresh={active || levelOf(entry.location).refreshesWhileCovered ? refreshPolicy : covered}
							/>
						);
					})}
				</Box>
				{helpOpen && !tooSmall ? (
					<Frame refresh={{isValidating: false, hasData: true}} hints={['help', 'quit']}>
						<HelpOverlay
							width={columns}
							height={rows - CHROME_ROWS}
							theme={theme}
							screenKeys={screenKeys.current}
							offset={helpOffset}
							readOnly={readOnly}
						/>
					</Frame>
				) : null}
				{tooSmall ? (
					<Box width={columns} height={rows} flexDirection="column">
						<Text wrap="truncate-end">Terminal too small</Text>
						<Text wrap="truncate-end">{`${columns}x${rows}, need ${MIN_COLUMNS}x${MIN_ROWS}`}</Text>
						<Text wrap="truncate-end">q quits</Text>
					</Box>
				) : null}
			</MessageLineContext.Provider>
		</ExplorerContext.Provider>
	);
}

/** One level of the stack, with its place, its refresh policy and its error boundary. */
const StackLevel = memo(function StackLevel({
	entry,
	active,
	refresh,
}: {
	entry: Entry;
	active: boolean;
	refresh: SWRConfiguration;
}) {
	const place = useMemo(() => ({entry, active}), [entry, active]);
	const {location} = entry;
	const level = levelOf(location);
	return (
		<Box display={active ? 'flex' : 'none'} flexDirection="column">
			<LevelPlaceContext.Provider value={place}>
				<OnScreenContext.Provider value={active}>
					<SWRConfig value={refresh}>
						<LevelBoundary location={location}>
							<level.View key={level.identity?.(location)} {...location} />
						</LevelBoundary>
					</SWRConfig>
				</OnScreenContext.Provider>
			</LevelPlaceContext.Provider>
		</Box>
	);
});

/**
 * How often a key polls: the normal interval; in watch mode fast while its data shows anything in
 * progress and slow once settled; never while paused.
 */
export function pollInterval(watch: WatchState): (data: unknown) => number {
	// Before any data arrives nothing is known to be settled: poll fast.
	return data =>
		watch.paused
			? 0
			: !watch.watching
				? watch.refreshMs
				: data === undefined || containsProgress(data)
					? watch.fastMs
					: watch.slowMs;
}
