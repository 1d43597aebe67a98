// Runs the built CLI in a real pseudo-terminal and reads its screen through a real terminal
// emulator (@xterm/headless), as a user would see it.
import {fileURLToPath} from 'node:url';
import {spawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';

export const BIN = fileURLToPath(new URL('../../bin/nuon-tui.js', import.meta.url));

export interface PtySession {
	pty: IPty;
	/** The visible screen, one string per row, trailing spaces trimmed. */
	screen(): string[];
	text(): string;
	/** Total bytes the app has written to the terminal. */
	bytes(): number;
	/** Everything written, for searching the raw stream. */
	raw(): string;
	write(data: string): void;
	/** Pastes as a terminal does: bracketed (ESC[200~ … ESC[201~) when the app has turned bracketed paste on.
	 * */
	paste(text: string): void;
	waitFor(match: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Resolves with the time (performance.now()) of the next output the app writes. */
	nextOutput(): Promise<number>;
	/** Waits for the emulator to take in everything written so far. */
	flush(): Promise<void>;
	exited: Promise<{exitCode: number; signal?: number}>;
	kill(signal?: string): void;
}

/**
 * Runs the CLI (or, with `entry`, another Node script; with `executable`, a program such as the
 * single executable) in a pseudo-terminal.
 */
export function startPty(
	args: string[],
	{
		columns = 100,
		rows = 30,
		env = {},
		entry = BIN,
		executable,
	}: {
		columns?: number;
		rows?: number;
		env?: Record<string, string>;
		entry?: string;
		executable?: string;
	} = {},
): PtySession {
	const {CI: _ci, ...inherited} = process.env; // Ink treats CI=true as non-interactive
	const pty = spawn(executable ?? process.execPath, executable ? args : [entry, ...args], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd: process.cwd(),
		env: {...(inherited as Record<string, string>), TERM: 'xterm-256color', ...env},
	});
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	let bytes = 0;
	let raw = '';
	let waiting: Array<(at: number) => void> = [];
	pty.onData(data => {
		const at = performance.now();
		for (const resolve of waiting) resolve(at);
		waiting = [];
		bytes += Buffer.byteLength(data);
		raw += data;
		terminal.write(data);
	});
	// Resolves once the process has exited and the emulator has taken in its last output: the pty
	// may report the exit before its last bytes are read, so this waits for 50 ms without any (a
	// second at most, for a busy machine).
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve =>
		pty.onExit(result => {
			let quietChecks = 0;
			const settle = (seen: number) =>
				setTimeout(() => {
					if (bytes === seen || ++quietChecks >= 20) terminal.write('', () => resolve(result));
					else settle(bytes);
				}, 50);
			settle(bytes);
		}),
	);
	const screen = () => {
		const buffer = terminal.buffer.active;
		return Array.from(
			{length: rows},
			(_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '',
		);
	};
	const text = () => screen().join('\n');
	return {
		pty,
		screen,
		text,
		bytes: () => bytes,
		raw: () => raw,
		write: data => pty.write(data),
		paste: text =>
			pty.write(
				raw.lastIndexOf('\u001B[?2004h') > raw.lastIndexOf('\u001B[?2004l')
					? `\u001B[200~${text}\u001B[201~`
					: text,
			),
		exited,
		kill: signal => pty.kill(signal),
		flush: () => new Promise<void>(resolve => terminal.write('', resolve)),
		nextOutput: () => new Promise<number>(resolve => waiting.push(resolve)),
		async waitFor(match, timeoutMs = 10_000) {
			const test =
				typeof match === 'function'
					? match
					: (s: string) => (typeof match === 'string' ? s.includes(match) : match.test(s));
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await new Promise<void>(resolve => terminal.write('', resolve));
				const current = text();
				if (test(current)) return current;
				if (Date.now() > deadline)
					throw new Error(`timed out waiting for ${String(match)}; screen:\n${current}`);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		},
	};
}
