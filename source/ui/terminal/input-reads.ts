// Every read Ink makes from the terminal passes through here first: the paste markers in it are
// mended (paste-reads.ts), a paste left open is ended after a quiet while, and each read is
// remembered (when it came, whether it was one key alone) for the keys parsed from it.
//
// A paste start (ESC[200~) with no end makes Ink hold every later byte as part of the paste, q
// included. Once the terminal has sent nothing for a while with a paste still open, the end marker
// is handed to Ink as if the terminal had sent it: what came is one paste, and keys work again.
import {isOneKey} from './one-key.js';
import {NO_PASTE, PASTE_END, pasteRead, type PasteState} from './paste-reads.js';

/** How long a paste may go quiet before it counts as ended. */
export const PASTE_TIMEOUT_MS = 1000;

/** A read from the terminal: when it came (Date.now()), and whether it was a single key. */
export interface Read {
	at: number;
	alone: boolean;
}

export interface ReadWatch {
	/** The read the keys being parsed now came from (Ink parses each read at once, as it reads it). */
	last: () => Read | undefined;
	stop: () => void;
}

type Readable = Pick<NodeJS.ReadStream, 'read'> & Partial<Pick<NodeJS.ReadStream, 'unshift'>>;

/** Watches what Ink reads from `stdin`. */
export function watchReads(stdin: Readable, timeoutMs = PASTE_TIMEOUT_MS): ReadWatch {
	let state: PasteState = NO_PASTE;
	let last: Read | undefined;
	let timer: NodeJS.Timeout | undefined;
	const read = stdin.read;
	stdin.read = function (this: NodeJS.ReadStream, ...args: Parameters<typeof read>) {
		const chunk: unknown = read.apply(this, args);
		if (chunk === null || chunk === undefined) return chunk;
		const text = String(chunk);
		const mended = pasteRead(state, text);
		state = mended.state;
		last = {at: Date.now(), alone: isOneKey(text)};
		clearTimeout(timer);
		timer = state.open
			? setTimeout(() => {
					state = NO_PASTE;
					stdin.unshift?.(PASTE_END);
				}, timeoutMs)
			: undefined;
		return mended.text === text ? chunk : mended.text;
	} as typeof read;
	return {
		last: () => last,
		stop: () => {
			clearTimeout(timer);
			stdin.read = read;
		},
	};
}
