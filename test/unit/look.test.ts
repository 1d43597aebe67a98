import {describe, expect, it} from 'vitest';
import {keyText, localeIsAscii, spellKeys, toAscii} from '../../source/ui/widgets/ascii.js';
import {darkTheme, lightTheme, noColorTheme, themeFor} from '../../source/ui/widgets/theme.js';

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
		expect(ascii).toBe('+= # Installs =+ > + active - % executing ~ x error o noop >');
		expect(ascii).toHaveLength([...line].length);
		expect(ascii).toMatch(/^[\x20-\x7E]*$/);
	});

	it('gives each meaning its own glyph: cut, selected row, focused pane, breadcrumb, Enter, left', () => {
		const frame = [
			'installs › acme-prod › vpc-network › latest deploy',
			'┏━\u001B[1m ▸ Components (3)\u001B[22m ━━┓╭─ vpc-network ─╮',
			'┃\u001B[7m › vpc-netw…  ✓ active\u001B[27m┃│ ▸ {…} 3 keys │',
			'┃   api-image ◐ executing ┃│ ▾ tags      │',
		].join('\n');
		const [crumbs, border, selected, other] = toAscii(frame).split('\n');
		expect(crumbs).toBe('installs > acme-prod > vpc-network > latest deploy');
		expect(border).toContain('#');
		expect(selected).toMatch(/^\|\S* \* vpc-netw~ {2}\+ active/);
		expect(selected).toContain('+ {~} 3 keys'); // a folded JSON value, not the focus mark
		expect(other).toContain('% executing');
		const marks = {cut: '~', selected: '*', focused: '#', breadcrumb: '>', progress: '%'};
		expect(new Set(Object.values(marks)).size).toBe(Object.keys(marks).length);
		// Enter, which no one column names, is spelled where keys are named; ← stays <.
		spellKeys(true);
		try {
			expect(keyText('⏎ open  esc back')).toBe('enter open  esc back');
			expect(toAscii(keyText('←→ column'))).toBe('<> column');
		} finally {
			spellKeys(false);
		}
		expect(keyText('⏎ open')).toBe('⏎ open');
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
		const {hintText} = await import('../../source/ui/shell/Frame.js');
		const ids = [
			'down',
			'open',
			'back',
			'focus',
			'filter',
			'sort',
			'refresh',
			'actions',
			'apps',
			'help',
			'quit',
		] as const;
		const line = hintText([...ids], 80);
		expect(line).toMatch(/\? help {2}q quit$/);
		expect(line.length).toBeLessThanOrEqual(80);
		expect(line).toMatch(/^↑↓ move {2}⏎ open/);
		expect(hintText([...ids], 200)).toContain('a app');
	});
});

describe('detail panes at 80 columns', () => {
	it(
		'put an id that does not fit beside its label whole on the row below, and give labels the width of ' +
			'the longest',
		async () => {
			const {field, wrapLines} = await import('../../source/ui/widgets/lines.js');
			const rows = wrapLines([field('id', 'inleispna6ytdhmu319vtysgbd'), field('config version', 14)], 32);
			expect(rows).toEqual([
				{kind: 'field', label: 'id', value: '', labelWidth: 14},
				{kind: 'continuation', text: 'inleispna6ytdhmu319vtysgbd', indent: 2, status: undefined},
				{kind: 'field', label: 'config version', value: '14', labelWidth: 14},
			]);
		},
	);

	it('never cut a label: in a pane too narrow, the label reads whole, its value below', async () => {
		const {field, wrapLines} = await import('../../source/ui/widgets/lines.js');
		// A 23-column pane (a 60-column terminal) gives labels 9 columns; "components" has 10.
		const rows = wrapLines([field('region', 'us-east-1'), field('components', 'deploying', 'deploying')], 23);
		expect(rows).toEqual([
			{kind: 'field', label: 'region', value: 'us-east-1', labelWidth: 9},
			{kind: 'field', label: 'components', value: '', status: undefined, labelWidth: 10},
			// The status's glyph leads the value on its own row.
			{kind: 'continuation', text: '◐ deploying', indent: 2, status: 'deploying', tone: undefined},
		]);
	});

	it('never break a token across rows: one wider than the pane is cut with …', async () => {
		const {field, text, wrapLines} = await import('../../source/ui/widgets/lines.js');
		const image = 'registry.nuon.co/ledgerly/vpc-network';
		const rows = wrapLines(
			[
				field('app', 'app02zpieg8jq95ri7dajaz8v6'),
				field('artifact', `${image}:v2.4.0 (pushed 2m ago)`),
				text(`pulls ${image}:v2.4.0 from the registry`),
			],
			24,
		);
		const shown = rows.map(row =>
			row.kind === 'field' ? row.value : row.kind === 'continuation' || row.kind === 'text' ? row.text : '',
		);
		const words = ['app02zpieg8jq95ri7dajaz8v6', `${image}:v2.4.0`, '(pushed', '2m', 'ago)', 'pulls', 'from'];
		// Every piece on screen is a whole word, or the start of one cut with …; never the rest of one.
		for (const piece of shown.join(' ').split(/\s+/).filter(Boolean))
			expect(
				words.some(word => piece === word || (piece.endsWith('…') && word.startsWith(piece.slice(0, -1)))) ||
					['the', 'registry'].includes(piece),
			).toBe(true);
		expect(shown.join(' ')).toContain('app02zpieg8jq95ri7daj…');
	});

	it('leave a list only the width its columns need, the rest to the detail', async () => {
		const {COLUMN_GAP, layoutColumns, neededWidth, fitPlaced} = await import(
			'../../source/ui/widgets/columns.js'
		);
		const columns = [
			{header: 'JOB', width: 24, grow: true, priority: 1, text: (row: string) => row},
			{header: 'STATUS', width: 13, priority: 2, text: () => 'finished'},
		];
		const placed = layoutColumns(columns, 38);
		expect(neededWidth(placed, ['sync/exec', 'deploy/apply'], 0)).toBe(12 + COLUMN_GAP + 13);
		expect(fitPlaced(placed, 12 + COLUMN_GAP + 13).map(p => p.width)).toEqual([12, 13]);
	});
});
