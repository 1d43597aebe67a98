// Ctrl-Z in raw mode is a key, not a signal: the app gives the terminal back (alternate screen left,
// raw mode and bracketed paste off), stops itself as the terminal would have, and on `fg`
// (SIGCONT) takes the terminal again and redraws.
import type {useApp} from 'ink';

type SuspendTerminal = ReturnType<typeof useApp>['suspendTerminal'];

/**
 * Where the shell has no job control (an orphaned process group, as under a bare `tmux
 * new-session CMD`) the kernel discards SIGTSTP: no SIGCONT comes, and the screen comes back
 * after this long.
 */
const NO_JOB_CONTROL_MS = 100;

export async function stopUntilContinued(suspendTerminal: SuspendTerminal): Promise<void> {
	const suspension = await suspendTerminal();
	try {
		await new Promise<void>(resolve => {
			const continued = () => {
				clearTimeout(timer);
				resolve();
			};
			const timer = setTimeout(() => {
				process.off('SIGCONT', continued);
				resolve();
			}, NO_JOB_CONTROL_MS);
			process.once('SIGCONT', continued);
			process.kill(process.pid, 'SIGTSTP');
		});
	} finally {
		await suspension.resume();
	}
}
