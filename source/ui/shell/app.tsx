// The explorer's root: the one key dispatcher, the navigation stack, and the level on top of it.
import {useCallback, useMemo, useReducer, useRef, useState} from 'react';
import {useDashboardUrl} from '../../state/data.js';
import {useCommandLine} from './use-command-line.js';
import {KEY_GUARD_MS} from '../writes/use-write.js';
import {share, type ShareEnvironment} from '../terminal/share.js';
import {useSWRConfig} from 'swr';
import {DEFAULT_POLL, FAST_LIMITS} from '../../state/poll-policy.js';
import {Box, Text, useApp, type Key} from 'ink';
import {useTerminalSize} from '../terminal/use-terminal-size.js';
import {CURSOR_KEYS, cursorMove} from '../keys/commands.js';
import {keymap, keyPress, screenKeymap, type Keymap} from '../keys/keymap.js';
import {
	ExplorerContext,
	MessageLineContext,
	StackContext,
	type Explorer,
	type LevelKeyHandler,
	type MessageLine,
	type TextField,
	type WatchState,
} from './context.js';
import {CHROME_ROWS, Frame} from './Frame.js';
import {helpEntries, helpLayout, HelpOverlay} from './HelpOverlay.js';
import {navigate} from '../../state/navigation.js';
import {startNavigation} from '../levels/registry.js';
import {LevelStack, pollInterval, useStackView} from './level-stack.js';
import {useInputQueue} from './use-input-queue.js';
import {useFlash} from './use-flash.js';
import type {AppProps} from './app-props.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 12;

const NO_SCREEN = {hints: []};
/** The keys of the help overlay. */
const HELP_KEYS = keymap(['help', 'close', 'back', 'quit', ...CURSOR_KEYS]);
const HELP_HINTS = {hints: ['help', 'quit']} as const;

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
	const {exit} = useApp();
	const windowSize = useTerminalSize();
	const {columns, rows} = size ?? windowSize;
	const [navigation, dispatch] = useReducer(navigate, undefined, () =>
		startNavigation(start, initialSelection),
	);
	const [helpOpen, setHelpOpen] = useState(false);
	const [helpOffset, setHelpOffset] = useState(0);
	const keyHandler = useRef<LevelKeyHandler | undefined>(undefined);
	const textField = useRef<TextField | undefined>(undefined);
	const screenKeys = useRef<Keymap>(screenKeymap(NO_SCREEN));
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

	const [flash, say] = useFlash(navigation.stack.at(-1)!.id);
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
		run: command => screenKeys.current.commands.includes(command) && !!keyHandler.current?.(command),
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

	/** A paste is text for the field being typed in; anywhere else it does nothing. */
	const handlePaste = (text: string) => {
		if (tooSmall) return;
		if (commandLine.text !== undefined) commandLine.paste(text);
		else if (textField.current) textField.current.paste(text);
		else say('paste ignored: no text field is being typed in here');
	};

	const handleKey = (input: string, key: Key) => {
		const press = keyPress(input, key);
		const command = screenKeys.current.resolve(press.name);
		if (tooSmall) {
			if (command === 'quit') exit();
			return;
		}
		if (helpOpen) {
			const helpCommand = HELP_KEYS.resolve(press.name);
			const move = cursorMove(helpCommand, rows - CHROME_ROWS - 3);
			if (helpCommand === 'help' || helpCommand === 'close' || helpCommand === 'back') setHelpOpen(false);
			else if (helpCommand === 'quit') exit();
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
			commandLine.edit(press);
			return;
		}
		if (keyHandler.current?.(command, press)) return;
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
			case 'approvals':
				dispatch({type: 'open', location: {kind: 'approvals'}});
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
	useInputQueue({onKey: handleKey, onPaste: handlePaste, jobControl});

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
	const stackView = useStackView(navigation);

	return (
		<ExplorerContext.Provider value={explorer}>
			<StackContext.Provider value={stackView}>
				<MessageLineContext.Provider value={messageLine}>
					<Box
						width={columns}
						height={rows}
						flexDirection="column"
						display={helpOpen || tooSmall ? 'none' : 'flex'}
					>
						<LevelStack navigation={navigation} orgId={org.id} refresh={refreshPolicy} />
					</Box>
					{helpOpen && !tooSmall ? (
						<Frame refresh={{isValidating: false, hasData: true}} keys={HELP_HINTS}>
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
			</StackContext.Provider>
		</ExplorerContext.Provider>
	);
}
