// When something unexpected breaks: the terminal is given back first, then a short report goes to
// a file (never holding the token) and the message says where.
import {mapStack} from './source-map.js';
import {writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {VERSION} from './version.js';
import {redactArguments, redactSecrets} from './redact.js';

export function restoreTerminal(): void {
	// Leave the alternate screen, show the cursor, bracketed paste and raw mode off: the shell must be usable.
	if (process.stdout.isTTY) process.stdout.write('\u001B[?2004l\u001B[?1049l\u001B[?25h');
	if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
}

/**
 * An error that says the terminal is gone (a dropped SSH link, a closed window): a hangup, not a
 * crash. Reading, writing or leaving raw mode (Ink does, unmounting after the hangup) then fails.
 */
export function isTerminalGone(error: unknown): boolean {
	const {code, syscall} = (error ?? {}) as NodeJS.ErrnoException;
	return (
		(code === 'EIO' || code === 'EPIPE' || code === 'ENXIO' || code === 'EBADF') &&
		(syscall === 'read' || syscall === 'write' || syscall === 'setRawMode')
	);
}

/** Writes the report; returns its path (or undefined when no place was writable). */
export function writeCrashReport(error: unknown, secrets: string[]): string | undefined {
	const args = redactArguments(process.argv.slice(2));
	const report = redactSecrets(
		[
			`nuon-tui ${VERSION} crash report, ${new Date().toISOString()}`,
			`node ${process.version} on ${process.platform} ${process.arch}`,
			`arguments: ${args.join(' ')}`,
			`terminal: ${process.env.TERM ?? 'unknown'} ` +
				`${process.stdout.columns ?? '?'}x${process.stdout.rows ?? '?'}`,
			'',
			error instanceof Error ? mapStack(error.stack ?? error.message) : String(error),
			'',
		].join('\n'),
		secrets,
	);
	const name = `nuon-tui-crash-${new Date().toISOString().replace(/[:.]/g, '-')}.log`;
	for (const dir of [tmpdir(), process.cwd()]) {
		try {
			const path = join(dir, name);
			writeFileSync(path, report, {mode: 0o600});
			return path;
		} catch {
			// try the next place
		}
	}
	return undefined;
}
