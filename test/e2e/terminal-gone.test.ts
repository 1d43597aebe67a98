// A terminal that goes away under a parent that ignores SIGHUP (ssh wrappers, `script`, some
// multiplexers): the kernel's hangup reaches only that parent, so the explorer must notice by
// itself, on a screen that draws nothing as well as on one that does.
import {execFileSync} from 'node:child_process';
import {afterEach, expect, it} from 'vitest';
import {demoForTest} from '../helpers/demo-server.js';
import {BIN, startPty, type PtySession} from '../helpers/pty.js';
import {installsTitle} from '../helpers/scenario.js';

let session: PtySession | undefined;
afterEach(() => {
	// An explorer that outlived its terminal (the shell ignores SIGHUP): ended by its process id.
	const shell = session?.pty.pid;
	let children = '';
	try {
		if (shell) children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(shell)]).toString();
	} catch {
		// none left
	}
	for (const pid of children.split(/\s+/).filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
	session?.kill('SIGKILL');
	session = undefined;
});

/**
 * How long the explorer may take to notice and leave on a busy machine: its check runs every second,
 * and leaving gives unmounting on the dead terminal a second. Without them it never leaves.
 */
const EXIT_BOUND_MS = 5000;
/** A poll the explorer had started as the terminal went (the one moment it may still send). */
const IN_FLIGHT_MS = 300;

/** Writes what enters the state, then waits for the screen to say it is in it. */
const enter = (keys: string, shows: string) => async (session: PtySession) => {
	session.write(keys);
	await session.waitFor(shows);
};
const STATES: Array<{name: string; enter: (session: PtySession) => Promise<unknown>}> = [
	{name: 'the help open', enter: enter('?', 'On this screen')},
	{name: 'paused', enter: enter('p', 'PAUSED')},
	{
		name: 'the window too small',
		enter: async session => {
			session.pty.resize(40, 8);
			await session.waitFor('too small');
		},
	},
];

it.each(STATES)('with $name, the pty closing ends the explorer (129) and its requests', async state => {
	const requests: Array<{at: number; url?: string}> = [];
	const demo = await demoForTest({
		intercept: request => {
			requests.push({at: Date.now(), url: request.url});
			return false;
		},
	});
	const explorer = [BIN, '--api-url', demo.url, '--api-token', 't', '--org', demo.scenario.orgId];
	const command = [process.execPath, ...explorer, '--refresh', '1'].map(arg => `'${arg}'`).join(' ');
	// The shell stays the session leader and ignores SIGHUP, so the hangup never reaches the explorer.
	session = startPty(['-c', `trap '' HUP; ${command}; exit $?`], {executable: '/bin/sh'});
	await session.waitFor(installsTitle(demo.scenario));
	await state.enter(session);
	const closedAt = Date.now();
	// Closing the pty's master side is what sshd does when the connection drops.
	(session.pty as unknown as {_socket: {destroy(): void}})._socket.destroy();
	const exited = await Promise.race([
		session.exited,
		new Promise(resolve => setTimeout(() => resolve('still running'), EXIT_BOUND_MS)),
	]);
	expect(exited).toMatchObject({exitCode: 129});
	const late = requests.filter(({at}) => at > closedAt + IN_FLIGHT_MS);
	expect(late.map(({at, url}) => `${at - closedAt} ms after: ${url}`)).toEqual([]);
});
