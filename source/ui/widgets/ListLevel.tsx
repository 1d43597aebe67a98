// The one generic browser: a live list on the left, the selected row's detail on the right. Each
// level describes itself as data (columns, detail lines, where Enter goes) and gets navigation,
// filtering, paging, refresh and keys from here.
import {type ReactNode, useEffect, useEffectEvent, useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {loadFailure} from '../shell/failure-text.js';
import type {Location} from '../../state/locations.js';
import type {Resource} from '../../state/resource.js';
import {
	cellText,
	fitPlaced,
	layoutColumns,
	neededWidth,
	sortRows,
	statusWants,
	windowStart,
	type Column,
} from './columns.js';
import {useExplorer, useLevelKeys, useLevelPlace} from '../shell/context.js';
import {commandHint, cursorMove, type CommandId} from '../keys/commands.js';
import {commandsWithKey, type KeyPress, type ScreenKeys} from '../keys/keymap.js';
import {listScreenKeys, type ListKeys} from './list-keys.js';
import {useTypedLine} from './line-editor.js';
import {text, wrapLines, type Line} from './lines.js';
import {sanitize} from '../../domain/sanitize.js';
import {displayWidth} from '../../domain/text.js';
import type {LinkTarget} from '../../domain/links.js';
import {CHROME_ROWS, Frame} from '../shell/Frame.js';
import {LineView} from './LineView.js';
import {ListPane} from './ListPane.js';
import {Pane} from './Pane.js';

export interface ListLevelProps<Row, Action extends CommandId = never> {
	/** Plural noun for the pane title and messages: "installs". */
	noun: string;
	resource: Resource<Row[]> & {hasMore?: boolean; loadMore?: () => void};
	columns: readonly Column<Row>[];
	rowId: (row: Row) => string;
	detailTitle: (row: Row) => string;
	detail: (row: Row, now: number) => Line[];
	open?: (row: Row) => Location | undefined;
	/** Shown in the list pane when there are no rows at all. */
	emptyText: string;
	/** The level's keys (its descriptor's): what the list binds, its actions among them. */
	keys: ListKeys<Action>;
	/** Level-specific keys, tried before the generic ones; `selected` is the row under the cursor. */
	onKey?: (command: CommandId | undefined, press: KeyPress | undefined, selected: Row | undefined) => boolean;
	/** Replaces the list pane while shown: a menu, a confirmation. */
	overlay?: ReactNode;
	/** The keys bound while the overlay is shown. */
	overlayKeys?: ScreenKeys;
	titleSuffix?: string;
	/** Said in the status line while it holds (a write Nuon has not acted on yet). */
	notice?: string;
	/** The selected row's id and dashboard page, for y, Y and o. */
	identify?: (row: Row) => {id?: string; target: LinkTarget; label: string};
	/** Loads what Enter would show, once the cursor has rested on a row for a moment. */
	prefetch?: (row: Row) => void;
	/** Told what the filter says, for levels that can search the server (installs). */
	onFilterChange?: (filter: string) => void;
	/**
	 * What the keys of `keys.actions` open from the selected row (L logs, P plan, ...). A promise: where
	 * to go needs a request first (the status line says so meanwhile; nothing opens if the user has left).
	 */
	actions?: Record<NoInfer<Action>, RowAction<Row>>;
}

type RowAction<Row> = (row: Row) => Location | Promise<Location | undefined> | undefined;

function drillKeysHere(actions: readonly CommandId[]): string {
	const here = actions.map(commandHint).filter(Boolean);
	return here.length ? `here: ⏎ open, ${here.join(', ')}` : 'here: ⏎ opens the selection';
}
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

	const status =
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
			status={status}
			keys={
				(props.overlay && props.overlayKeys) ||
				listScreenKeys(props.keys, {readOnly, opens: open !== undefined, rawView: detailFailed})
			}
		>
			<Box height={bodyHeight}>
				<Pane title={title} focused={focus === 'list'} width={leftWidth} height={bodyHeight} theme={theme}>
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
			</Box>
		</Frame>
	);
}

function emptyMessage({
	noun,
	resource,
	filter,
	emptyText,
}: {
	noun: string;
	resource: Resource<unknown[]>;
	filter: string;
	emptyText: string;
}): string {
	if (resource.data === undefined) {
		return resource.error ? loadFailure(noun, resource.error) : `Loading ${noun}…`;
	}
	return filter ? `No ${noun} match "${filter}". Esc clears the filter.` : emptyText;
}

function filterRows<Row>(
	rows: readonly Row[],
	filter: string,
	columns: readonly Column<Row>[],
): readonly Row[] {
	if (!filter) return rows;
	const needle = filter.toLowerCase();
	return rows.filter(row => columns.some(column => cellText(column, row, 0).toLowerCase().includes(needle)));
}

function unreadableDetail(noun: string, error: unknown): Line[] {
	const reason = sanitize(error instanceof Error ? error.message : String(error))
		.replace(/\s+/g, ' ')
		.slice(0, 160);
	return [
		text(
			`⚠ Could not show this ${singular(noun)}: ` + `the API sent a field this pane cannot read (${reason}).`,
			{
				status: 'error',
			},
		),
		text('v shows its raw JSON', {muted: true}),
	];
}

const singular = (noun: string) => noun.replace(/s$/, '');

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
