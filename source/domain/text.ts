// Fitting text into terminal columns by display width: wide characters (CJK, emoji) count as two.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();

export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** Cut to at most `width` columns, ending with … when cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (displayWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const w = stringWidth(segment);
		if (used + w > width - 1) break;
		out += segment;
		used += w;
	}
	return out + '…';
}

/** Exactly `width` columns: truncated, then padded with spaces (or padded on the left with `right`). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, width);
	const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}
