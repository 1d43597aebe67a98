// The one generic browser: a live list on the left, the selected row's detail on the right. Each
// level describes itself as data (columns, detail lines, where Enter goes) and gets navigation,
// filtering, paging, refresh and keys from here.
import {useEffect, useEffectEvent, useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {loadFailure} from '../shell/failure-text.js';
import {fitPlaced, layoutColumns, neededWidth, sortRows, statusWants, windowStart} from './columns.js';
import {useExplorer, useLevelKeys, useLevelPlace, useSelectionFollowsCursor} from '../shell/context.js';
import {commandHint, cursorMove, type CommandId} from '../keys/commands.js';
import {commandsWithKey} from '../keys/keymap.js';
import {listScreenKeys} from './list-keys.js';
import {useTypedLine} from './line-editor.js';
import {wrapLines} from './lines.js';
import {displayWidth} from '../../domain/text.js';
import {CHROME_ROWS, Frame} from '../shell/Frame.js';
import {LineView} from './LineView.js';
import {ListPane} from './ListPane.js';
import {Pane} from './Pane.js';
import type {ListLevelProps, RowAction} from './list-level-props.js';
import {
	capitalize,
	drillKeysHere,
	emptyMessage,
	filterRows,
	singular,
	unreadableDetail,
} from './list-level-helpers.js';

const PRELOAD_ROWS = 20;
/** How long the cursor rests on a row before the next level's data is fetched. */
const PREFETCH_AFTER_MS = 300;

export function ListLevel<Row, Action extends CommandId = never>(props: ListLevelProps<Row, Action>) {
	const {noun, resource, columns, rowId, detail, open, emptyText} = props;
	const {theme, dispatch, columns: screenColumns, rows: screenRows, share, say, readOnly} = useExplorer();
	const [focus, setFocus] = useState<'list' | 'detail'>('list');
	const typed = useTypedLine();
	const {text: filter, editing: editingFilter} = typed;
	const [detailOffset, setDetailOffset] = useState(0);
	const windowTop = useRef(0);
	const lastIndex = useRef(0);

	const allRows = resource.data;
	const sortable = useMemo(() => columns.filter(column => column.sort), [columns]);
	const [sortIndex, setSortIndex] = useState(-1);
	const sortColumn = sortable[sortIndex];
	const rows = useMemo(
		() => sortRows(filterRows(allRows ?? [], filter, columns), sortColumn),
		[allRows, filter, columns, sortColumn],
	);
	const {entry, active} = useLevelPlace();
	const {selectedId} = entry;
	const onTop = useRef(active);
	onTop.current = active;
	const found = selectedId === undefined ? -1 : rows.findIndex(row => rowId(row) === selectedId);
	const index = rows.length === 0 ? -1 : found >= 0 ? found : Math.min(lastIndex.current, rows.length - 1);
	lastIndex.current = Math.max(0, index);
	const selected = index >= 0 ? rows[index] : undefined;

	const bodyHeight = screenRows - CHROME_ROWS;
	// Wide terminals give the list more room, for its extra columns; a list that needs less leaves it
	// to the detail pane (ids and e-mails there then fit on one row).
	const maxLeft = Math.max(30, Math.round(screenColumns * (screenColumns >= 180 ? 0.62 : 0.55)));
	// A status column as wide as its longest word where there is room (a cut status can read as another).
	const wants = useMemo(() => statusWants(columns, allRows ?? []), [columns, allRows]);
	const placedAtMost = useMemo(() => layoutColumns(columns, maxLeft - 6, wants), [columns, maxLeft, wants]);
	const needed = useMemo(
		() => (allRows ? neededWidth(placedAtMost, allRows, Date.now()) + 6 : maxLeft),
		[placedAtMost, allRows, maxLeft],
	);
	const total = allRows?.length ?? 0;
	const count = filter ? `${rows.length} of ${total}` : `${total}${resource.hasMore ? '+' : ''}`;
	// No count until the list has arrived: "(0)" would say the list is empty.
	const title = `${capitalize(noun)}${props.titleSuffix ?? ''}${allRows === undefined ? '' : ` (${count})`}`;
	// As wide as its columns need, or its title (up to half the screen: the detail needs room too).
	const leftWidth = Math.max(
		30,
		Math.min(maxLeft, Math.max(needed, Math.min(displayWidth(title) + 8, Math.round(screenColumns / 2)))),
	);
	const rightWidth = screenColumns - leftWidth;
	const listHeight = Math.max(1, bodyHeight - 3);
	const placed = useMemo(() => fitPlaced(placedAtMost, leftWidth - 6), [placedAtMost, leftWidth]);
	const start = windowStart(windowTop.current, Math.max(0, index), listHeight, rows.length);
	windowTop.current = start;
	const now = resource.updatedAt ?? Date.now();
	const detailWidth = rightWidth - 4;
	// A row the detail cannot read fails only the detail pane, which says so and offers its raw JSON.
	const {detailRows, detailFailed} = useMemo(() => {
		if (!selected) return {detailRows: [], detailFailed: false};
		try {
			return {detailRows: wrapLines(detail(selected, now), detailWidth), detailFailed: false};
		} catch (error) {
			return {detailRows: wrapLines(unreadableDetail(noun, error), detailWidth), detailFailed: true};
		}
	}, [selected, detail, now, detailWidth, noun]);
	const detailHeight = bodyHeight - 2;

	const {hasMore, loadMore} = resource;
	useEffect(() => {
		if (hasMore && loadMore && index >= rows.length - PRELOAD_ROWS) loadMore();
	}, [hasMore, loadMore, index, rows.length]);
	const shownId = selected && rowId(selected);
	useSelectionFollowsCursor(shownId);
	// biome-ignore lint/correctness/useExhaustiveDependencies: a new row's detail starts at the top
	useEffect(() => setDetailOffset(0), [shownId]);
	const {prefetch, onFilterChange} = props;
	const prefetchSelected = useEffectEvent(() => {
		if (selected && prefetch) prefetch(selected);
	});
	useEffect(() => {
		if (shownId === undefined) return;
		const timer = setTimeout(prefetchSelected, PREFETCH_AFTER_MS);
		return () => clearTimeout(timer);
	}, [shownId]);
	useEffect(() => onFilterChange?.(filter), [filter, onFilterChange]);

	const select = (next: number) => {
		if (rows.length === 0) return;
		const clamped = Math.max(0, Math.min(rows.length - 1, next));
		lastIndex.current = clamped;
		dispatch({type: 'select', id: rowId(rows[clamped]!)});
	};
	const scrollDetail = (next: number) =>
		setDetailOffset(Math.max(0, Math.min(Math.max(0, detailRows.length - detailHeight), next)));

	useLevelKeys((command, press) => {
		if (editingFilter && press) {
			typed.key(press.input, press.key);
			return true;
		}
		if (props.onKey?.(command, press, selected)) return true;
		if (command === 'sort' && sortable.length > 0) {
			// s: the API's order, then each sortable column in turn; the selected row stays selected
			if (selected) dispatch({type: 'select', id: rowId(selected)});
			setSortIndex(index => (index + 1 >= sortable.length ? -1 : index + 1));
			return true;
		}
		if (command === 'view' && detailFailed && selected) {
			dispatch({
				type: 'push',
				location: {
					kind: 'document',
					title: `raw JSON of this ${singular(noun)}`,
					source: {type: 'value', value: selected},
				},
			});
			return true;
		}
		if (
			(command === 'copyId' || command === 'copyLink' || command === 'openLink') &&
			selected &&
			props.identify
		) {
			share(command, props.identify(selected));
			return true;
		}
		const actions: Partial<Record<CommandId, RowAction<Row>>> | undefined = props.actions;
		const action = command && actions?.[command];
		if (action) {
			const hint = commandHint(command) ?? command;
			const nothing = `${hint}: nothing to open here${resource.data ? '' : ' yet (still loading)'}`;
			const location = selected && action(selected);
			if (location instanceof Promise) {
				say(`${hint}: reading…`);
				location.then(
					found => onTop.current && (found ? dispatch({type: 'push', location: found}) : say(nothing)),
					(error: unknown) => onTop.current && say(`${hint}: ${loadFailure('what it opens', error)}`),
				);
			} else if (location) dispatch({type: 'push', location});
			else say(nothing);
			return true;
		}
		const missing = !command && press && commandsWithKey(press.name).find(c => c.scope === 'drill');
		if (missing) {
			say(
				`${commandHint(missing.id) ?? missing.id}: not on this screen (${drillKeysHere(props.keys.actions)})`,
			);
			return true;
		}
		const move = cursorMove(command, focus === 'list' ? listHeight : detailHeight);
		if (move !== undefined) {
			if (focus === 'list') select(move === Infinity ? rows.length - 1 : index + move);
			else scrollDetail(detailOffset + move);
			return true;
		}
		switch (command) {
			case 'focus':
				setFocus(f => (f === 'list' ? 'detail' : 'list'));
				return true;
			case 'filter':
				typed.start(true);
				setFocus('list');
				return true;
			case 'refresh':
				resource.refresh();
				return true;
			case 'open': {
				const location = selected && open?.(selected);
				if (location) dispatch({type: 'push', location});
				return true;
			}
			case 'back':
				if (filter) {
					typed.clear();
					return true;
				}
				return false;
			default:
				return false;
		}
	});

	// A write's confirmation is read across the screen (the detail is the selected row's, not its).
	const across = props.overlay !== undefined && props.overlayAcross === true;
	const filterLine =
		editingFilter || filter ? (
			<Text>
				<Text color={theme.accent}>/</Text>
				{filter}
				{editingFilter ? <Text inverse> </Text> : <Text color={theme.muted}>{'  (Esc clears)'}</Text>}
			</Text>
		) : undefined;

	return (
		<Frame
			refresh={{...resource, hasData: allRows !== undefined, notice: props.notice}}
			status={editingFilter ? filterLine : undefined}
			echo={editingFilter ? undefined : filterLine}
			keys={
				(props.overlay && props.overlayKeys) ||
				listScreenKeys(props.keys, {readOnly, opens: open !== undefined, rawView: detailFailed})
			}
		>
			<Box height={bodyHeight}>
				<Pane
					title={title}
					focused={focus === 'list' || across}
					width={across ? screenColumns : leftWidth}
					height={bodyHeight}
					theme={theme}
				>
					{props.overlay ??
						(rows.length > 0 ? (
							<ListPane
								rows={rows}
								placed={placed}
								sortedBy={sortColumn}
								rowId={rowId}
								start={start}
								height={listHeight}
								selectedIndex={index}
								now={now}
								theme={theme}
								focused={focus === 'list'}
							/>
						) : (
							<Text color={resource.error ? theme.error : theme.muted} wrap="wrap">
								{emptyMessage({noun, resource, filter, emptyText})}
							</Text>
						))}
				</Pane>
				{across ? null : (
					<Pane
						title={selected ? props.detailTitle(selected) : 'Detail'}
						focused={focus === 'detail'}
						width={rightWidth}
						height={bodyHeight}
						theme={theme}
					>
						<LineView
							rows={detailRows}
							offset={detailOffset}
							height={detailHeight}
							width={detailWidth}
							theme={theme}
						/>
					</Pane>
				)}
			</Box>
		</Frame>
	);
}
