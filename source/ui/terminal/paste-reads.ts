// What a read from the terminal holds of a paste. A paste is one piece of text from its start marker
// (ESC[200~) to the last end marker (ESC[201~) in the same read: an end marker carried inside the
// pasted text (tmux passes a pasted ESC through) must not end it early and make what follows keys.
// A paste start with no end in its read stays open for the reads after it.
export const PASTE_START = '\u001B[200~';
export const PASTE_END = '\u001B[201~';
const CTRL_C = '\u0003';

export interface PasteState {
	open: boolean;
	/** The read's last characters, for a marker split across two reads. */
	tail: string;
}

export const NO_PASTE: PasteState = {open: false, tail: ''};

/**
 * A read as Ink is to parse it: the markers between a paste's start and the read's last end marker
 * removed (the text between them is all paste), and a Ctrl-C that comes alone while a paste is open
 * taken as the user's (the paste ends there, then Ctrl-C quits). Also whether a paste is open after it.
 */
export function pasteRead(state: PasteState, chunk: string): {state: PasteState; text: string} {
	let text = chunk;
	if (state.open && chunk === CTRL_C) text = PASTE_END + CTRL_C;
	else {
		const combined = state.tail + chunk;
		const start = combined.indexOf(PASTE_START);
		const from = Math.max(state.tail.length, state.open ? 0 : start + PASTE_START.length);
		const last = combined.lastIndexOf(PASTE_END);
		if ((state.open || start !== -1) && last > from) {
			const inside = combined.slice(from, last).replaceAll(PASTE_END, '').replaceAll(PASTE_START, '');
			text = combined.slice(state.tail.length, from) + inside + combined.slice(last);
		}
	}
	return {state: pasteOpenAfter(state, text), text};
}

/** Whether a paste is still open after `text` arrives. */
export function pasteOpenAfter(state: PasteState, text: string): PasteState {
	const combined = state.tail + text;
	const start = combined.lastIndexOf(PASTE_START);
	const end = combined.lastIndexOf(PASTE_END);
	const open = start === -1 && end === -1 ? state.open : start > end;
	return {open, tail: combined.slice(-(PASTE_START.length - 1))};
}
