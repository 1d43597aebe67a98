// The stream Ink writes to. Every frame passes here on its way to the terminal, so byte-saving
// rewrites and the ASCII transliteration live in one place and nothing else needs to know.
import {Writable} from 'node:stream';

// Ink walks past each unchanged line with its own "cursor next line" (ESC [ E, 3 bytes): a full
// screen of them is ~90 bytes per frame. `ESC [ n E` is the same move in 4 or 5 bytes.
const NEXT_LINE_RUN = /(?:\u001B\[E){2,}/g;

export function compactCursorMoves(text: string): string {
	return text.replace(NEXT_LINE_RUN, run => `\u001B[${run.length / 3}E`);
}

/** A stdout for Ink that writes `rewrite(chunk)` to `target` and reports its size and resizes. */
export function terminalOutput(
	target: NodeJS.WriteStream,
	rewrite: (text: string) => string,
): NodeJS.WriteStream {
	const stream = new Writable({
		write(chunk, _encoding, done) {
			// Passed on at once, not after the target's callback: a chunk waiting in this stream's
			// buffer when the process exits is lost, and the last one Ink writes leaves the alternate
			// screen. A failed write (the terminal gone) is the target's own 'error' event.
			target.write(rewrite(chunk.toString()));
			done();
		},
	}) as unknown as NodeJS.WriteStream;
	Object.defineProperties(stream, {
		columns: {get: () => target.columns},
		rows: {get: () => target.rows},
		isTTY: {get: () => target.isTTY},
	});
	target.on('resize', () => stream.emit('resize'));
	return stream;
}
