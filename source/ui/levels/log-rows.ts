// Which screen rows a log view shows: pure, so scrolling, wrapping and following can be tested.
import wrapAnsi from 'wrap-ansi';
import type {LogLine} from '../../domain/logs.js';

export const MAX_ROWS_PER_LINE = 40;

export interface LogRow {
	line: LogLine;
	index: number;
	/** The body text of this row (a wrapped piece in wrap mode). */
	text: string;
	/** Which row of its line (0 for the first, which carries the time and severity). */
	piece: number;
	first: boolean;
}

export function rowsOfLine(line: LogLine, index: number, wrap: boolean, width: number): LogRow[] {
	if (!wrap || width <= 0) return [{line, index, text: line.body, piece: 0, first: true}];
	const pieces = wrapAnsi(line.body, width, {hard: true, trim: false}).split('\n');
	const shown =
		pieces.length > MAX_ROWS_PER_LINE
			? [
					...pieces.slice(0, MAX_ROWS_PER_LINE - 1),
					`… ${pieces.length - MAX_ROWS_PER_LINE + 1} more rows of this line`,
				]
			: pieces;
	return shown.map((text, piece) => ({line, index, text, piece, first: piece === 0}));
}

/**
 * The rows on screen: the last lines when following the end (`topIndex` undefined), else the lines
 * from `topIndex` on. Returns the rows and the index of the first line shown.
 */
export function visibleRows(
	lines: readonly LogLine[],
	topIndex: number | undefined,
	height: number,
	wrap: boolean,
	bodyWidth: number,
): {rows: LogRow[]; top: number} {
	if (height <= 0 || lines.length === 0) return {rows: [], top: 0};
	if (topIndex === undefined) {
		const rows: LogRow[] = [];
		let index = lines.length - 1;
		for (; index >= 0 && rows.length < height; index--)
			rows.unshift(...rowsOfLine(lines[index]!, index, wrap, bodyWidth));
		const overflow = rows.length - height;
		return {rows: overflow > 0 ? rows.slice(overflow) : rows, top: index + 1};
	}
	const top = Math.max(0, Math.min(topIndex, lines.length - 1));
	const rows: LogRow[] = [];
	for (let index = top; index < lines.length && rows.length < height; index++)
		rows.push(...rowsOfLine(lines[index]!, index, wrap, bodyWidth));
	return {rows: rows.slice(0, height), top};
}
