// string-width with a fast path for the text the explorer draws most: printable ASCII and its own
// one-column glyphs. string-width sends any other character through Intl.Segmenter and an RGI-emoji
// regex, whose first use alone costs ~50 ms of start-up; Ink measures every line and cell, so the
// bundle gives Ink this function too (scripts/bundle-options.js, where string-width itself loads
// on first need). Everything else, and any option, goes to string-width itself.
import realStringWidth, {type Options} from 'string-width';
import {GLYPH_STAND_INS} from './glyphs.js';
import {stripColour} from './sanitize.js';

const ONE_COLUMN = new Set(Object.keys(GLYPH_STAND_INS).map(glyph => glyph.charCodeAt(0)));

export default function stringWidth(input: string, options?: Options): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	if (options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes)
		return realStringWidth(input, options);
	// Ink's styled text is full of colour codes, which take no columns.
	const text = input.includes('\u001B') ? stripColour(input) : input;
	return isSimpleText(text) ? text.length : realStringWidth(text, options);
}

/** Printable ASCII and the explorer's own glyphs: each UTF-16 unit is one column and one grapheme. */
export function isSimpleText(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (!((code >= 0x20 && code <= 0x7e) || ONE_COLUMN.has(code))) return false;
	}
	return true;
}
