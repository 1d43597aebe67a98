// A terminal can go away without a SIGHUP reaching the explorer: under a parent that ignores it (ssh
// wrappers, `script`, some multiplexers) the kernel's hangup stops at that parent, the session
// leader. Then only the terminal itself tells: its input ends (EOF) or fails (EIO), a write fails,
// and it is no longer a terminal. Writes fail only when something is drawn, and a screen that holds
// still (the help, paused, too small) draws nothing: a check every second covers those.
import {isatty} from 'node:tty';

/** How often the terminal is checked. */
export const TERMINAL_CHECK_MS = 1000;

export interface TerminalWatch {
	stdin: NodeJS.EventEmitter & {fd?: number};
	stdout: NodeJS.EventEmitter & {fd?: number};
	/** Called once, when the terminal is found gone. */
	onGone: () => void;
	isTerminal?: (fd: number) => boolean;
	everyMs?: number;
}

/**
 * Watches the terminal until it goes away; returns the function that stops the check (a failed
 * read or write after that, as the screen is left, still counts).
 */
export function watchTerminal({
	stdin,
	stdout,
	onGone,
	isTerminal = isatty,
	everyMs = TERMINAL_CHECK_MS,
}: TerminalWatch): () => void {
	let gone = false;
	const goneOnce = () => {
		if (gone) return;
		gone = true;
		onGone();
	};
	stdin.on('end', goneOnce);
	stdin.on('error', goneOnce);
	stdout.on('error', goneOnce);
	const timer = setInterval(() => {
		if (!isTerminal(stdin.fd ?? 0) || !isTerminal(stdout.fd ?? 1)) goneOnce();
	}, everyMs);
	timer.unref();
	return () => {
		clearInterval(timer);
		stdin.off('end', goneOnce);
	};
}
