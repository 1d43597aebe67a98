// Quitting waits for no request: against a server that takes requests and never answers them,
// Ctrl-C during a write or a read ends at once (a write on its way is named after the screen is
// left), and `watch --until-done --timeout` ends at its time.
import {spawn} from 'node:child_process';
import type {IncomingMessage} from 'node:http';
import {afterEach, expect, it, vi} from 'vitest';
import {KEY_GUARD_MS} from '../../source/ui/writes/use-write.js';
import {demoForTest} from '../helpers/demo-server.js';
import {BIN, startPty, type PtySession} from '../helpers/pty.js';
import {AWAITING, installsTitle} from '../helpers/scenario.js';

let session: PtySession | undefined;
afterEach(() => {
	session?.kill();
	session = undefined;
});

/** How long a quit may take on a busy machine: well under the client's 10 s timeout it used to wait out. */
const QUIT_BOUND_MS = 2000;

/** A demo whose answers stop when `hang` says so: the requests it holds are counted. */
async function hangingDemo(hang: (request: IncomingMessage) => boolean) {
	const held: string[] = [];
	const demo = await demoForTest({
		intercept: request => {
			if (!hang(request)) return false;
			held.push(`${request.method} ${request.url}`);
			return true;
		},
	});
	const connect = ['--api-url', demo.url, '--api-token', 't', '--org', demo.scenario.orgId];
	return {demo, held, connect};
}

it('Ctrl-C while an approval is on its way quits at once and says it may or may not be taken', async () => {
	const {demo, held, connect} = await hangingDemo(request => request.method !== 'GET');
	demo.scenario.setClock(AWAITING.at);
	const waiting = AWAITING.install(demo.scenario);
	session = startPty([...connect, '--install', waiting.name], {columns: 140, rows: 40});
	session.write('w');
	await session.waitFor(/⚑ approve/, 20_000);
	// Enter once the list takes keys: on a busy machine the first may come while it still loads.
	await vi.waitFor(
		async () => {
			if (session!.text().includes('Workflows of')) session!.write('\r');
			await session!.waitFor(/deploy \S+\s+⚑ approve/, 1000);
		},
		{timeout: 10_000},
	);
	session.write('a');
	await session.waitFor('Approve the plan?');
	await new Promise(resolve => setTimeout(resolve, KEY_GUARD_MS + 50)); // an answer, not a key typed ahead
	session.write('y');
	await vi.waitFor(() => expect(held).toEqual([expect.stringMatching(/^POST .*\/approvals\/.*\/response$/)]));
	const quitAt = performance.now();
	session.write('\u0003');
	expect((await session.exited).exitCode).toBe(0);
	expect(performance.now() - quitAt).toBeLessThan(QUIT_BOUND_MS);
	const afterScreen = session.raw().slice(session.raw().lastIndexOf('\u001B[?1049l'));
	expect(afterScreen).toMatch(/quit while approving the plan \(workflow \S+, step \S+\) was on its way/);
	expect(afterScreen).toContain('the approval may or may not have been taken: check with');
});

it('Ctrl-C while a read hangs quits at once, saying nothing of writes', async () => {
	let hang = false;
	const {held, connect} = await hangingDemo(() => hang);
	session = startPty([...connect, '--refresh', '1']);
	await session.waitFor(installsTitle());
	hang = true;
	await vi.waitFor(() => expect(held.length).toBeGreaterThan(0), {timeout: 5000}); // the next poll
	const quitAt = performance.now();
	session.write('\u0003');
	expect((await session.exited).exitCode).toBe(0);
	expect(performance.now() - quitAt).toBeLessThan(QUIT_BOUND_MS);
	expect(session.raw()).not.toContain('may or may not');
});

it('watch --until-done --timeout on a server that never answers ends at its time, says no more', async () => {
	const {connect} = await hangingDemo(() => true);
	const started = performance.now();
	const child = spawn(process.execPath, [BIN, 'watch', ...connect, '--until-done', '--timeout', '2s'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', chunk => (output += chunk));
	child.stderr.on('data', chunk => (output += chunk));
	const code = await new Promise(resolve => child.on('exit', resolve));
	expect(code).toBe(3);
	expect(performance.now() - started).toBeLessThan(2000 + QUIT_BOUND_MS);
	expect(output).toMatch(/timed out/);
	expect(output).not.toContain('(retrying)');
});
