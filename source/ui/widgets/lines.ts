// The detail pane and the deploy view are lists of lines, so any of them can scroll.
import {jsonRows, rowText} from '../../domain/json-tree.js';
import {sanitize} from '../../domain/sanitize.js';
import {statusView, type Phase} from '../../domain/status.js';
import {displayWidth, splitByWidth, truncate} from '../../domain/text.js';

export type Line =
	| {kind: 'heading'; text: string}
	| {
			kind: 'field';
			label: string;
			value: string;
			status?: string /** Set by wrapLines: the pane's label column. */;
			labelWidth?: number;
	  }
	| {
			kind: 'text';
			text: string;
			status?: string;
			muted?: boolean /** Coloured as this phase, with no glyph (a diff's − and + lines). */;
			tone?: Phase;
	  }
	| {kind: 'blank'};

export const heading = (text: string): Line => ({kind: 'heading', text});
/**
 * A value from the server as one piece of text, whatever its type: a level expecting a word that
 * gets an object shows the object's JSON instead of failing.
 */
export function shown(value: unknown): string {
	if (value === undefined || value === null || value === '') return '—';
	if (typeof value === 'string') return value;
	if (typeof value === 'object') return sanitize(JSON.stringify(value) ?? '');
	return String(value);
}

export const field = (label: string, value: unknown, status?: unknown): Line => ({
	kind: 'field',
	label,
	value: shown(value),
	status: statusWord(status),
});
export const text = (
	value: unknown,
	options: {status?: unknown; muted?: boolean; tone?: Phase} = {},
): Line => ({
	kind: 'text',
	text: typeof value === 'string' ? value : shown(value),
	muted: options.muted,
	tone: options.tone,
	status: statusWord(options.status),
});

const statusWord = (status: unknown): string | undefined =>
	status === undefined || typeof status === 'string' ? status : shown(status);
export const blank: Line = {kind: 'blank'};

/** One screen row of a line: long values continue on the next rows instead of being cut. */
export type Row = Line | {kind: 'continuation'; text: string; indent: number; status?: string; tone?: Phase};

/**
 * Splits lines whose text is wider than `width` into rows. Fields continue under their value;
 * plain text continues at its own indent. Very long values are cut after `maxRows` rows.
 */
export function wrapLines(lines: readonly Line[], width: number, maxRows = 6): Row[] {
	const labelWidth = labelWidthFor(width, lines);
	const rows: Row[] = [];
	for (const line of lines) {
		if (line.kind !== 'field' && line.kind !== 'text') {
			rows.push(line);
			continue;
		}
		let indent = line.kind === 'field' ? labelWidth + 1 : 2;
		let first = line.kind === 'field' ? width - labelWidth - 1 : width;
		const raw = line.kind === 'field' ? line.value : line.text;
		const view = line.status === undefined ? undefined : statusView(line.status);
		const prefix = line.status === undefined ? 0 : 2;
		// A token (an id, an e-mail, an image) that does not fit beside its label, or under its value,
		// puts the value below the label at the pane's edge rather than break the token in two; so does
		// a label longer than a narrow pane gives labels, which then reads whole on its own row.
		const wholeLabel = line.kind === 'field' ? displayWidth(line.label) : 0;
		const labelTooWide = wholeLabel > labelWidth;
		const below =
			line.kind === 'field' && (labelTooWide || longestToken(raw) + prefix > Math.min(first, width - indent));
		if (below) {
			// The label row alone; the status's glyph leads the value on the row below.
			rows.push({
				...line,
				value: '',
				status: undefined,
				labelWidth: Math.max(labelWidth, Math.min(width - 1, wholeLabel)),
			});
			indent = 2;
			first = width - 2;
		}
		// One still too wide for a row is cut with … (y copies the whole).
		const value = cutTokens(raw, width - indent - prefix);
		// A line break in a value starts a new row: one row of a pane is one row of the screen.
		const chunks = value
			.split(/\r?\n|[\u2028\u2029]/)
			.flatMap((part, index) =>
				splitByWidth(part, index === 0 ? first - prefix : width - indent, width - indent),
			);
		if (chunks.length > maxRows) chunks.splice(maxRows - 1, Infinity, `${chunks[maxRows - 1]}…`);
		if (below) {
			if (view) chunks[0] = `${view.glyph} ${raw === line.status ? view.label : chunks[0]}`;
			chunks.unshift('');
		} else
			rows.push(
				line.kind === 'field'
					? {...line, value: chunks[0] ?? '', labelWidth}
					: {...line, text: chunks[0] ?? ''},
			);
		for (const rest of chunks.slice(1))
			rows.push({
				kind: 'continuation',
				text: rest,
				indent,
				status: line.status,
				tone: line.kind === 'text' ? line.tone : undefined,
			});
	}
	return rows;
}

const longestToken = (text: string) => Math.max(0, ...text.split(/\s+/).map(displayWidth));
const cutTokens = (text: string, max: number) =>
	text.replace(/\S+/g, token => (displayWidth(token) > max ? truncate(token, Math.max(1, max)) : token));

const LABEL_WIDTH = 16;

/** Width of a field's label column in a pane `width` columns wide: the longest label, where the pane leaves
 * room for values. */
export function labelWidthFor(width: number, lines: readonly Line[] = []): number {
	const longest = Math.max(0, ...lines.map(line => (line.kind === 'field' ? displayWidth(line.label) : 0)));
	return Math.max(0, Math.min(LABEL_WIDTH, longest || LABEL_WIDTH, width - 14));
}

/** A JSON value as indented, muted text lines (long strings folded), at most `maxRows` of them. */
export function jsonLines(value: unknown, maxRows = 60): Line[] {
	if (
		value === undefined ||
		value === null ||
		(typeof value === 'object' && Object.keys(value).length === 0)
	) {
		return [text('none', {muted: true})];
	}
	const rows = jsonRows(value).map(row => text(rowText(row)));
	return rows.length > maxRows
		? [
				...rows.slice(0, maxRows),
				text(`… ${rows.length - maxRows} more lines: v opens the viewer`, {muted: true}),
			]
		: rows;
}
