import {describe, expect, it} from 'vitest';
import {localeIsAscii, toAscii} from '../../source/ui/ascii.js';
import {darkTheme, lightTheme, noColorTheme, themeFor} from '../../source/ui/theme.js';

describe('themes', () => {
	it('come from --theme, then NUON_TUI_THEME, and NO_COLOR always wins', () => {
		expect(themeFor({})).toBe(darkTheme);
		expect(themeFor({NUON_TUI_THEME: 'light'})).toBe(lightTheme);
		expect(themeFor({NUON_TUI_THEME: 'light'}, 'no-color')).toBe(noColorTheme);
		expect(themeFor({NO_COLOR: '1'}, 'light')).toBe(noColorTheme);
	});

	it('keep every status readable without colour: the no-color theme has none', () => {
		expect(Object.values(noColorTheme.phase).every(colour => colour === undefined)).toBe(true);
	});
});

describe('ASCII', () => {
	it('swaps box drawing and glyphs for one-column stand-ins', () => {
		const line = '┏━ ▸ Installs ━┓ › ✓ active · ◐ executing … ✗ error ○ noop →';
		const ascii = toAscii(line);
		expect(ascii).toBe('+= > Installs =+ > + active - ~ executing > x error o noop >');
		// The cut mark is not the progress glyph: "~ execut~" would read as two statuses.
		expect(toAscii('…')).not.toBe(toAscii('◐'));
		expect(ascii).toHaveLength([...line].length);
		expect(ascii).toMatch(/^[\x20-\x7E]*$/);
	});

	it('is chosen automatically when the locale is not UTF-8', () => {
		expect(localeIsAscii({LANG: 'C'})).toBe(true);
		expect(localeIsAscii({LANG: 'en_US.UTF-8'})).toBe(false);
		expect(localeIsAscii({LC_ALL: 'POSIX', LANG: 'en_US.UTF-8'})).toBe(true);
		expect(localeIsAscii({})).toBe(false);
	});
});

describe('the key hints line', () => {
	it('keeps ? help and q quit when the screen’s hints do not all fit', async () => {
		const {hintText} = await import('../../source/ui/components/Frame.js');
		const ids = ['down', 'open', 'back', 'focus', 'filter', 'sort', 'refresh', 'actions', 'apps', 'help', 'quit'] as const;
		const line = hintText([...ids], 80);
		expect(line).toMatch(/\? help {2}q quit$/);
		expect(line.length).toBeLessThanOrEqual(80);
		expect(line).toMatch(/^↑↓ move {2}⏎ open/);
		expect(hintText([...ids], 200)).toContain('a app');
	});
});
