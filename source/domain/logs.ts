// The log model: nanosecond cursors built with BigInt, records de-duplicated by id, and a bounded
// buffer of the newest lines. Pure functions; the polling lives in state/log-tail.ts.
import type {LogRecord} from '../api/resources.js';
import {number, text} from './fields.js';
import {sanitize, sanitizeKeepingColour, stripColour} from './sanitize.js';

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9})\d*)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Unix time in nanoseconds from an RFC 3339 timestamp. A JS Date keeps only milliseconds and would
 * repeat or skip records that share one, so the fraction is carried exactly with BigInt.
 */
export function timestampToNanos(timestamp: string | undefined | null): bigint | undefined {
	const match = RFC3339.exec(timestamp ?? '');
	if (!match) return undefined;
	const seconds = Date.parse(`${match[1]}${match[3]!.toUpperCase()}`);
	if (!Number.isFinite(seconds)) return undefined;
	return BigInt(seconds) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0'));
}

export interface LogLine {
	id: string;
	ns: bigint;
	timestamp: string;
	severity: string;
	/** Sanitized, colour codes kept. */
	body: string;
	/** Without colour codes: for search and saving. */
	plain: string;
	step?: string;
	jobId?: string;
	executionId?: string;
}

/**
 * A record as a line. A record whose timestamp is not RFC 3339 is kept, shown without a time: it
 * takes `placeNs` (its neighbour's time) so that it stays where it arrived.
 */
export function toLogLine(record: LogRecord, fallbackIndex: number, placeNs = 0n): LogLine {
	const timed = timestampToNanos(text(record.timestamp));
	const ns = timed ?? placeNs;
	const body = sanitizeKeepingColour(bodyText(record.body));
	const id =
		optional(record.id) ??
		(timed === undefined ? `untimed:${ns}:${stripColour(body).slice(0, 200)}` : `${ns}-${fallbackIndex}`);
	return {
		id,
		ns,
		timestamp: timed === undefined ? '' : sanitize(text(record.timestamp) ?? ''),
		severity: sanitize(optional(record.severity_text) ?? severityFromNumber(number(record.severity_number))),
		body,
		plain: stripColour(body),
		step: optional(record.log_attributes?.workflow_step_name),
		jobId: optional(record.runner_job_id),
		executionId: optional(record.runner_job_execution_id),
	};
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	return typeof body === 'object' ? JSON.stringify(body) : String(body);
}

function optional(value: unknown): string | undefined {
	return typeof value === 'string' && value ? sanitize(value) : undefined;
}

function severityFromNumber(severity: number | undefined): string {
	if (severity === undefined) return 'INFO';
	if (severity >= 17) return 'ERROR';
	if (severity >= 13) return 'WARN';
	if (severity >= 9) return 'INFO';
	return 'DEBUG';
}

export interface LogBuffer {
	/** Oldest first. */
	lines: LogLine[];
	ids: ReadonlySet<string>;
	/** Lines dropped from memory to stay within capacity. */
	dropped: number;
	capacity: number;
}

export function emptyBuffer(capacity = 20_000): LogBuffer {
	return {lines: [], ids: new Set(), dropped: 0, capacity};
}

const byTime = (a: LogLine, b: LogLine) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0);

/** `anchorNs`: where records with no readable time go when none of the page has one. */
function fresh(buffer: LogBuffer, records: LogRecord[], anchorNs: bigint): LogLine[] {
	const seen = new Set<string>();
	const lines: LogLine[] = [];
	const times = records.map(record => timestampToNanos(text(record?.timestamp)));
	let previous = times.find(ns => ns !== undefined) ?? anchorNs;
	records.forEach((record, index) => {
		if (record === null || typeof record !== 'object') return;
		previous = times[index] ?? previous;
		const line = toLogLine(record, index, previous);
		if (!buffer.ids.has(line.id) && !seen.has(line.id)) {
			seen.add(line.id);
			lines.push(line);
		}
	});
	return lines.sort(byTime);
}

/** Adds newer records; the oldest lines leave memory once the buffer is full. */
export function appendNewer(buffer: LogBuffer, records: LogRecord[]): LogBuffer {
	const added = fresh(buffer, records, buffer.lines.at(-1)?.ns ?? 0n);
	if (added.length === 0) return buffer;
	const last = buffer.lines.at(-1);
	let lines =
		last && added[0]!.ns < last.ns ? [...buffer.lines, ...added].sort(byTime) : [...buffer.lines, ...added];
	const overflow = Math.max(0, lines.length - buffer.capacity);
	const ids = new Set(buffer.ids);
	for (const line of added) ids.add(line.id);
	if (overflow > 0) {
		for (const line of lines.slice(0, overflow)) ids.delete(line.id);
		lines = lines.slice(overflow);
	}
	return {...buffer, lines, ids, dropped: buffer.dropped + overflow};
}

/** Adds older records (paging backwards), as many as fit in the buffer. */
export function prependOlder(buffer: LogBuffer, records: LogRecord[]): LogBuffer {
	const room = buffer.capacity - buffer.lines.length;
	const added = fresh(buffer, records, buffer.lines[0]?.ns ?? 0n).slice(-Math.max(0, room));
	if (added.length === 0 || room <= 0) return buffer;
	const ids = new Set(buffer.ids);
	for (const line of added) ids.add(line.id);
	return {...buffer, lines: [...added, ...buffer.lines], ids};
}

export interface LogFilter {
	step?: string;
	executionId?: string;
}

export function filterLines(lines: readonly LogLine[], filter: LogFilter): readonly LogLine[] {
	if (!filter.step && !filter.executionId) return lines;
	return lines.filter(
		line =>
			(!filter.step || line.step === filter.step) &&
			(!filter.executionId || line.executionId === filter.executionId),
	);
}

/** Indexes of lines whose text contains `query` (case-insensitive). */
export function searchLines(lines: readonly LogLine[], query: string): number[] {
	if (!query) return [];
	const needle = query.toLowerCase();
	const found: number[] = [];
	lines.forEach((line, index) => {
		if (line.plain.toLowerCase().includes(needle)) found.push(index);
	});
	return found;
}

/** Plain text of the lines, one per line, for saving to a file. */
export function formatForFile(lines: readonly LogLine[]): string {
	return `${lines
		.map(
			line =>
				`${line.timestamp} ${line.severity.padEnd(5)} ${line.step ? `[${line.step}] ` : ''}${line.plain}`,
		)
		.join('\n')}\n`;
}
