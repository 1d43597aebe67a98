// What a paste becomes: text for the one-line field that has focus, never keys. Line breaks and
// tabs read as spaces (a newline in a paste must not submit), escape sequences and other control
// characters are dropped, and the field keeps at most its limit.
import {sanitize} from '../../domain/sanitize.js';

/** The most characters a typed line holds unless its field says less (a filter, a search, the `:` line). */
export const LINE_LIMIT = 1000;

/** A paste as one line of plain text. */
export function pastedLine(text: string): string {
	return sanitize(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '));
}

/** `text` cut to `limit` characters (whole code points). */
export function clip(text: string, limit: number): string {
	if (text.length <= limit) return text;
	return [...text].slice(0, limit).join('');
}
