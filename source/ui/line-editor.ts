// The one line editor, for the `/` filter, the log search and the `:` line: what a key does to a
// line of text being typed. A change is a function of the text, so keys typed faster than the
// screen renders each apply to the text the previous one left.
import {useState} from 'react';
import type {Key} from 'ink';

export type LineEdit = {type: 'edit'; apply: (text: string) => string} | {type: 'submit'} | {type: 'cancel'} | {type: 'ignored'};

export function lineEdit(input: string, key: Key): LineEdit {
	if (key.escape) return {type: 'cancel'};
	if (key.return) return {type: 'submit'};
	if (key.backspace || key.delete) return {type: 'edit', apply: text => text.slice(0, -1)};
	if (input && !key.ctrl && !key.meta && input >= ' ') return {type: 'edit', apply: text => text + input};
	return {type: 'ignored'};
}

/** A line typed on a screen (the `/` filter, the log search): its text and whether it is being typed. */
export function useTypedLine(onSubmit?: () => void) {
	const [text, setText] = useState('');
	const [editing, setEditing] = useState(false);
	return {
		text,
		editing,
		/** Starts typing (from an empty line, or from what is there with `keep`). */
		start: (keep = false) => {
			if (!keep) setText('');
			setEditing(true);
		},
		clear: () => setText(''),
		/** A key while typing: edits, submits (keeps the text) or cancels (clears it). */
		key(input: string, key: Key): void {
			const edit = lineEdit(input, key);
			if (edit.type === 'edit') setText(edit.apply);
			if (edit.type === 'cancel') setText('');
			if (edit.type === 'cancel' || edit.type === 'submit') setEditing(false);
			if (edit.type === 'submit') onSubmit?.();
		},
	};
}
