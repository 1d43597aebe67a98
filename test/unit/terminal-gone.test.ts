// A terminal that disappears is a hangup (exit 129, no crash report), whichever call finds it gone
// first: a read, a write, or Ink leaving raw mode as it unmounts after the hangup.
import {EventEmitter} from 'node:events';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {isTerminalGone} from '../../source/crash.js';
import {TERMINAL_CHECK_MS, watchTerminal} from '../../source/ui/terminal/terminal-gone.js';

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

describe('watchTerminal', () => {
	afterEach(() => {
		vi.useRealTimers();
	});
	const watch = (isTerminal: (fd: number) => boolean) => {
		const stdin = Object.assign(new EventEmitter(), {fd: 0});
		const stdout = Object.assign(new EventEmitter(), {fd: 1});
		const onGone = vi.fn();
		const stop = watchTerminal({stdin, stdout, onGone, isTerminal});
		return {stdin, stdout, onGone, stop};
	};

	it('finds it gone when its input ends (EOF: the pty closed), once', () => {
		const {stdin, stdout, onGone, stop} = watch(() => true);
		stdin.emit('end');
		stdout.emit('error', Object.assign(new Error('write EIO'), {code: 'EIO'}));
		expect(onGone).toHaveBeenCalledTimes(1);
		stop();
	});

	it('finds it gone where nothing is drawn: the check every second sees no terminal', () => {
		vi.useFakeTimers();
		let terminal = true;
		const {onGone, stop} = watch(fd => terminal || fd !== 1);
		vi.advanceTimersByTime(3 * TERMINAL_CHECK_MS);
		expect(onGone).not.toHaveBeenCalled();
		terminal = false;
		vi.advanceTimersByTime(TERMINAL_CHECK_MS);
		expect(onGone).toHaveBeenCalledTimes(1);
		stop();
	});

	it('checks no more once stopped', () => {
		vi.useFakeTimers();
		const {onGone, stop} = watch(() => false);
		stop();
		vi.advanceTimersByTime(5 * TERMINAL_CHECK_MS);
		expect(onGone).not.toHaveBeenCalled();
	});
});
