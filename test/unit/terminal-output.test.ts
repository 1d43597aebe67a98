import xterm from '@xterm/headless';
import {describe, expect, it} from 'vitest';
import {compactCursorMoves} from '../../source/ui/terminal/terminal-output.js';

const screenAfter = (output: string) =>
	new Promise<string[]>(resolve => {
		const terminal = new xterm.Terminal({cols: 20, rows: 8, allowProposedApi: true});
		terminal.write(output, () =>
			resolve(
				Array.from(
					{length: 8},
					(_, row) => terminal.buffer.active.getLine(row)?.translateToString(true) ?? '',
				),
			),
		);
	});

describe('the output on its way to the terminal', () => {
	// An Ink frame update: back to the top, skip unchanged lines, rewrite one, skip to the bottom.
	const frame = 'line 1\r\nline 2\r\nline 3\r\nline 4\r\nline 5\r\nline 6';
	const update = '\u001B[5A\u001B[E\u001B[E\u001B[E\u001B[K\u001B[31mchanged\u001B[39m\r\n\u001B[E';

	it('moves past unchanged lines in one sequence instead of one per line', () => {
		expect(compactCursorMoves(update)).toBe(
			'\u001B[5A\u001B[3E\u001B[K\u001B[31mchanged\u001B[39m\r\n\u001B[E',
		);
		expect(compactCursorMoves('no moves here')).toBe('no moves here');
	});

	it('leaves the terminal showing exactly what the uncompacted output shows', async () => {
		const original = await screenAfter(`${frame + update}end`);
		expect(await screenAfter(`${frame + compactCursorMoves(update)}end`)).toEqual(original);
		expect(original[3]).toBe('changed');
	});
});
