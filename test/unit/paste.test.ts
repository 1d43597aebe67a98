// What a paste becomes, where it ends, when a paste start with no end counts as still open, and which
// reads from the terminal are a single key.
import {describe, expect, it, vi} from 'vitest';
import {watchReads} from '../../source/ui/terminal/input-reads.js';
import {isOneKey} from '../../source/ui/terminal/one-key.js';
import {clip, pastedLine} from '../../source/ui/terminal/paste.js';
import {NO_PASTE, pasteOpenAfter, pasteRead} from '../../source/ui/terminal/paste-reads.js';

const START = '\u001B[200~';
const END = '\u001B[201~';

describe('a pasted line', () => {
	it('reads line breaks and tabs as spaces and drops escape sequences and control characters', () => {
		expect(pastedLine('deploy db\r\nalready\rapproved\ty\u001B[31m!\u0007')).toBe(
			'deploy db already approved y!',
		);
	});

	it('is cut to the limit by whole characters', () => {
		expect(clip('ab🚀cd', 3)).toBe('ab🚀');
	});
});

describe('a paste start with no end', () => {
	const closed = {open: false, tail: ''};

	it('is open until its end arrives, also when a marker is split between two reads', () => {
		const started = pasteOpenAfter(closed, 'x\u001B[20');
		expect(started.open).toBe(false);
		const open = pasteOpenAfter(started, '0~abc');
		expect(open.open).toBe(true);
		expect(pasteOpenAfter(open, 'more').open).toBe(true);
		expect(pasteOpenAfter(pasteOpenAfter(open, 'd\u001B[2'), '01~q').open).toBe(false);
	});

	it('a whole paste in one read leaves nothing open', () => {
		expect(pasteOpenAfter(closed, '\u001B[200~text\u001B[201~j').open).toBe(false);
	});
});

describe('a paste in one read', () => {
	it('runs to the last end marker: an end marker inside the pasted text ends nothing', () => {
		expect(pasteRead(NO_PASTE, `${START}${END}y${END}`)).toEqual({
			state: {open: false, tail: expect.any(String)},
			text: `${START}y${END}`,
		});
		expect(pasteRead(NO_PASTE, `j${START}2${END}\r${END}`).text).toBe(`j${START}2\r${END}`);
		expect(pasteRead(NO_PASTE, `${START}a${END}${START}b${END}`).text).toBe(`${START}ab${END}`);
	});

	it('that stays open ends at the last end marker of the read that ends it', () => {
		const open = pasteRead(NO_PASTE, `${START}abc`);
		expect(open).toEqual({state: {open: true, tail: expect.any(String)}, text: `${START}abc`});
		expect(pasteRead(open.state, `d${END}y${END}`)).toEqual({
			state: {open: false, tail: expect.any(String)},
			text: `dy${END}`,
		});
	});

	it('is left as it is without a marker inside, and keys without a paste are left alone', () => {
		for (const read of [`${START}text${END}j`, 'jj\r', `x${END}y`, '\u001B[A'])
			expect(pasteRead(NO_PASTE, read).text).toBe(read);
	});

	it('ends when Ctrl-C comes alone while it is open, and Ctrl-C then reaches the explorer', () => {
		const open = pasteRead(NO_PASTE, START).state;
		expect(pasteRead(open, '\u0003')).toEqual({
			state: {open: false, tail: expect.any(String)},
			text: `${END}\u0003`,
		});
		// A Ctrl-C among pasted characters is pasted text.
		expect(pasteRead(open, 'a\u0003b').text).toBe('a\u0003b');
	});
});

describe('a read from the terminal', () => {
	it('is one key when it is one character or one escape sequence', () => {
		for (const read of [
			'y',
			'2',
			'\r',
			' ',
			'🚀',
			'\u001B',
			'\u001B[A',
			'\u001B[1;5C',
			'\u001BOP',
			'\u001Bx',
		])
			expect(isOneKey(read), JSON.stringify(read)).toBe(true);
		for (const read of ['ay', '2\r', 'old', 'hello world y\n', '\u001B[Ay', '[A', `${START}y${END}`, ''])
			expect(isOneKey(read), JSON.stringify(read)).toBe(false);
	});

	it('is remembered with when it came, mended, and a paste left open is ended after the timeout', () => {
		vi.useFakeTimers();
		try {
			const queued: string[] = [];
			const stdin = {
				read: () => queued.shift() ?? null,
				unshift: (chunk: string) => queued.unshift(chunk),
			} as unknown as NodeJS.ReadStream;
			const watch = watchReads(stdin, 1000);
			queued.push('ay');
			expect(stdin.read()).toBe('ay');
			expect(watch.last()).toEqual({at: Date.now(), alone: false});
			queued.push(`${START}${END}y${END}`);
			expect(stdin.read()).toBe(`${START}y${END}`);
			queued.push(START);
			stdin.read();
			vi.advanceTimersByTime(1000);
			expect(stdin.read()).toBe(END);
			expect(watch.last()?.alone).toBe(true);
			watch.stop();
		} finally {
			vi.useRealTimers();
		}
	});
});
