import realStringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {GLYPH_STAND_INS} from '../../source/domain/glyphs.js';
import stringWidth from '../../source/domain/text-width.js';

describe('text width', () => {
	it('agrees with string-width on every glyph the explorer draws, alone and in a line', () => {
		for (const glyph of Object.keys(GLYPH_STAND_INS)) {
			expect(stringWidth(glyph), glyph).toBe(realStringWidth(glyph));
			expect(stringWidth(glyph), glyph).toBe(1);
		}
		const line = '┃ › acme-corp-prod  ◐ deploying   just now ┃│ ✓ 3 active · ✗ 1 failed … ┃';
		expect(stringWidth(line)).toBe(realStringWidth(line));
		const coloured = '\u001B[36m┃\u001B[39m › \u001B[1m\u001B[32m✓ active\u001B[39m\u001B[22m';
		expect(stringWidth(coloured)).toBe(realStringWidth(coloured));
		expect(stringWidth(coloured)).toBe(12);
	});

	it('leaves wide, combining, escaped and ambiguous-as-wide text to string-width', () => {
		for (const text of [
			'名前 café',
			'🚀 deploy',
			'e\u0301',
			'✓\uFE0F',
			'\u001B[31mred\u001B[39m',
			'\u001B]8;;https://nuon.co\u0007link\u001B]8;;\u0007',
			'\u001B[31m名\u001B[39m',
			'',
			'\t',
		]) {
			expect(stringWidth(text), JSON.stringify(text)).toBe(realStringWidth(text));
		}
		expect(stringWidth('┃…┃', {ambiguousIsNarrow: false})).toBe(
			realStringWidth('┃…┃', {ambiguousIsNarrow: false}),
		);
	});
});
