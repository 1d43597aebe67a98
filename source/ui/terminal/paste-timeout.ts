// A paste start (ESC[200~) with no end makes Ink hold every later byte as part of the paste, Ctrl-C
// and q included. Once the terminal has sent nothing for a while with a paste still open, the end
// marker is handed to Ink as if the terminal had sent it: what came is one paste, and keys work again.
const PASTE_START = '\u001B[200~';
const PASTE_END = '\u001B[201~';

/** How long a paste may go quiet before it counts as ended. */
export const PASTE_TIMEOUT_MS = 1000;

export interface PasteState {
	open: boolean;
	/** The chunk's last characters, for a marker split across two chunks. */
	tail: string;
}

/** Whether a paste is still open after `chunk` arrives. */
export function pasteOpenAfter(state: PasteState, chunk: string): PasteState {
	const text = state.tail + chunk;
	const start = text.lastIndexOf(PASTE_START);
	const end = text.lastIndexOf(PASTE_END);
	const open = start === -1 && end === -1 ? state.open : start > end;
	return {open, tail: text.slice(-(PASTE_START.length - 1))};
}

/**
 * Watches what Ink reads from `stdin` and ends a paste that stays open past the timeout. Returns
 * the function that stops watching.
 */
export function endStalledPastes(stdin: NodeJS.ReadStream, timeoutMs = PASTE_TIMEOUT_MS): () => void {
	let state: PasteState = {open: false, tail: ''};
	let timer: NodeJS.Timeout | undefined;
	const read = stdin.read;
	stdin.read = function (this: NodeJS.ReadStream, ...args: Parameters<typeof read>) {
		const chunk: unknown = read.apply(this, args);
		if (chunk !== null) {
			state = pasteOpenAfter(state, String(chunk));
			clearTimeout(timer);
			timer = state.open
				? setTimeout(() => {
						state = {open: false, tail: ''};
						stdin.unshift(PASTE_END);
					}, timeoutMs)
				: undefined;
		}
		return chunk;
	} as typeof read;
	return () => {
		clearTimeout(timer);
		stdin.read = read;
	};
}
