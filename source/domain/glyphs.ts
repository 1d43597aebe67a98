// Every character the explorer draws itself (borders, status glyphs, arrows), each one column wide,
// with the one-column ASCII stand-in that --ascii draws instead.
export const GLYPH_STAND_INS: Record<string, string> = {
	'┏': '+', '┓': '+', '┗': '+', '┛': '+', '╭': '+', '╮': '+', '╰': '+', '╯': '+',
	'┌': '+', '┐': '+', '└': '+', '┘': '+',
	'━': '=', '─': '-', '┃': '|', '│': '|',
	'✓': '+', '✗': 'x', '◐': '~', '○': 'o', '›': '>', '▸': '>', '▾': 'v', '»': '>',
	'…': '>', '·': '-', '→': '>', '←': '<', '↑': '^', '↓': 'v', '⏎': '<', '⟳': '@', '■': '#', '●': '*',
	'⏸': '=', '⚠': '!', '⚑': '&', '█': '#', '░': '.', '—': '-', '–': '-',
};
