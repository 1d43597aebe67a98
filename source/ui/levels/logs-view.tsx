// The log view: follows an open stream, opens a closed one at its end, pages back on scroll-up,
// filters by step or execution, searches, wraps, shows timestamps, saves to a file.
import {useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import {Box, Text} from 'ink';
import {useMenu} from '../widgets/Menu.js';
import {loadFailure} from '../shell/failure-text.js';
import {filterLines, searchLines, type LogFilter} from '../../domain/logs.js';
import {useClient} from '../../state/resource.js';
import {LogTail} from '../../state/log-tail.js';
import {useExplorer, useLevelKeys, useLevelPlace, useMessageLine} from '../shell/context.js';
import {cursorMove, type CommandId} from '../keys/commands.js';
import type {ScreenKeys} from '../keys/keymap.js';
import {CHROME_ROWS, Frame} from '../shell/Frame.js';
import {Pane} from '../widgets/Pane.js';
import {visibleRows} from './log-rows.js';
import {StatusLine} from './log-status-line.js';
import {useTypedLine} from '../widgets/line-editor.js';
import {useChangedAt} from '../widgets/use-changed-at.js';
import {LogRowView, SEVERITY_WIDTH, TIME_WIDTH} from './log-row-view.js';
import {FilterMenu, filterMenuItems} from './log-filter-menu.js';
import {saveLines} from './log-save.js';

const HINTS: CommandId[] = [
	'down',
	'back',
	'follow',
	'search',
	'next',
	'wrap',
	'timestamps',
	'logFilter',
	'save',
	'help',
	'up',
	'previous',
	'pageUp',
	'pageDown',
	'top',
	'bottom',
	'refresh',
	'quit',
];
export const LOG_KEYS: ScreenKeys = {hints: HINTS};

export function LogsLevel({
	streamId,
	title,
	filter: initialFilter,
}: {
	streamId: string;
	title: string;
	filter?: LogFilter;
}) {
	const client = useClient();
	const {theme, columns, rows: screenRows, say} = useExplorer();
	const {flash, flashAt = 0} = useMessageLine();
	const tail = useMemo(() => new LogTail(client, streamId), [client, streamId]);
	useEffect(() => {
		tail.start();
		return () => tail.stop();
	}, [tail]);
	const {active} = useLevelPlace();
	useEffect(() => tail.setCovered(!active), [tail, active]);
	const state = useSyncExternalStore(tail.subscribe, tail.getSnapshot);

	const [filter, setFilter] = useState<LogFilter>(initialFilter ?? {});
	const [wrap, setWrap] = useState(false);
	const [timestamps, setTimestamps] = useState(true);
	/** Whether new lines scroll into view. Paused, the view holds still while lines keep arriving. */
	const [following, setFollowing] = useState(true);
	/** The last line when following was paused: what came after it is new. */
	const [pausedAfter, setPausedAfter] = useState<string>();
	/** `g`: keep loading older pages until the start of the stream is on screen. */
	const [toStart, setToStart] = useState(false);
	/** Id of the top line while scrolled back; undefined: stick to the end. */
	const [topId, setTopId] = useState<string>();
	const typed = useTypedLine(() => jumpToMatch(1));
	const {text: search, editing: editingSearch} = typed;
	const filterItems = useMemo(() => filterMenuItems(state.buffer.lines), [state.buffer.lines]);
	const menu = useMenu<LogFilter>('logFilter', next => {
		setFilter(next);
		setTopId(undefined);
	});

	const lines = useMemo(() => filterLines(state.buffer.lines, filter), [state.buffer.lines, filter]);
	const matches = useMemo(() => searchLines(lines, search), [lines, search]);
	// A message (a saved file, a copied id) gives way to what changes after it: a search's answer, the
	// stream's state. It goes after a few seconds anyway (the app's `say`).
	const changedAt = useChangedAt(`${editingSearch ? '' : search}|${matches.length}|${state.phase}`);
	const message = flash && flashAt >= changedAt ? flash : undefined;
	const bodyHeight = screenRows - CHROME_ROWS;
	const height = bodyHeight - 2;
	const width = columns - 4;
	const prefixWidth = (timestamps ? TIME_WIDTH + 1 : 0) + SEVERITY_WIDTH + 1;
	const topIndex =
		topId === undefined
			? undefined
			: Math.max(
					0,
					lines.findIndex(line => line.id === topId),
				);
	const {rows, top} = useMemo(
		() => visibleRows(lines, topIndex, height, wrap, width - prefixWidth - 2),
		[lines, topIndex, height, wrap, width, prefixWidth],
	);

	// Reaching the top of what is loaded pages backwards; after `g`, all the way to the start.
	useEffect(() => {
		if (topIndex === 0 && state.hasOlder) tail.loadOlder();
		if (toStart && !state.hasOlder) setToStart(false);
		if (toStart && topIndex !== 0 && lines[0]) setTopId(lines[0].id);
	}, [topIndex, state.hasOlder, tail, toStart, lines]);

	const newLines =
		pausedAfter === undefined ? 0 : lines.length - 1 - lines.findIndex(line => line.id === pausedAfter);
	const scrollTo = (index: number) => {
		const last = Math.max(0, lines.length - height);
		// At the end: following sticks to it as lines arrive; paused, the view stays where it is.
		if (index >= last) setTopId(following ? undefined : lines[last]?.id);
		else setTopId(lines[Math.max(0, index)]?.id);
	};
	const follow = (on: boolean) => {
		setFollowing(on);
		if (on) {
			setTopId(undefined);
			setPausedAfter(undefined);
		} else {
			setTopId(id => id ?? lines[Math.max(0, lines.length - height)]?.id);
			setPausedAfter(lines.at(-1)?.id);
		}
	};
	const jumpToMatch = (direction: 1 | -1) => {
		if (matches.length === 0) return;
		const from = top + (direction === 1 ? 1 : -1);
		const next =
			direction === 1
				? (matches.find(i => i >= from) ?? matches[0]!)
				: ([...matches].reverse().find(i => i <= from) ?? matches.at(-1)!);
		scrollTo(next - 2); // never past the end: a short log is not scrolled off its window
	};

	useLevelKeys((command, press) => {
		if (editingSearch && press) {
			typed.key(press.input, press.key);
			return true;
		}
		if (menu.isOpen) return menu.handle(command, press, filterItems);
		const move = cursorMove(command, height);
		if (move !== undefined && Number.isFinite(move)) {
			scrollTo(top + move);
			return true;
		}
		switch (command) {
			case 'top':
				setToStart(state.hasOlder);
				scrollTo(0);
				return true;
			case 'bottom':
				follow(true);
				return true;
			case 'follow':
				follow(!following);
				return true;
			case 'wrap':
				setWrap(on => !on);
				return true;
			case 'timestamps':
				setTimestamps(on => !on);
				return true;
			case 'search':
				typed.start();
				return true;
			case 'next':
				jumpToMatch(1);
				return true;
			case 'previous':
				jumpToMatch(-1);
				return true;
			case 'logFilter':
				menu.open(
					Math.max(
						0,
						filterItems.findIndex(
							item => item.value.step === filter.step && item.value.executionId === filter.executionId,
						),
					),
				);
				return true;
			case 'save':
				say(saveLines(streamId, lines));
				return true;
			case 'refresh':
				tail.refresh();
				return true;
			case 'back':
				if (search) {
					typed.clear();
					return true;
				}
				return false;
			default:
				return false;
		}
	});

	const matchSet = useMemo(() => new Set(matches), [matches]);
	const filterText = [
		filter.step && `step ${filter.step}`,
		filter.executionId && `execution ${filter.executionId}`,
	]
		.filter(Boolean)
		.join(', ');
	const count =
		state.phase === 'loading'
			? ''
			: ` (${lines.length.toLocaleString('en-US')}` +
				`${filterText ? ` of ${state.buffer.lines.length.toLocaleString('en-US')}` : ''} lines)`;
	const paneTitle = `Logs of ${title}${filterText ? ` · ${filterText}` : ''}${count}`;
	const status = editingSearch ? (
		<Text>
			<Text color={theme.accent}>/</Text>
			{search}
			<Text inverse> </Text>
		</Text>
	) : (
		<StatusLine
			state={state}
			following={following}
			newLines={newLines}
			atEnd={topId === undefined}
			search={search}
			matches={matches.length}
			message={message /* the app's messages show here: this screen has its own status line */}
			theme={theme}
			width={columns}
		/>
	);

	return (
		<Frame
			refresh={{
				updatedAt: state.updatedAt,
				isValidating: false,
				error: state.error,
				hasData: state.phase !== 'loading',
			}}
			status={status}
			keys={menu.isOpen ? menu.keys : LOG_KEYS}
		>
			<Pane title={paneTitle} focused width={columns} height={bodyHeight} theme={theme}>
				{menu.isOpen ? (
					<FilterMenu items={filterItems} index={menu.index} theme={theme} />
				) : rows.length === 0 ? (
					<Text color={state.error ? theme.error : theme.muted}>
						{state.phase === 'loading'
							? state.error
								? loadFailure('the logs', state.error)
								: 'Loading logs…'
							: filterText
								? `No lines for ${filterText} yet. F changes the filter.`
								: state.phase === 'closed'
									? 'This stream is closed and has no lines.'
									: 'No lines yet: waiting for the first ones…'}
					</Text>
				) : (
					<Box flexDirection="column" height={height} overflow="hidden">
						{rows.map(row => (
							<LogRowView
								key={`${row.line.id}:${row.piece}`}
								row={row}
								timestamps={timestamps}
								match={matchSet.has(row.index)}
								width={width}
								theme={theme}
							/>
						))}
					</Box>
				)}
			</Pane>
		</Frame>
	);
}
