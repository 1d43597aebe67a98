// What a paste becomes, and when a paste start with no end counts as still open.
import {describe, expect, it} from 'vitest';
import {clip, pastedLine} from '../../source/ui/terminal/paste.js';
import {pasteOpenAfter} from '../../source/ui/terminal/paste-timeout.js';

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
