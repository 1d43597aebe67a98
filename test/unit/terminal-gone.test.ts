// A terminal that disappears is a hangup (exit 129, no crash report), whichever call finds it gone
// first: a read, a write, or Ink leaving raw mode as it unmounts after the hangup.
import {describe, expect, it} from 'vitest';
import {isTerminalGone} from '../../source/crash.js';

const errno = (code: string, syscall: string) =>
	Object.assign(new Error(`${syscall} ${code}`), {code, syscall});

describe('isTerminalGone', () => {
	it.each([
		['EIO', 'read'],
		['EIO', 'write'],
		['EPIPE', 'write'],
		['ENXIO', 'read'],
		['EIO', 'setRawMode'],
		['EBADF', 'setRawMode'],
	])('%s from %s is the terminal gone', (code, syscall) => {
		expect(isTerminalGone(errno(code, syscall))).toBe(true);
	});

	it.each([
		['EIO', 'open'], // a file the user saves to, on a failing disk: a real error
		['ENOENT', 'read'],
		['EACCES', 'write'],
	])('%s from %s is not', (code, syscall) => {
		expect(isTerminalGone(errno(code, syscall))).toBe(false);
	});

	it('is not for values that are not errors', () => {
		for (const value of [undefined, null, 'EIO', 7, {code: 'EIO'}]) expect(isTerminalGone(value)).toBe(false);
	});
});
