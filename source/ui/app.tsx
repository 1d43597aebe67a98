// The explorer's root: the one key dispatcher, the navigation stack, and the level on top of it.
import React, {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {useClient, useCommandSuggestions, useDashboardUrl} from '../state/data.js';
import {getInstall, listApps, listInstallComponents, listInstallsPage, listOrgs} from '../api/resources.js';
import {describeError, NuonApiError} from '../api/errors.js';
import {COMMAND_HELP, complete, parseCommandLine} from './command-line.js';
import type {NavigationState} from '../state/navigation.js';
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
	const client = useClient();
	const [org, setOrg] = useState({id: orgId, label: orgLabel});

	// The `:` command line.
	const [commandText, setCommandText] = useState<string>();
	const history = useRef<string[]>([]);
	const historyIndex = useRef(0);
	const parsedWord = commandText?.split(' ')[0];
	const currentInstall = installOf(navigation);
	const suggestions = useCommandSuggestions(commandText?.includes(' ') ? parsedWord : undefined, commandText?.split(' ').slice(1).join(' ') ?? '', currentInstall?.installId);
	const say = (text: string) => setFlash({text, at: Date.now()});
	const editCommandLine = (input: string, key: Key) => {
		if (key.escape) setCommandText(undefined);
		else if (key.return) {
			const text = commandText ?? '';
			setCommandText(undefined);
			if (text.trim()) history.current = [...history.current.filter(h => h !== text), text].slice(-50);
			void runCommand(text);
		} else if (key.tab) setCommandText(complete(commandText ?? '', suggestions));
		else if (key.upArrow || key.downArrow) {
			historyIndex.current = Math.max(0, Math.min(history.current.length, historyIndex.current + (key.upArrow ? -1 : 1)));
			setCommandText(history.current[historyIndex.current] ?? '');
		} else if (key.backspace || key.delete) setCommandText(text => (text ? text.slice(0, -1) : text));
		else if (input && !key.ctrl && !key.meta && input >= ' ') setCommandText(text => (text ?? '') + input);
	};
	const runCommand = async (text: string) => {
		const parsed = parseCommandLine(text);
		if (parsed.kind === 'empty') return;
		if (parsed.kind === 'unknown') return say(`unknown command :${parsed.name} (${COMMAND_HELP})`);
		const {name, argument} = parsed;
		try {
			switch (name) {
				case 'q':
					return exit();
				case 'watch':
					return setWatch(w => ({...w, watching: !w.watching}));
				case 'board':
					return dispatch({type: 'push', location: {kind: 'board'}});
				case 'logs':
					if (!keyHandler.current?.('logs', 'L', {} as Key)) say('no logs here: :logs works on a deploy, a job or an action run');
					return;
				case 'install': {
					if (!argument) return say('which install? :install NAME');
					// An exact name or id, else the best match of a server-side search.
					const install = await getInstall(client, argument).catch(async (error: unknown) => {
						if (!(error instanceof NuonApiError && error.isNotFound)) throw error;
						const found = (await listInstallsPage(client, 0, undefined, argument, 10)).items;
						const best = found.find(i => (i.name ?? '').startsWith(argument)) ?? found[0];
						if (!best) throw error;
						return best;
					});
					return dispatch({type: 'resetStack', locations: [{kind: 'installs'}, {kind: 'components', installId: install.id!, installName: install.name ?? install.id!}]});
				}
				case 'app': {
					const apps = await listApps(client);
					const app = apps.find(a => [a.name, a.display_name, a.id].includes(argument)) ?? apps.find(a => (a.name ?? '').startsWith(argument));
					if (!argument || !app) return say(`no app "${argument}" (apps: ${apps.map(a => a.name).join(', ')})`);
					return dispatch({type: 'reset', location: {kind: 'installs', appId: app.id, appName: app.display_name || app.name}});
				}
				case 'org': {
					const orgs = await listOrgs(client);
					const org = orgs.find(o => o.id === argument || o.name === argument) ?? orgs.find(o => (o.name ?? '').startsWith(argument));
					if (!argument || !org?.id) return say(`no org "${argument}" (orgs: ${orgs.map(o => o.name ?? o.id).join(', ')})`);
					client.switchOrg(org.id);
					setOrg({id: org.id, label: org.name ?? org.id});
					dispatch({type: 'reset', location: {kind: 'installs'}});
					void mutate(() => true, undefined, {revalidate: true}); // everything cached belongs to the old org
					return say(`switched to org ${org.name ?? org.id}`);
				}
				case 'component': {
					if (!currentInstall) return say(':component works inside an install: open one first (:install NAME)');
					const components = await listInstallComponents(client, currentInstall.installId);
					const match =
						components.find(c => c.component?.name === argument || c.component_id === argument) ??
						components.find(c => (c.component?.name ?? '').startsWith(argument)) ??
						components.find(c => (c.component?.name ?? '').includes(argument));
					if (!argument || !match?.component_id) return say(`no component "${argument}" in ${currentInstall.installName}`);
					return dispatch({type: 'push', location: {kind: 'deploy', ...currentInstall, componentId: match.component_id, componentName: match.component?.name ?? match.component_id}});
				}
			}
		} catch (error) {
			say(error instanceof NuonApiError && error.isNotFound ? `no ${name} "${argument}"` : describeError(error));
		}
	};
	const [flash, setFlash] = useState<{text: string; at: number}>();
	useEffect(() => {
		if (!flash) return;
		const timer = setTimeout(() => setFlash(undefined), FLASH_MS);
		return () => clearTimeout(timer);
	}, [flash]);
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
		if (commandText !== undefined) {
			editCommandLine(input, key);
			return;
		}
		if (keyHandler.current?.(command, input, key)) return;
		switch (command) {
			case 'command':
				setCommandText('');
				historyIndex.current = history.current.length;
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
				const step = command === 'faster' ? -FAST_LIMITS.stepMs : FAST_LIMITS.stepMs;
				setWatch(w => ({...w, fastMs: Math.max(FAST_LIMITS.minMs, Math.min(FAST_LIMITS.maxMs, w.fastMs + step))}));
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
		toggleHelp: () => setHelpOpen(open => !open),
		watch,
		notify,
		orgId: org.id,
		share: (action, what) => setFlash({text: share(action, what, {dashboardUrl, orgId: org.id}, environment), at: Date.now()}),
		flash: flash?.text,
		commandLine: commandText === undefined ? undefined : {text: commandText, suggestions},
	};

	const {location} = currentEntry(navigation);
	// The level stays mounted under the help overlay and a too-small notice, keeping its state.
	return (
		<SWRConfig value={refreshPolicy}>
		<ExplorerContext.Provider value={explorer}>
			<Box width={columns} height={rows} flexDirection="column" display={helpOpen || tooSmall ? 'none' : 'flex'}>
				<Level key={navigation.stack.length} location={location} />
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

/** The install the user is in, if any: the nearest location on the stack that names one. */
function installOf(navigation: NavigationState): {installId: string; installName: string} | undefined {
	for (const {location} of [...navigation.stack].reverse()) {
		if ('installId' in location && 'installName' in location) return {installId: location.installId, installName: location.installName};
	}
	return undefined;
}
