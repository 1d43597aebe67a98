// The terminal as an adversary or a bad network uses it: pastes (bracketed, as real terminals send
// them), a paste start that never ends, a terminal that disappears, Ctrl-C anywhere, Ctrl-Z and fg.
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {BIN, startPty, type PtySession} from '../helpers/pty.js';
import {installsTitle} from '../helpers/scenario.js';
import {KEY_GUARD_MS} from '../../source/ui/writes/use-write.js';

let session: PtySession | undefined;
afterEach(() => {
	session?.kill();
	session = undefined;
});

const dir = mkdtempSync(join(tmpdir(), 'nuon-tui-terminal-'));
const posts = (debugFile: string) =>
	readFileSync(debugFile, 'utf8')
		.split('\n')
		.filter(line => / POST /.test(line));

describe('a paste', () => {
	it('is bracketed while the explorer shows, is text in the / filter, and sends nothing', async () => {
		const debugFile = join(dir, 'paste.log');
		session = startPty(['--demo', '--demo-speed', '4', '--install', 'tyrell-prod', '--debug', debugFile], {
			columns: 140,
			rows: 40,
		});
		await session.waitFor('Components of tyrell-prod');
		// Ink turns bracketed paste on just after its first frame: on a busy machine that write can come in a
		// later read.
		await vi.waitFor(
			() =>
				expect(session!.raw().indexOf('\u001B[?2004h')).toBeGreaterThan(
					session!.raw().indexOf('\u001B[?1049h'),
				),
			{timeout: 2000},
		);
		session.write('w');
		await session.waitFor(/⚑ approve/, 20_000);
		session.write('\r');
		await session.waitFor(/deploy vpc-network\s+⚑ approve/);
		session.write('/');
		session.paste('deploy vpc-network\ralready approved by ops');
		await session.waitFor('/deploy vpc-network already approved by ops');
		session.write('\u001B');
		await session.waitFor(screen => !screen.includes('/deploy vpc-network'));
		session.write('d');
		await session.waitFor('Answer the plan without approving it');
		// The answer is chosen once the question has been on screen a moment (KEY_GUARD_MS).
		await new Promise(resolve => setTimeout(resolve, KEY_GUARD_MS + 50));
		session.write('1');
		await session.waitFor('Type a note');
		session.paste('not now\rafter the window');
		await session.waitFor('not now after the window');
		expect(session.text()).not.toContain('Approve the plan?');
		session.write('\u001B');
		await session.waitFor('nothing sent');
		session.write('q');
		expect((await session.exited).exitCode).toBe(0);
		expect(session.raw().lastIndexOf('\u001B[?2004l')).toBeGreaterThan(
			session.raw().lastIndexOf('\u001B[?2004h'),
		);
		expect(posts(debugFile)).toEqual([]);
	});

	it('of 10 KB into / is one update, and Ctrl-C then quits at once', async () => {
		session = startPty(['--demo']);
		await session.waitFor(installsTitle());
		session.write('/x');
		await session.waitFor('/x');
		const before = session.bytes();
		session.paste(' prod'.repeat(2000));
		await session.waitFor('No installs match');
		expect(session.bytes() - before).toBeLessThan(20_000);
		const quitAt = performance.now();
		session.write('\u0003');
		expect((await session.exited).exitCode).toBe(0);
		expect(performance.now() - quitAt).toBeLessThan(2000);
	});

	it('that starts and never ends stops holding the keys after a second: q quits', async () => {
		session = startPty(['--demo']);
		await session.waitFor(installsTitle());
		session.write('\u001B[200~');
		session.write('j');
		await session.waitFor('paste ignored');
		session.write('q');
		expect((await session.exited).exitCode).toBe(0);
	});
});

it('SIGTERM turns bracketed paste off with the alternate screen', async () => {
	session = startPty(['--demo']);
	await session.waitFor(installsTitle());
	// Ink asks for bracketed paste once it has drawn: on a busy machine a moment after the first frame.
	await vi.waitFor(() => expect(session!.raw()).toContain('\u001B[?2004h'), {timeout: 2000});
	session.kill('SIGTERM');
	expect((await session.exited).exitCode).toBe(143);
	expect(session.raw().lastIndexOf('\u001B[?2004l')).toBeGreaterThan(
		session.raw().lastIndexOf('\u001B[?2004h'),
	);
});

describe('Ctrl-C', () => {
	it.each(['/', ':'])('quits while typing after %s', async opener => {
		session = startPty(['--demo']);
		await session.waitFor(installsTitle());
		session.write(opener);
		session.write('abc');
		await session.waitFor(`${opener}abc`);
		session.write('\u0003');
		expect((await session.exited).exitCode).toBe(0);
	});
});

it(
	'a terminal that disappears (the SSH link drops) ends the session with 129 and no crash ' + 'report',
	async () => {
		const reports = mkdtempSync(join(dir, 'tmp-'));
		session = startPty(['--demo'], {env: {TMPDIR: reports}});
		await session.waitFor(installsTitle());
		// Closing the pty's master side is what sshd does when the connection drops.
		(session.pty as unknown as {_socket: {destroy(): void}})._socket.destroy();
		expect((await session.exited).exitCode).toBe(129);
		expect(readdirSync(reports)).toEqual([]);
	},
);

it('Ctrl-Z gives the terminal back to the shell, and fg brings the explorer back', async () => {
	session = startPty(['--norc', '--noprofile', '-i'], {executable: '/bin/bash', env: {PS1: 'shell$ '}});
	await session.waitFor('shell$');
	session.write(`'${process.execPath}' '${BIN}' --demo\r`);
	await session.waitFor(installsTitle());
	session.write('j');
	await session.waitFor(/› globex-prod/);
	const suspendedAt = session.raw().length;
	session.write('\u001A');
	await session.waitFor(/Stopped/);
	const handedBack = session.raw().slice(suspendedAt);
	for (const restored of ['\u001B[?2004l', '\u001B[?1049l', '\u001B[?25h'])
		expect(handedBack).toContain(restored);
	session.write('fg\r');
	await session.waitFor(/› globex-prod/);
	expect(session.raw().slice(suspendedAt)).toContain('\u001B[?2004h');
	session.write('q');
	await session.waitFor('shell$');
	session.write('exit\r');
	await session.exited;
});
