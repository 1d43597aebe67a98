// Server strings (names, descriptions, log lines) are untrusted: they must never drive the terminal.
// ESC-introduced sequences (CSI, OSC, DCS, ...), C1 sequences, other control characters and bidi
// overrides are removed; tabs become spaces so column widths stay predictable.
const ESCAPE_SEQUENCE = new RegExp(
	[
		String.raw`\u001B(?:\[[0-?]*[ -/]*[@-~]?`, // CSI
		String.raw`\][^\u0007\u001B]*(?:\u0007|\u001B\\)?`, // OSC
		String.raw`[PX^_][^\u001B]*(?:\u001B\\)?`, // DCS, SOS, PM, APC
		'[ -/]*[0-~]?)', // the rest
	].join('|'),
	'g',
);
const C1_SEQUENCE = /\u009B[0-?]*[ -/]*[@-~]?|[\u0090\u009D\u009E\u009F][^\u0007\u009C]*[\u0007\u009C]?/g;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

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

const SGR_SEQUENCE = /\u001B\[([0-9;]*)m/g;
/* eslint-enable no-control-regex */

/** SGR parameters that only set colour or weight (never conceal, blink or reverse). */
function isColourSgr(params: string): boolean {
	if (params === '') return true;
	const parts = params.split(';').map(Number);
	for (let index = 0; index < parts.length; index++) {
		const code = parts[index]!;
		if (code === 38 || code === 48) {
			const mode = parts[index + 1];
			if (mode === 5 && parts.length >= index + 3) index += 2;
			else if (mode === 2 && parts.length >= index + 5) index += 4;
			else return false;
			continue;
		}
		const allowed =
			code === 0 ||
			code === 1 ||
			code === 2 ||
			code === 3 ||
			code === 4 ||
			(code >= 22 && code <= 24) ||
			(code >= 30 && code <= 37) ||
			code === 39 ||
			(code >= 40 && code <= 47) ||
			code === 49 ||
			(code >= 90 && code <= 97) ||
			(code >= 100 && code <= 107);
		if (!allowed) return false;
	}
	return true;
}

/**
 * A log body safe to print with its colours: SGR colour codes survive, every other escape or
 * control sequence is removed, and a line that sets a colour ends by resetting it.
 */
export function sanitizeKeepingColour(text: string): string {
	let out = '';
	let last = 0;
	let coloured = false;
	for (const match of text.matchAll(SGR_SEQUENCE)) {
		out += sanitize(text.slice(last, match.index));
		if (isColourSgr(match[1]!)) {
			out += match[0];
			coloured = true;
		}
		last = match.index! + match[0].length;
	}
	out += sanitize(text.slice(last));
	return coloured ? `${out}\u001B[0m` : out;
}

/** Text without its colour codes (for searching and saving). */
export function stripColour(text: string): string {
	return text.replace(SGR_SEQUENCE, '');
}
