// Server strings (names, descriptions, log lines) are untrusted: they must never drive the terminal.
// ESC-introduced sequences (CSI, OSC, DCS, ...), C1 sequences, other control characters and bidi
// overrides are removed; tabs become spaces so column widths stay predictable.
/* eslint-disable no-control-regex */
const ESCAPE_SEQUENCE =
	/\u001B(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[ -/]*[0-~]?)/g;
const C1_SEQUENCE = /\u009B[0-?]*[ -/]*[@-~]?|[\u0090\u009D\u009E\u009F][^\u0007\u009C]*[\u0007\u009C]?/g;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/** Text safe to print: no escape sequences, no control characters, no bidi overrides. */
export function sanitize(text: string): string {
	return text.replace(ESCAPE_SEQUENCE, '').replace(C1_SEQUENCE, '').replace(/\t/g, '  ').replace(CONTROL, '');
}

/** Sanitizes every string, and every object key, in a parsed JSON value. */
export function sanitizeDeep<T>(value: T): T {
	if (typeof value === 'string') return sanitize(value) as T;
	if (Array.isArray(value)) return value.map(item => sanitizeDeep(item)) as T;
	if (value && typeof value === 'object') {
		const clean: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) clean[sanitize(key)] = sanitizeDeep(item);
		return clean as T;
	}
	return value;
}

/** One line of text: newlines fold into spaces (for list cells and headers). */
export function oneLine(text: string | undefined | null): string {
	return (text ?? '').replace(/\r?\n|\r/g, ' ');
}
