// The one line editor, for the `/` filter, the log search and the `:` line: what a key does to a
// line of text being typed. A change is a function of the text, so keys typed faster than the
// screen renders each apply to the text the previous one left.
import type {Key} from 'ink';

export type LineEdit = {type: 'edit'; apply: (text: string) => string} | {type: 'submit'} | {type: 'cancel'} | {type: 'ignored'};

export function lineEdit(input: string, key: Key): LineEdit {
	if (key.escape) return {type: 'cancel'};
	if (key.return) return {type: 'submit'};
	if (key.backspace || key.delete) return {type: 'edit', apply: text => text.slice(0, -1)};
	if (input && !key.ctrl && !key.meta && input >= ' ') return {type: 'edit', apply: text => text + input};
	return {type: 'ignored'};
}
