// JSON as rows for the viewer: objects and arrays can be collapsed, long strings are folded until
// opened. Pure: the same value and toggles give the same rows.
import {sanitize, sanitizeDeep} from './sanitize.js';

export interface JsonRow {
	/** Path of the node: "$", "$.outputs", "$.items[2]". */
	path: string;
	depth: number;
	key?: string;
	/** The node's text after "key: ". */
	text: string;
	kind: 'open' | 'close' | 'leaf';
	/** Enter toggles it: collapse or expand an object or array, unfold or fold a long string. */
	toggleable: boolean;
}

export const FOLD_AT = 100;

function childPath(path: string, key: string | number): string {
	return typeof key === 'number'
		? `${path}[${key}]`
		: /^[A-Za-z_][\w-]*$/.test(key)
			? `${path}.${key}`
			: `${path}[${JSON.stringify(key)}]`;
}

/** `toggled` holds the paths the user flipped: collapsed containers, unfolded strings. */
export function jsonRows(
	value: unknown,
	toggled: ReadonlySet<string> = new Set(),
	path = '$',
	depth = 0,
	key?: string,
): JsonRow[] {
	if (value !== null && typeof value === 'object') {
		const entries: Array<[string | number, unknown]> = Array.isArray(value)
			? value.map((item, index) => [index, item])
			: Object.entries(value);
		const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
		if (entries.length === 0)
			return [{path, depth, key, text: `${open}${close}`, kind: 'leaf', toggleable: false}];
		if (toggled.has(path)) {
			const noun = Array.isArray(value) ? 'item' : 'key';
			const count = `${entries.length} ${noun}${entries.length === 1 ? '' : 's'}`;
			return [{path, depth, key, text: `${open}…${close} ${count}`, kind: 'leaf', toggleable: true}];
		}
		return [
			{path, depth, key, text: open, kind: 'open', toggleable: true},
			...entries.flatMap(([childKey, child]) =>
				jsonRows(
					child,
					toggled,
					childPath(path, childKey),
					depth + 1,
					typeof childKey === 'number' ? undefined : childKey,
				),
			),
			{path, depth, text: close, kind: 'close', toggleable: false},
		];
	}
	const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
	if (typeof value === 'string' && text.length > FOLD_AT && !toggled.has(path)) {
		return [
			{
				path,
				depth,
				key,
				text: `${text.slice(0, FOLD_AT)}…" (+${text.length - FOLD_AT} chars)`,
				kind: 'leaf',
				toggleable: true,
			},
		];
	}
	return [
		{path, depth, key, text, kind: 'leaf', toggleable: typeof value === 'string' && text.length > FOLD_AT},
	];
}

export function rowText(row: JsonRow): string {
	return `${'  '.repeat(row.depth)}${row.key === undefined ? '' : `${row.key}: `}${row.text}`;
}

/**
 * A plan or other document the API sends: JSON when it parses (or already is an object), else
 * plain text. Never trusts the type it is handed; keys and strings come back sanitized.
 */
export function parseDocument(
	document: unknown,
): {kind: 'json'; value: unknown} | {kind: 'text'; lines: string[]} {
	if (document !== null && typeof document === 'object') return {kind: 'json', value: sanitizeDeep(document)};
	const text = typeof document === 'string' ? document : String(document);
	try {
		const value: unknown = JSON.parse(text);
		if (value !== null && typeof value === 'object') return {kind: 'json', value: sanitizeDeep(value)};
	} catch {
		// not JSON: show it as text
	}
	return {kind: 'text', lines: sanitize(text).split(/\r?\n/)};
}
