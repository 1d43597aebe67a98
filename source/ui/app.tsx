// The explorer's root: the one key dispatcher, the navigation stack, and the level on top of it.
import React, {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {useDashboardUrl} from '../state/data.js';
import {useCommandLine} from './use-command-line.js';
import {share, type ShareEnvironment} from './share.js';
import {SWRConfig, useSWRConfig} from 'swr';
import {containsProgress} from '../domain/status.js';
import {DEFAULT_POLL, FAST_LIMITS} from '../state/poll-policy.js';
import {Box, Text, useApp, useInput, useWindowSize, type Key} from 'ink';
import {commandFor, splitKeys} from './keys.js';
import {ExplorerContext, type Explorer, type LevelKeyHandler, type WatchState} from './context.js';
import {CHROME_ROWS, Frame} from './components/Frame.js';
import {HelpOverlay} from './components/HelpOverlay.js';
import {currentEntry, initialNavigation, navigate, type Location} from '../state/navigation.js';
import type {Theme} from './theme.js';
import {InstallsLevel} from './levels/installs.js';
import {ComponentsLevel} from './levels/components.js';
import {DeployLevel} from './levels/deploy.js';
import {ActivityLevel} from './levels/activity.js';
import {ExecutionsLevel} from './levels/executions.js';
import {RunsLevel} from './levels/runs.js';
import {StepsLevel} from './levels/steps.js';
import {LogsLevel} from './levels/logs.js';
import {DocumentLevel} from './levels/document.js';
import {BoardLevel} from './levels/board.js';
import {LevelBoundary} from './LevelBoundary.js';
import {oneLine} from '../domain/text.js';

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
}

const FLASH_MS = 4000;

export function App({theme, orgLabel, apiLabel, isDemo, start, initialSelection, size, watch: startWatching = false, refreshMs = 5000, notify, orgId = orgLabel, shareEnvironment, poll = DEFAULT_POLL}: AppProps) {
	const {exit} = useApp();
	const windowSize = useWindowSize();
	const {columns, rows} = size ?? windowSize;
	const [navigation, dispatch] = useReducer(navigate, undefined, () => initialNavigation(start, initialSelection));
	const [helpOpen, setHelpOpen] = useState(false);
	const keyHandler = useRef<LevelKeyHandler | undefined>(undefined);
	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
	const [watch, setWatch] = useState<WatchState>({watching: startWatching, paused: false, fastMs: poll.fastMs, slowMs: poll.slowMs, refreshMs});
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
	const say = (text: string) => setFlash({text: oneLine(text), at: Date.now()});
	const commandLine = useCommandLine({
		navigation,
		dispatch,
		keyHandler,
		exit,
		say,
		toggleWatch: () => setWatch(w => ({...w, watching: !w.watching})),
		switchOrg: setOrg,
	});
	const environment: ShareEnvironment = shareEnvironment ?? {env: process.env, platform: process.platform, writeTerminal: sequence => process.stdout.write(sequence)};

	// Keys typed quickly (or arriving together over a slow link) are handled one at a time, with a
	// render between them, so each key acts on the state the previous one left.
	const pending = useRef<Array<[string, Key]>>([]);
	const handleKeyRef = useRef<(input: string, key: Key) => void>(() => {});
	const draining = useRef(false);
	const drain = () => {
		const next = pending.current.shift();
		if (!next) {
			draining.current = false;
			return;
		}
		draining.current = true;
		handleKeyRef.current(...next); // the latest render's handler, not this closure's
		setTimeout(drain, 0);
	};
	useInput((input, key) => {
		pending.current.push(...splitKeys(input, key));
		if (!draining.current) drain();
	});

	const handleKey = (input: string, key: Key) => {
		const command = commandFor(input, key);
		if (tooSmall) {
			if (command === 'quit') exit();
			return;
		}
		if (helpOpen) {
			if (command === 'help' || key.escape || command === 'back') setHelpOpen(false);
			else if (command === 'quit') exit();
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
				setHelpOpen(true);
				break;
			case 'back':
				dispatch({type: 'pop'});
				break;
			case 'watch':
				setWatch(w => ({...w, watching: !w.watching}));
				break;
			case 'board':
				dispatch({type: 'push', location: {kind: 'board'}});
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

	const explorer: Explorer = {
		theme,
		orgLabel: org.label,
		apiLabel,
		isDemo,
		navigation,
		dispatch,
		// Levels stay mounted (hidden) while the terminal is too small: they lay out at the minimum size.
		columns: Math.max(columns, MIN_COLUMNS),
		rows: Math.max(rows, MIN_ROWS),
		keyHandler,
		watch,
		notify,
		orgId: org.id,
		share: (action, what) => say(share(action, what, {dashboardUrl, orgId: org.id}, environment)),
		flash: flash?.text,
		say,
		commandLine: commandLine.text === undefined ? undefined : {text: commandLine.text, suggestions: commandLine.suggestions},
	};

	const {location} = currentEntry(navigation);
	// The level stays mounted under the help overlay and a too-small notice, keeping its state.
	return (
		<SWRConfig value={refreshPolicy}>
		<ExplorerContext.Provider value={explorer}>
			<Box width={columns} height={rows} flexDirection="column" display={helpOpen || tooSmall ? 'none' : 'flex'}>
				{/* Keyed by org too: after :org no level keeps the old org's rows, not even for a moment. */}
				<LevelBoundary key={`${org.id}:${navigation.stack.length}`} location={location}>
					<Level location={location} />
				</LevelBoundary>
			</Box>
			{helpOpen && !tooSmall ? (
				<Frame refresh={{isValidating: false, hasData: true}} hints={['help', 'quit']}>
					<HelpOverlay width={columns} height={rows - CHROME_ROWS} theme={theme} />
				</Frame>
			) : null}
			{tooSmall ? (
				<Box width={columns} height={rows} flexDirection="column">
					<Text wrap="truncate-end">Terminal too small</Text>
					<Text wrap="truncate-end">{`${columns}x${rows}, need ${MIN_COLUMNS}x${MIN_ROWS}`}</Text>
					<Text wrap="truncate-end">q quits</Text>
				</Box>
			) : null}
		</ExplorerContext.Provider>
		</SWRConfig>
	);
}

/**
 * How often a key polls: the normal interval; in watch mode fast while its data shows anything in
 * progress and slow once settled; never while paused.
 */
export function pollInterval(watch: WatchState): (data: unknown) => number {
	// Before any data arrives nothing is known to be settled: poll fast.
	return data => (watch.paused ? 0 : !watch.watching ? watch.refreshMs : data === undefined || containsProgress(data) ? watch.fastMs : watch.slowMs);
}

function Level({location}: {location: Location}) {
	switch (location.kind) {
		case 'installs':
			return <InstallsLevel key={location.appId ?? '*'} appId={location.appId} appName={location.appName} />;
		case 'components':
			return <ComponentsLevel installId={location.installId} installName={location.installName} />;
		case 'deploy':
			return <DeployLevel {...location} />;
		case 'board':
			return <BoardLevel key={location.appId ?? '*'} appId={location.appId} appName={location.appName} />;
		case 'activity':
			return <ActivityLevel {...location} />;
		case 'executions':
			return <ExecutionsLevel {...location} />;
		case 'runs':
			return <RunsLevel {...location} />;
		case 'steps':
			return <StepsLevel {...location} />;
		case 'logs':
			return <LogsLevel {...location} />;
		case 'document':
			return <DocumentLevel {...location} />;
	}
}
