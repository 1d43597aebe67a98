// The rollout board: installs as rows, components as columns, each cell the latest deploy status.
// Changes stand out for a few seconds and are listed, with their time, in the activity pane.
import React, {useEffect, useEffectEvent, useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {Install} from '../../api/resources.js';
import {
	boardRows,
	byAttention,
	filterInstalls,
	nextCell,
	pinnedHeader,
	type BoardColumn,
} from './board-rows.js';
import {
	rolloutCounts,
	snapshotOf,
	transitions,
	type Snapshot,
	type Transition,
} from '../../domain/rollout.js';
import {awaitsApproval, GLYPHS, phaseOf, statusView, statusWord} from '../../domain/status.js';
import {keyText} from '../widgets/ascii.js';
import {describeError, NuonApiError} from '../../api/errors.js';
import {DEPLOY_ACTIONS} from './destinations.js';
import type {DeployParams} from '../../state/locations.js';
import {failureLine} from '../shell/failure-text.js';
import {findPendingApproval} from '../../state/find-approval.js';
import {fit, fitMessage} from '../../domain/text.js';
import {useAppComponents, useAppNames, useInstalls} from '../../state/data.js';
import {windowStart} from '../widgets/columns.js';
import {useExplorer, useLevelKeys, useLevelPlace, useMessageLine} from '../shell/context.js';
import {commandHint, cursorMove, type CommandId} from '../keys/commands.js';
import type {ScreenKeys} from '../keys/keymap.js';
import * as api from '../../api/resources.js';
import {CHROME_ROWS, Frame} from '../shell/Frame.js';
import {Pane} from '../widgets/Pane.js';
import {installName} from '../../domain/install.js';
import {displayWidth} from '../../domain/text.js';
import {cellStatus} from '../../domain/cell-status.js';
import {defineLevel} from './level.js';
import {appNamesOf} from '../../state/data.js';
import {appComponentsKeepingLast} from '../../state/fetchers.js';
import type {Location} from '../../state/locations.js';
import {useClient} from '../../state/resource.js';
import {RunnerMark, runnerMarkWidth, WaitingOnRunner} from './board-runner.js';
import {BoardActivity, selectedChange, type ActivityView} from './board-activity.js';
import {useTypedLine} from '../widgets/line-editor.js';

/** What the latest deploy's screen offers, on the deploy in a cell. */
const CELL_KEYS: CommandId[] = [
	'logs',
	'workflows',
	'history',
	'plan',
	'approve',
	'copyId',
	'copyLink',
	'openLink',
];
const HINTS: CommandId[] = [
	'down',
	'columnLeft',
	'openCell',
	'back',
	'nextFailure',
	'nextApproval',
	'focus',
	'filter',
	'attentionFirst',
	'failuresOnly',
	'watch',
	'pause',
	'refresh',
	'help',
	'quit',
	'up',
	'columnRight',
	'previousFailure',
	'pageUp',
	'pageDown',
	'top',
	'bottom',
	'faster',
	'slower',
	...CELL_KEYS,
];
const KEYS: ScreenKeys = {hints: HINTS};
const NAME_WIDTH = 20;
const NAME_MAX = 32;
/** A cell that shows `◐ executing` whole. */
const CELL_ROOMY = 14;
/** A cell is as wide as the pane allows, between these: names and statuses in full where they fit. */
const CELL_MIN = 11;
const CELL_MAX = 26;
export const HIGHLIGHT_MS = 5000;
const ACTIVITY_LIMIT = 200;

export function BoardLevel({appId, appName}: {appId?: string; appName?: string}) {
	const {
		theme,
		columns: screenColumns,
		rows: screenRows,
		dispatch,
		notify,
		say,
		readOnly,
		share,
	} = useExplorer();
	const client = useClient();
	const {flash} = useMessageLine();
	// The org's list even for one app: only it carries the latest deploys, whose status says when one
	// waits for an approval (an app's installs list preloads no components: get_app_installs.go).
	const installs = useInstalls(undefined);
	const rows = useMemo(
		() => (installs.data ?? []).filter(install => !appId || install.app_id === appId),
		[installs.data, appId],
	);
	const components = useAppComponents(rows.map(install => install.app_id ?? ''));
	// `/` keeps the installs whose name matches; `s` puts those that need a person first.
	const typed = useTypedLine();
	const [attentionFirst, setAttentionFirst] = useState(false);
	const shownRows = useMemo(
		() => (attentionFirst ? byAttention(filterInstalls(rows, typed.text)) : filterInstalls(rows, typed.text)),
		[rows, typed.text, attentionFirst],
	);
	const items = useMemo(() => boardRows(shownRows, components.data), [shownRows, components.data]);
	const [focus, setFocus] = useState<'board' | 'activity'>('board');
	const [activityView, setActivityView] = useState<ActivityView>({offset: 0, failuresOnly: false});
	// Component names for the activity: the board's columns have them, listed or read from the installs.
	const names = useMemo(
		() =>
			new Map(
				boardRows(rows, components.data).flatMap(item =>
					item.kind === 'app' ? item.columns.map(c => [c.id, c.name] as const) : [],
				),
			),
		[rows, components.data],
	);
	const appNames = useAppNames();
	const widest = Math.max(1, ...items.map(item => item.columns.length));
	const snapshot = useMemo(() => snapshotOf(rows), [rows]);

	// Transitions since the previous refresh: highlighted for a while and listed in the activity pane.
	const previous = useRef<Snapshot | undefined>(undefined);
	const [activity, setActivity] = useState<Transition[]>([]);
	const [changedAt, setChangedAt] = useState<Map<string, number>>(new Map());
	const recordChanges = useEffectEvent((next: Snapshot) => {
		if (previous.current) {
			const changes = transitions(previous.current, next, Date.now());
			if (changes.length) {
				setActivity(list => [...changes.reverse(), ...list].slice(0, ACTIVITY_LIMIT));
				setChangedAt(map => {
					const next = new Map(map);
					for (const change of changes) next.set(`${change.installId}/${change.componentId}`, change.at);
					return next;
				});
				for (const change of changes) {
					const phase = phaseOf(change.to);
					if (notify && phase !== 'progress') {
						const found = rows.find(i => i.id === change.installId);
						const install = found ? installName(found) : change.installId;
						notify(
							`${install} › ${names.get(change.componentId) ?? change.componentId}`,
							`${change.from ? statusWord(change.from) : 'none'} → ${statusWord(change.to)}`,
						);
					}
				}
			}
		}
		previous.current = next;
	});
	// The first snapshot this board fetched itself is the baseline: data cached from an earlier
	// visit would report old changes as new, all stamped now.
	const fetchedItself = installs.updatedAt !== undefined;
	useEffect(() => {
		if (fetchedItself) recordChanges(snapshot);
	}, [snapshot, fetchedItself]);
	// Highlights fade: one re-render when the newest one expires.
	useEffect(() => {
		if (changedAt.size === 0) return;
		const newest = Math.max(...changedAt.values());
		const timer = setTimeout(
			() => setChangedAt(map => new Map([...map].filter(([, at]) => Date.now() - at < HIGHLIGHT_MS))),
			Math.max(0, newest + HIGHLIGHT_MS - Date.now()) + 20,
		);
		return () => clearTimeout(timer);
	}, [changedAt]);

	const {entry, active} = useLevelPlace();
	const onTop = useRef(active);
	onTop.current = active;
	const column = entry.selectedColumn ?? 0;
	const found = items.findIndex(item => item.kind === 'install' && item.install.id === entry.selectedId);
	const rowIndex = found >= 0 ? found : items.findIndex(item => item.kind === 'install');
	const top = useRef(0);
	const left = useRef(0);
	const activityHeight = Math.max(3, Math.min(10, Math.floor((screenRows - CHROME_ROWS) / 4)));
	const gridHeight = screenRows - CHROME_ROWS - activityHeight - 2;
	const visibleRowCount = Math.max(1, gridHeight - 1); // the counts line, then the rows
	// Names whole, up to NAME_MAX, where the cells keep room for a status word (a wide terminal).
	const longestName = useMemo(
		() => Math.max(0, ...rows.map(install => displayWidth(installName(install)) + 3)),
		[rows],
	);
	const wholeNames = Math.min(NAME_MAX, Math.max(NAME_WIDTH, longestName));
	const nameWidth =
		Math.floor((screenColumns - 5 - wholeNames) / widest) >= CELL_ROOMY ? wholeNames : NAME_WIDTH;
	const gridWidth = screenColumns - 4 - nameWidth - 1;
	const cellWidth = Math.max(CELL_MIN, Math.min(CELL_MAX, Math.floor(gridWidth / widest)));
	const visibleColumnCount = Math.max(1, Math.floor(gridWidth / cellWidth));
	// One row is kept for a pinned header, so the selected row is never the one it displaces.
	const start = windowStart(
		top.current,
		Math.max(0, rowIndex),
		Math.max(1, visibleRowCount - 1),
		items.length,
	);
	top.current = start;
	// The app header of the first visible group stays pinned on top while its installs scroll.
	const visible = pinnedHeader(items, start, visibleRowCount);
	const selectedItem = items[rowIndex];
	const columnIndex = Math.min(column, Math.max(0, (selectedItem?.columns.length ?? 1) - 1));
	const firstColumn = windowStart(left.current, columnIndex, visibleColumnCount, widest);
	const lastColumn = Math.min(widest, firstColumn + visibleColumnCount);
	left.current = firstColumn;

	const {hasMore, loadMore} = installs;
	useEffect(() => {
		if (hasMore && rowIndex >= items.length - visibleRowCount) loadMore();
	}, [hasMore, loadMore, rowIndex, items.length, visibleRowCount]);

	/** Moves to the install row nearest `index` in the direction of travel (group headers are skipped). */
	const selectRow = (index: number, direction: 1 | -1) => {
		let at = Math.max(0, Math.min(items.length - 1, index));
		while (items[at] && items[at]!.kind !== 'install') at += direction;
		if (!items[at]) {
			at = Math.max(0, Math.min(items.length - 1, index));
			while (items[at] && items[at]!.kind !== 'install') at -= direction;
		}
		const item = items[at];
		if (item?.kind === 'install' && item.install.id) dispatch({type: 'select', id: item.install.id});
	};
	/** A cell waiting for approval opens the plan to approve, over its workflow's steps. */
	const openApproval = (deploy: Extract<Location, {kind: 'deploy'}>) => {
		say(`finding the approval of ${deploy.installName} › ${deploy.componentName}…`);
		findPendingApproval(client, deploy.installId, deploy.componentId).then(
			found => {
				if (!onTop.current) return; // the user went elsewhere meanwhile
				if (typeof found === 'string') {
					say(`${deploy.componentName}: ${found}; its latest deploy instead`);
					dispatch({type: 'push', location: deploy});
					return;
				}
				const {installId, installName} = deploy;
				dispatch({
					type: 'push',
					location: {
						kind: 'workflow',
						installId,
						installName,
						workflowId: found.workflowId,
						workflowName: found.workflowName,
					},
				});
				dispatch({type: 'select', id: found.stepId});
				dispatch({type: 'push', location: {kind: 'approval', installId, installName, ...found}});
				say(
					`${found.stepName} waits for approval: ` +
						(readOnly
							? 'read the plan (read-only: nuon-tui answers nothing)'
							: 'read the plan, then a approves, d answers otherwise'),
				);
			},
			error => say(`could not find the approval: ${describeError(error)}`),
		);
	};
	useLevelKeys((command, press) => {
		if (typed.editing && press) {
			typed.key(press.input, press.key);
			return true;
		}
		const move = cursorMove(command, focus === 'board' ? visibleRowCount : activityHeight - 2);
		if (move !== undefined && focus === 'activity') {
			setActivityView(view => ({...view, offset: Math.max(0, Math.min(ACTIVITY_LIMIT, view.offset + move))}));
			return true;
		}
		if (move !== undefined) {
			// App header rows are skipped the way the cursor moves (inwards from either end).
			const target = move === Infinity ? items.length - 1 : move === -Infinity ? 0 : rowIndex + move;
			selectRow(target, move === -Infinity ? 1 : move === Infinity ? -1 : (Math.sign(move) as 1 | -1));
			return true;
		}
		switch (command) {
			case 'focus':
				setFocus(f => (f === 'board' ? 'activity' : 'board'));
				return true;
			case 'failuresOnly':
				setActivityView(view => ({offset: 0, failuresOnly: !view.failuresOnly}));
				return true;
			case 'filter':
				typed.start(true);
				setFocus('board');
				return true;
			case 'attentionFirst':
				setAttentionFirst(on => !on);
				say(
					attentionFirst
						? 'board: installs in the API’s order'
						: 'board: installs that need a person first (failed, waiting, moving)',
				);
				return true;
			case 'back':
				if (!typed.text) return false;
				typed.clear();
				return true;
			case 'refresh':
				installs.refresh();
				return true;
			case 'nextFailure':
			case 'previousFailure':
			case 'nextApproval': {
				const approval = command === 'nextApproval';
				const failure = nextCell(
					items,
					rowIndex,
					columnIndex,
					command === 'previousFailure' ? -1 : 1,
					approval ? 'approval' : 'failure',
				);
				if (!failure) {
					say(approval ? 'no deploy on the board waits for approval' : 'no failed deploy on the board');
					return true;
				}
				const item = items[failure.row];
				if (item?.kind === 'install' && item.install.id) dispatch({type: 'select', id: item.install.id});
				dispatch({type: 'selectColumn', column: failure.column});
				return true;
			}
			case 'columnRight':
				dispatch({type: 'selectColumn', column: Math.min(widest - 1, columnIndex + 1)});
				return true;
			case 'columnLeft':
				dispatch({type: 'selectColumn', column: Math.max(0, columnIndex - 1)});
				return true;
			case 'openCell': {
				if (focus === 'activity') {
					// The change marked in the activity, not the board's cell under the cursor.
					const change = selectedChange(activity, activityView, activityHeight);
					const changed = change && rows.find(install => install.id === change.installId);
					if (change && changed?.id)
						openDeploy(
							{
								installId: changed.id,
								installName: installName(changed),
								componentId: change.componentId,
								componentName: names.get(change.componentId) ?? change.componentId,
							},
							change.to,
						);
					return true;
				}
				const selected = selectedCell();
				if (selected) openDeploy(selected.cell, selected.status);
				return true;
			}
			default:
				return command !== undefined && CELL_KEYS.includes(command) && onCell(command);
		}
	});

	/** The cell under the board's cursor: which deploy it shows, and its status. */
	const selectedCell = (): {cell: DeployParams; status?: string} | undefined => {
		const install = selectedItem?.kind === 'install' ? selectedItem.install : undefined;
		const target = selectedItem?.columns[columnIndex];
		if (!install?.id || !target) return undefined;
		return {
			cell: {
				installId: install.id,
				installName: installName(install),
				componentId: target.id,
				componentName: target.name,
			},
			status: cellStatus(install, target.id),
		};
	};
	/** A deploy waiting for approval opens its plan; any other, the deploy. */
	const openDeploy = (cell: DeployParams, status: string | undefined) => {
		if (awaitsApproval(status)) openApproval({kind: 'deploy', ...cell});
		else dispatch({type: 'push', location: {kind: 'deploy', ...cell}});
	};

	/** A key the latest deploy's screen has, on the selected cell's deploy; it says why when it cannot. */
	const onCell = (command: CommandId): true => {
		const selected = selectedCell();
		if (!selected) return true;
		const {cell} = selected;
		const named = `${cell.installName} › ${cell.componentName}`;
		const hint = commandHint(command) ?? command;
		if (command === 'copyId' || command === 'copyLink' || command === 'openLink') {
			share(command, {
				id: cell.componentId,
				target: {installId: cell.installId, componentId: cell.componentId},
				label: `component ${named}`,
			});
		} else if (command === 'plan' || command === 'approve') {
			if (awaitsApproval(selected.status)) openApproval({kind: 'deploy', ...cell});
			else
				say(
					`${hint}: ${named} waits for no approval (! finds one; ⏎ opens the deploy, whose jobs have ` +
						`their plans)`,
				);
		} else {
			const action = DEPLOY_ACTIONS[command]!;
			const direct = action(undefined, cell);
			if (direct) dispatch({type: 'push', location: direct});
			else {
				say(`${hint}: reading the latest deploy of ${named}…`);
				api.getLatestDeploy(client, cell.installId, cell.componentId).then(
					deploy => {
						if (!onTop.current) return;
						const location = action(deploy, cell);
						if (location) dispatch({type: 'push', location});
						else say(`${hint}: the latest deploy of ${named} has none to open`);
					},
					(error: unknown) =>
						say(
							`${hint}: ` +
								(error instanceof NuonApiError && error.isNotFound
									? `${named} has never been deployed`
									: describeError(error)),
						),
				);
			}
		}
		return true;
	};

	const counts = rolloutCounts(snapshot);
	const selectedInstall = selectedItem?.kind === 'install' ? selectedItem.install : undefined;
	const selectedColumn = selectedItem?.columns[columnIndex];
	const selectedStatus =
		selectedInstall && selectedColumn ? cellStatus(selectedInstall, selectedColumn.id) : undefined;
	const bodyHeight = screenRows - CHROME_ROWS;
	const status = (
		<Text>
			{fitMessage(
				keyText(
					// The app's messages first (this screen has its own status line), then a failure to
					// refresh (the board keeps drawing its last good data), else the selected cell.
					flash ??
						(typed.editing || typed.text
							? `/${typed.text}${typed.editing ? '▏' : '  (Esc clears)'}`
							: installs.error && installs.data
								? failureLine(installs.error, 'the last good board')
								: selectedInstall && selectedColumn
									? awaitsApproval(selectedStatus)
										? `${selectedInstall.name} › ${selectedColumn.name}: ${statusWord(selectedStatus!)} ` +
											`(its plan waits for a person; ⏎ the plan to approve, ! next approval)`
										: `${selectedInstall.name} › ${selectedColumn.name}: ` +
											`${selectedStatus ? statusWord(selectedStatus) : 'never deployed'}  ` +
											'(←/→ or h/l: columns, ⏎ latest deploy, n/N next failure)'
									: ''),
				),
				screenColumns,
			)}
		</Text>
	);
	return (
		<Frame
			refresh={{
				...installs,
				hasData: installs.data !== undefined,
				partial:
					components.partial ??
					(components.error && !components.data
						? `the apps' components (${describeError(components.error)}): columns from the installs' statuses`
						: undefined),
			}}
			status={status}
			keys={KEYS}
		>
			<Box flexDirection="column" height={bodyHeight}>
				<Pane
					title={
						`Rollout${appName ? ` of ${appName}` : ''}: ` +
						`${typed.text ? `${shownRows.length} of ` : ''}${rows.length}${installs.hasMore ? '+' : ''} ` +
						`installs`
					}
					focused={focus === 'board'}
					width={screenColumns}
					height={gridHeight + 2}
					theme={theme}
				>
					{/* The counts give way, not the column range: a column off screen must say it exists. */}
					<Box>
						<Box flexGrow={1} flexShrink={1}>
							<Text wrap="truncate-end">
								{counts.length === 0 ? (
									<Text color={theme.muted}>
										{installs.data
											? 'no deploys yet'
											: installs.error
												? 'could not load installs: retrying'
												: 'loading…'}
									</Text>
								) : (
									counts.map((c, index) => (
										<Text
											key={c.status}
											color={theme.phase[phaseOf(c.status)]}
											bold={awaitsApproval(c.status)}
										>
											{index ? ' · ' : ''}
											{awaitsApproval(c.status) ? `${GLYPHS.approval} ` : ''}
											{c.count} {c.word}
										</Text>
									))
								)}
								<WaitingOnRunner installs={rows} theme={theme} />
							</Text>
						</Box>
						{firstColumn > 0 || firstColumn + visibleColumnCount < widest ? (
							<Box flexShrink={0}>
								<Text color={theme.muted}>{` cols ${firstColumn + 1}–${lastColumn}/${widest}`}</Text>
							</Box>
						) : null}
					</Box>
					{visible.map(({item, index}) =>
						item.kind === 'app' ? (
							<Text key={`app:${item.appId}`} bold color={theme.accent}>
								{fit(appNames.get(item.appId) ?? item.appId, nameWidth)}{' '}
								{item.columns
									.slice(firstColumn, firstColumn + visibleColumnCount)
									.map(c => fit(` ${c.name}`, cellWidth - 1))
									.join(' ')}
							</Text>
						) : (
							<BoardRow
								key={`${item.install.id}:${index}`}
								install={item.install}
								columns={item.columns.slice(firstColumn, firstColumn + visibleColumnCount)}
								cellWidth={cellWidth}
								nameWidth={nameWidth}
								selected={index === rowIndex}
								selectedColumn={selectedColumn?.id}
								changedAt={changedAt}
								theme={theme}
							/>
						),
					)}
				</Pane>
				<BoardActivity
					activity={activity}
					view={activityView}
					focused={focus === 'activity'}
					installs={rows}
					componentNames={names}
					width={screenColumns}
					height={activityHeight}
					theme={theme}
				/>
			</Box>
		</Frame>
	);
}

/** A cell of the board: the component's status in that install, as a glyph and a word. */
function cellLabel(install: Install, column: BoardColumn) {
	const status = cellStatus(install, column.id);
	const view = statusView(status ?? 'never deployed');
	return {view, label: status ? `${view.glyph} ${view.label}` : '  —'};
}

const BoardRow = React.memo(function BoardRow({
	install,
	columns,
	cellWidth,
	nameWidth,
	selected,
	selectedColumn,
	changedAt,
	theme,
}: {
	install: Install;
	columns: BoardColumn[];
	cellWidth: number;
	nameWidth: number;
	selected: boolean;
	selectedColumn?: string;
	changedAt: Map<string, number>;
	theme: ReturnType<typeof useExplorer>['theme'];
}) {
	return (
		<Text>
			<Text bold={selected} inverse={selected}>
				{fit(`${selected ? '›' : ' '} ${installName(install)}`, nameWidth - runnerMarkWidth(install))}
			</Text>
			<RunnerMark install={install} theme={theme} />{' '}
			{columns.map((column, index) => {
				const {view, label} = cellLabel(install, column);
				const changed = changedAt.has(`${install.id}/${column.id}`);
				return (
					<Text
						key={`${column.id}:${index}`}
						color={theme.phase[view.phase]}
						inverse={selected && column.id === selectedColumn}
						bold={changed}
						underline={changed}
					>
						{/* The change mark has its own column, so a marked cell does not shift. */}
						{fit(`${changed ? '*' : ' '}${label}`, cellWidth - 1)}{' '}
					</Text>
				);
			})}
		</Text>
	);
});

export const board = defineLevel<{appId?: string; appName?: string}>({
	View: BoardLevel,
	keys: KEYS,
	crumb: ({appName}) => (appName ? `rollout board (${appName})` : 'rollout board'),
	identity: ({appId}) => appId ?? '*',
	refreshesWhileCovered: true,
	example: {},
	parts: {
		load: async (client, {appId}) => {
			const [page, apps] = await Promise.all([
				api.listInstallsPage(client, 0, undefined),
				api.listApps(client).catch(() => undefined),
			]);
			const installs = page.items.filter(install => !appId || install.app_id === appId);
			const ids = [...new Set(installs.map(install => install.app_id ?? ''))].sort();
			const components = await appComponentsKeepingLast(client, ids, {current: new Map()});
			return {installs, components, appNames: appNamesOf(apps)};
		},
		text: ({installs, components, appNames}) => [
			...rolloutCounts(snapshotOf(installs)).map(c => `${c.count} ${c.word}`),
			...[boardRows(installs, components), boardRows(byAttention(installs), components)]
				.flat()
				.flatMap(item =>
					item.kind === 'app'
						? [
								fit(appNames.get(item.appId) ?? item.appId, NAME_WIDTH),
								...item.columns.map(c => fit(` ${c.name}`, 12)),
							]
						: [
								fit(`  ${installName(item.install)}`, NAME_WIDTH),
								...item.columns.map(column => fit(` ${cellLabel(item.install, column).label}`, 12)),
							],
				),
		],
	},
});
