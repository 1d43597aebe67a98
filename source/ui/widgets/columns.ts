// Table columns as data, and fitting them into the width a pane has.
import {phaseRank, type Phase} from '../../domain/status.js';
import {displayWidth, oneLine} from '../../domain/text.js';

export interface Column<Row> {
	header: string;
	/** Columns wide; a growing column takes the width left over, with this as its minimum. */
	width: number;
	grow?: boolean;
	/** Lower numbers stay longest when the pane is narrow. */
	priority: number;
	align?: 'left' | 'right';
	text: (row: Row, now: number) => string;
	/** When true for a row, the cell is dimmed (a stand-in, such as an id for a missing name). */
	muted?: (row: Row) => boolean;
	/** When given, the cell's text is coloured as this phase (no glyph: it is not a status). */
	tone?: (row: Row) => Phase | undefined;
	/** When given, the cell is a status: glyph and colour come from it. */
	status?: (row: Row) => string | undefined | null;
	/** When given, `s` can sort by this column. */
	sort?: (row: Row) => string | number;
}

/** What a cell shows when the row's fields cannot be read: the row stays, the list goes on. */
export const UNREADABLE = '⚠ unreadable';

/**
 * A column's value for a row. Columns read server fields; one the server sent with a type no
 * column expects shows as UNREADABLE in its cell instead of failing the list.
 */
function guarded<T>(read: () => T, fallback: T): T {
	try {
		return read();
	} catch {
		return fallback;
	}
}

export const cellText = <Row>(column: Column<Row>, row: Row, now: number): string =>
	guarded(() => String(column.text(row, now) ?? ''), UNREADABLE);
export const cellStatus = <Row>(column: Column<Row>, row: Row): unknown =>
	guarded(() => column.status?.(row), UNREADABLE);
const sortKey = <Row>(column: Column<Row>, row: Row): string | number =>
	guarded(() => column.sort?.(row) ?? '', '');

/** Sorting by a status puts the ones that need attention first. */
export const statusRank = phaseRank;

/** Rows ordered by a column (stable; the API's order breaks ties), or as they came. */
export function sortRows<Row>(
	rows: readonly Row[],
	column: Column<Row> | undefined,
	descending = false,
): readonly Row[] {
	if (!column?.sort) return rows;
	const sign = descending ? -1 : 1;
	return rows
		.map((row, index) => ({row, index, key: sortKey(column, row)}))
		.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.index - b.index))
		.map(entry => entry.row);
}

export interface PlacedColumn<Row> {
	column: Column<Row>;
	width: number;
}

export const COLUMN_GAP = 1;

/** The widest a status column grows to fit its words (a glyph, a space and the word). */
export const STATUS_MAX_WIDTH = 24;

/** How wide each status column would like to be: its longest word (up to STATUS_MAX_WIDTH). */
export function statusWants<Row>(
	columns: readonly Column<Row>[],
	rows: readonly Row[],
): Map<Column<Row>, number> {
	const wants = new Map<Column<Row>, number>();
	for (const column of columns) {
		if (!column.status) continue;
		const longest = Math.max(
			0,
			...rows.slice(0, 2000).map(row => displayWidth(oneLine(cellText(column, row, 0))) + 2),
		);
		if (longest > column.width) wants.set(column, Math.min(STATUS_MAX_WIDTH, longest));
	}
	return wants;
}

/**
 * The columns that fit in `width`, in their declared order, chosen by priority: a column that wants
 * more (`wants`: a status column's longest word, so none is cut) takes it when it fits, so a less
 * important column gives way to it, and its own width otherwise (wanting more never costs a column
 * its place); the width left over goes to the growing column.
 */
export function layoutColumns<Row>(
	columns: readonly Column<Row>[],
	width: number,
	wants: ReadonlyMap<Column<Row>, number> = new Map(),
): PlacedColumn<Row>[] {
	const byPriority = [...columns].sort((a, b) => a.priority - b.priority);
	const chosen = new Map<Column<Row>, number>();
	let used = 0;
	for (const column of byPriority) {
		const gap = chosen.size > 0 ? COLUMN_GAP : 0;
		const wanted = Math.max(column.width, wants.get(column) ?? 0);
		const fits = [wanted, column.width].find(w => used + gap + w <= width);
		// A column that does not fit ends the choice: a narrower, less important one never takes its place.
		if (fits === undefined) break;
		chosen.set(column, fits);
		used += gap + fits;
	}
	const placed = columns.filter(c => chosen.has(c)).map(column => ({column, width: chosen.get(column)!}));
	const grower = placed.find(p => p.column.grow) ?? placed[0];
	if (grower) grower.width += Math.max(0, width - used);
	return placed;
}

/** The first row to show so that `index` is visible, moving the window as little as possible. */
export function windowStart(previousStart: number, index: number, height: number, count: number): number {
	if (height <= 0 || count <= height) return 0;
	let start = Math.min(previousStart, count - height);
	if (index < start) start = index;
	if (index >= start + height) start = index - height + 1;
	return Math.max(0, start);
}

/** React keys from ids that may be missing or repeated (the API does not promise either). */
export function uniqueKeys(ids: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return ids.map(id => {
		const count = seen.get(id) ?? 0;
		seen.set(id, count + 1);
		return id && count === 0 ? id : `${id}#${count}`;
	});
}

/**
 * How wide placed columns need to be: the others at their widths, the growing one as wide as its
 * longest cell (or its header). A list that needs less than it was given leaves the rest to the
 * detail pane beside it.
 */
export function neededWidth<Row>(
	placed: readonly PlacedColumn<Row>[],
	rows: readonly Row[],
	now: number,
): number {
	const grower = growerOf(placed);
	const longest = grower
		? Math.max(
				displayWidth(grower.column.header) + 1,
				...rows.slice(0, 2000).map(row => displayWidth(oneLine(cellText(grower.column, row, now)))),
			)
		: 0;
	const others = placed.reduce((sum, p) => sum + (p === grower ? 0 : p.width), 0);
	return (
		Math.min(
			placed.reduce((sum, p) => sum + p.width, 0),
			others + longest,
		) +
		COLUMN_GAP * Math.max(0, placed.length - 1)
	);
}

/** The same columns in `width`: the growing one gives up (or takes) the difference. */
export function fitPlaced<Row>(placed: readonly PlacedColumn<Row>[], width: number): PlacedColumn<Row>[] {
	const total = placed.reduce((sum, p) => sum + p.width, 0) + COLUMN_GAP * Math.max(0, placed.length - 1);
	const grower = growerOf(placed);
	return placed.map(p => (p === grower ? {...p, width: Math.max(1, p.width + width - total)} : p));
}

const growerOf = <Row>(placed: readonly PlacedColumn<Row>[]) => placed.find(p => p.column.grow) ?? placed[0];
