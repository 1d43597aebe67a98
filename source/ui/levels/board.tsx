// The rollout board: installs as rows, components as columns, each cell the latest deploy status.
// Changes stand out for a few seconds and are listed, with their time, in the activity pane.
import {useEffect, useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {
	boardRows,
	byAttention,
	filterInstalls,
	componentNames,
	installRowNear,
	nextCell,
} from './board-rows.js';
import {rolloutCounts, snapshotOf} from '../../domain/rollout.js';
import {keyText} from '../widgets/ascii.js';
import {fitMessage} from '../../domain/text.js';
import {useAppComponents, useAppNames, useInstalls} from '../../state/data.js';
import {useExplorer, useLevelKeys, useLevelPlace, useMessageLine} from '../shell/context.js';
import {commandHint, cursorMove} from '../keys/commands.js';
import type {ScreenKeys} from '../keys/keymap.js';
import {CHROME_ROWS, Frame} from '../shell/Frame.js';
import {loadFailure} from '../shell/failure-text.js';
import {Pane} from '../widgets/Pane.js';
import {defineLevel} from './level.js';
import {fleetReleases} from '../../domain/release-progress.js';
import {BoardActivity, selectedChange, type ActivityView} from './board-activity.js';
import {useTypedLine} from '../widgets/line-editor.js';
import {ACTIVITY_LIMIT, useBoardChanges} from './board-changes.js';
import {BOARD_HINTS, CELL_KEYS, useCellActions, cellAt, changedCell, runnerLocation} from './board-cells.js';
import {boardLayout, longestName, useBoardWindow} from './board-layout.js';
import {BoardCounts, boardLine, boardTitle, componentsPartial} from './board-counts.js';
import {BoardGrid, progressLine, rowProgress} from './board-row.js';
import {boardText, loadBoard} from './board-parts.js';

export {HIGHLIGHT_MS} from './board-changes.js';

const KEYS: ScreenKeys = {hints: BOARD_HINTS};

export function BoardLevel({appId, appName}: {appId?: string; appName?: string}) {
	const {theme, columns: screenColumns, rows: screenRows, dispatch, notify, say} = useExplorer();
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
	const [byRelease, setByRelease] = useState(false);
	const shownRows = useMemo(
		() => (attentionFirst ? byAttention(filterInstalls(rows, typed.text)) : filterInstalls(rows, typed.text)),
		[rows, typed.text, attentionFirst],
	);
	const targets = useMemo(() => fleetReleases(rows), [rows]);
	const items = useMemo(
		() => boardRows(shownRows, components.data, byRelease ? targets : undefined),
		[shownRows, components.data, byRelease, targets],
	);
	const [focus, setFocus] = useState<'board' | 'activity'>('board');
	const [activityView, setActivityView] = useState<ActivityView>({offset: 0, failuresOnly: false});
	// Component names for the activity: the board's columns have them, listed or read from the installs.
	const names = useMemo(() => componentNames(rows, components.data), [rows, components.data]);
	const appNames = useAppNames();
	const widest = Math.max(1, ...items.map(item => item.columns.length));
	const snapshot = useMemo(() => snapshotOf(rows), [rows]);

	// Transitions since the previous refresh: highlighted for a while and listed in the activity pane.
	const {activity, changedAt} = useBoardChanges({
		rows,
		snapshot,
		names,
		fetchedItself: installs.updatedAt !== undefined,
		notify,
	});

	const {entry, active} = useLevelPlace();
	const onTop = useRef(active);
	onTop.current = active;
	const {openDeploy, onCell} = useCellActions(onTop);
	const column = entry.selectedColumn ?? 0;
	const found = items.findIndex(item => item.kind === 'install' && item.install.id === entry.selectedId);
	const rowIndex = found >= 0 ? found : items.findIndex(item => item.kind === 'install');
	const longest = useMemo(() => longestName(rows), [rows]);
	const layout = boardLayout({columns: screenColumns, rows: screenRows}, longest, widest);
	const {activityHeight, gridHeight, visibleRowCount, nameWidth, cellWidth, visibleColumnCount} = layout;
	const {visible, selectedItem, columnIndex, firstColumn, lastColumn} = useBoardWindow(
		items,
		{row: rowIndex, column},
		layout,
		widest,
	);

	const {hasMore, loadMore} = installs;
	useEffect(() => {
		if (hasMore && rowIndex >= items.length - visibleRowCount) loadMore();
	}, [hasMore, loadMore, rowIndex, items.length, visibleRowCount]);

	/** Moves to the install row nearest `index` in the direction of travel (group headers are skipped). */
	const selectRow = (index: number, direction: 1 | -1) => {
		const id = installRowNear(items, index, direction)?.install.id;
		if (id) dispatch({type: 'select', id});
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
			case 'groupByRelease':
				setByRelease(on => !on);
				say(
					byRelease
						? 'board: installs by app'
						: 'board: installs by the release they are being taken to (/ a release keeps it)',
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
			case 'runner': {
				const runner = runnerLocation(selectedItem);
				if (typeof runner === 'string') say(`${commandHint('runner')}: ${runner}`);
				else dispatch({type: 'push', location: runner});
				return true;
			}
			case 'openCell': {
				// With the activity focused, the change marked there, not the board's cell under the cursor.
				const selected =
					focus === 'activity'
						? changedCell(selectedChange(activity, activityView, activityHeight), rows, names)
						: cellAt(selectedItem, columnIndex);
				if (selected) openDeploy(selected.cell, selected.status);
				return true;
			}
			default:
				return (
					command !== undefined &&
					CELL_KEYS.includes(command) &&
					onCell(command, cellAt(selectedItem, columnIndex))
				);
		}
	});

	const counts = rolloutCounts(snapshot);
	const selectedInstall = selectedItem?.kind === 'install' ? selectedItem.install : undefined;
	const selectedColumn = selectedItem?.columns[columnIndex];
	const bodyHeight = screenRows - CHROME_ROWS;
	const progress = selectedItem?.kind === 'install' ? progressLine(rowProgress(selectedItem, targets)) : '';
	const status = (
		<Text>
			{fitMessage(
				keyText(
					flash ??
						boardLine({
							typed,
							installs,
							cell: selectedInstall && selectedColumn && {selectedInstall, selectedColumn, progress},
						}),
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
				partial: componentsPartial(components),
			}}
			status={status}
			keys={KEYS}
		>
			<Box flexDirection="column" height={bodyHeight}>
				<Pane
					title={boardTitle(appName, {
						shown: shownRows.length,
						of: rows.length,
						filtered: !!typed.text,
						more: installs.hasMore,
					})}
					focused={focus === 'board'}
					width={screenColumns}
					height={gridHeight + 2}
					theme={theme}
				>
					<BoardCounts
						counts={counts}
						empty={
							installs.data
								? 'no deploys yet'
								: installs.error
									? loadFailure('installs', installs.error)
									: 'loading…'
						}
						installs={rows}
						columns={{first: firstColumn, last: lastColumn, widest}}
						theme={theme}
					/>
					<BoardGrid
						visible={visible}
						appNames={appNames}
						columns={{first: firstColumn, count: visibleColumnCount}}
						cellWidth={cellWidth}
						nameWidth={nameWidth}
						selected={{row: rowIndex, column: selectedColumn?.id}}
						changedAt={changedAt}
						targets={targets}
						theme={theme}
					/>
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

export const board = defineLevel<{appId?: string; appName?: string}>({
	View: BoardLevel,
	keys: KEYS,
	crumb: ({appName}) => (appName ? `rollout board (${appName})` : 'rollout board'),
	identity: ({appId}) => appId ?? '*',
	refreshesWhileCovered: true,
	example: {},
	parts: {load: loadBoard, text: boardText},
});
