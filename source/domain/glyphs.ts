// Every character the explorer draws itself (borders, status glyphs, arrows), each one column wide,
// with the one-column ASCII stand-in that --ascii draws instead. Each meaning has its own: the cut
// mark `~` is not the breadcrumb's `>`, in progress is `%`; the selected row's `*` and the focused
// pane's `#` are told from the breadcrumb's › by where they stand (ui/widgets/ascii.ts), and Enter
// is spelled out where keys are named (`enter`).
export const GLYPH_STAND_INS: Record<string, string> = {
	'┏': '+',
	'┓': '+',
	'┗': '+',
	'┛': '+',
	'╭': '+',
	'╮': '+',
	'╰': '+',
	'╯': '+',
	'┌': '+',
	'┐': '+',
	'└': '+',
	'┘': '+',
	'━': '=',
	'─': '-',
	'┃': '|',
	'│': '|',
	'✓': '+',
	'✗': 'x',
	'◐': '%',
	'○': 'o',
	'›': '>',
	'▸': '+', // a folded JSON value (the focused pane's mark is #)
	'▾': '-',
	'»': '>',
	'…': '~',
	'·': '-',
	'→': '>',
	'←': '<',
	'↑': '^',
	'↓': 'v',
	'⏎': '$', // where it is not spelled out (enter)
	'⟳': '@',
	'■': '#',
	'●': '*',
	'⏸': '=',
	'⚠': '!',
	'⚑': '&',
	'≈': ':', // drifted: a drift check found the install's resources differ from the plan
	'█': '#',
	'░': '.',
	'—': '-',
	'–': '-',
};
