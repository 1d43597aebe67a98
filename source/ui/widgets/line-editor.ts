// The one line editor, for the `/` filter, the log search and the `:` line: what a key does to a
// line of text being typed. A change is a function of the text, so keys typed faster than the
// screen renders each apply to the text the previous one left. A paste is text for the field that
// is being typed in (see paste.ts), never keys.
import {useEffect, useRef, useState} from 'react';
import type {Key} from 'ink';
import {useExplorer, useLevelPlace} from '../shell/context.js';
import {clip, LINE_LIMIT, pastedLine} from '../terminal/paste.js';

export type LineEdit =
	| {type: 'edit'; apply: (text: string) => string}
	| {type: 'submit'}
	| {type: 'cancel'}
	| {type: 'ignored'};

export function lineEdit(input: string, key: Key): LineEdit {
	if (key.escape) return {type: 'cancel'};
	if (key.return) return {type: 'submit'};
	if (key.backspace || key.delete) return {type: 'edit', apply: text => text.slice(0, -1)};
	if (input && !key.ctrl && !key.meta && input >= ' ') return {type: 'edit', apply: text => text + input};
	return {type: 'ignored'};
}

/** The edit a paste makes: its text, on one line, added up to the field's limit. */
export const pasteEdit =
	(text: string, limit = LINE_LIMIT) =>
	(line: string) =>
		clip(line + pastedLine(text), limit);

/**
 * A line typed on a screen (the `/` filter, the log search, a note): its text and whether it is
 * being typed. While it is, on the screen on top, pastes go to it (or, with `refusePaste`, are
 * refused: a word that must be typed).
 */
export function useTypedLine(onSubmit?: () => void, limit = LINE_LIMIT, refusePaste?: () => void) {
	const [text, setText] = useState('');
	const [editing, setEditing] = useState(false);
	const {textField} = useExplorer();
	const {active} = useLevelPlace();
	const refuse = useRef(refusePaste);
	refuse.current = refusePaste;
	const paste = (pasted: string) => setText(pasteEdit(pasted, limit));
	useEffect(() => {
		if (!editing || !active) return;
		const field = {
			paste: (pasted: string) => (refuse.current ? refuse.current() : setText(pasteEdit(pasted, limit))),
		};
		textField.current = field;
		return () => {
			if (textField.current === field) textField.current = undefined;
		};
	}, [editing, active, limit, textField]);
	return {
		text,
		editing,
		/** Starts typing (from an empty line, or from what is there with `keep`). */
		start: (keep = false) => {
			if (!keep) setText('');
			setEditing(true);
		},
		clear: () => setText(''),
		/** Adds text as a paste does. */
		paste,
		/** A key while typing: edits, submits (keeps the text) or cancels (clears it). */
		key(input: string, key: Key): void {
			const edit = lineEdit(input, key);
			if (edit.type === 'edit') setText(line => clip(edit.apply(line), limit));
			if (edit.type === 'cancel') setText('');
			if (edit.type === 'cancel' || edit.type === 'submit') setEditing(false);
			if (edit.type === 'submit') onSubmit?.();
		},
	};
}
