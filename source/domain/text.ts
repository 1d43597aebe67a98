// Fitting text into terminal columns by display width: wide characters (CJK, emoji) count as two.
import stringWidth, {isSimpleText} from './text-width.js';

let segmenter: Intl.Segmenter | undefined;

/** The text's graphemes; the first Intl.Segmenter costs ~15 ms, so simple text is split without one. */
function graphemes(text: string): string[] {
	if (isSimpleText(text)) return [...text];
	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(text), ({segment}) => segment);
}

export function displayWidth(text: string): number {
	return stringWidth(text);
}

/**
 * Text for a one-line place (a row, a title, a breadcrumb, the header, the status line): line
 * breaks from the server become spaces, so they can never push the rest of the screen down.
 */
export function oneLine(text: string): string {
	// String(): a field of another type (an object where a name should be) still becomes text.
	return String(text ?? '').replace(/\s*[\n\r\u2028\u2029]+\s*/g, ' ');
}

/** Cut to at most `width` columns on one line, ending with … when cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	text = oneLine(text);
	if (displayWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const segment of graphemes(text)) {
		const w = stringWidth(segment);
		if (used + w > width - 1) break;
		out += segment;
		used += w;
	}
	return `${out}…`;
}

/** Exactly `width` columns: truncated, then padded with spaces (or padded on the left with `right`). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, width);
	const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/**
 * Splits text into pieces of at most `firstWidth` columns, then `restWidth` columns each, breaking
 * after spaces where it can and inside a word only when the word alone is too wide.
 */
export function splitByWidth(text: string, firstWidth: number, restWidth: number): string[] {
	const pieces: string[] = [];
	let current = '';
	let limit = Math.max(1, firstWidth);
	const flush = () => {
		pieces.push(current.trimEnd());
		current = '';
		limit = Math.max(1, restWidth);
	};
	for (const word of text.split(/(?<=\s)/)) {
		if (current && displayWidth(current + word.trimEnd()) > limit) flush();
		for (const segment of graphemes(word)) {
			if (current && displayWidth(current) + stringWidth(segment) > limit && segment.trim()) flush();
			current += segment;
		}
	}
	pieces.push(current.trimEnd());
	return pieces;
}

/** Cut from the start to at most `width` columns on one line, beginning with … when cut (keeps the end). */
export function truncateStart(text: string, width: number): string {
	text = oneLine(text);
	if (displayWidth(text) <= width) return text;
	const segments = graphemes(text);
	let out = '';
	let used = 0;
	for (let index = segments.length - 1; index >= 0; index--) {
		const w = stringWidth(segments[index]!);
		if (used + w > width - 1) break;
		out = segments[index] + out;
		used += w;
	}
	return `…${out}`;
}

/**
 * What a message must not lose: a clickable link, a URL, a trace id (with the advice before it,
 * " — run `nuon auth login`, then restart"), a file path.
 */
const ESSENTIAL = new RegExp(
	[
		String.raw`\u001B\]8;;[^\u0007]*\u0007[^\u001B]*\u001B\]8;;\u0007`, // a clickable link
		String.raw`https?:\/\/\S+`,
		String.raw`(?: \u2014 [^(]*)?\(trace [\w-]+\)`,
		String.raw`(?<=\s)\/\S+`, // a path
	].join('|'),
);
const LINK = /^\u001B\]8;;([^\u0007]*)\u0007([^\u001B]*)\u001B\]8;;\u0007$/;

/**
 * A message in `width` columns that keeps its essential part (`keep`, else a link, URL, trace id
 * or path found in it) whole and shortens the text around it instead.
 */
export function fitMessage(message: string, width: number, keep = ESSENTIAL.exec(message)?.[0]): string {
	const text = oneLine(message);
	if (displayWidth(text) <= width || !keep || !text.includes(keep)) return truncate(text, width);
	const at = text.indexOf(keep);
	const [before, after] = [text.slice(0, at), text.slice(at + keep.length)];
	const link = LINK.exec(keep);
	const labelWidth = width - Math.min(displayWidth(before), 12);
	if (link && displayWidth(keep) > labelWidth) {
		// A clickable link too wide for the line: the label shows the end of the address, the link keeps
		// all of it.
		const label = truncateStart(link[2]!, Math.max(1, labelWidth));
		const shorter = `\u001B]8;;${link[1]}\u0007${label}\u001B]8;;\u0007`;
		return fitMessage(before + shorter + after, width, shorter);
	}
	const room = width - displayWidth(keep);
	// The first word says what happened ("saved", "open", "copied"): it stays whenever the line has room.
	const verb = /^\S+/.exec(before)?.[0] ?? '';
	if (room < Math.min(displayWidth(before), displayWidth(verb) + 1)) {
		// Too wide even after the verb: a path or URL keeps its end (the file, the ids), anything else its start.
		const lead = verb && width - displayWidth(verb) > 12 ? `${verb} ` : '';
		const rest = width - displayWidth(lead);
		return lead + (/^(\/|https?:)/.test(keep) ? truncateStart(keep, rest) : truncate(keep, rest));
	}
	// What comes before the essential part says what it is: it gets the room first, then what follows.
	const beforeWidth = Math.min(displayWidth(before), room);
	return truncate(before, beforeWidth) + keep + truncate(after, room - beforeWidth);
}
