// No answer the user did not type, in a real terminal: a paste carrying its own end marker, keys
// typed ahead into a word that must be typed, a burst of keys from a terminal without bracketed
// paste, and Ctrl-C inside a paste that never ends.
import {afterEach, expect, it} from 'vitest';
import type {DemoServer} from '../../source/demo/server.js';
import {KEY_GUARD_MS} from '../../source/ui/writes/use-write.js';
import {startPty, type PtySession} from '../helpers/pty.js';
import {writableDemo} from '../helpers/writable-demo.js';

let session: PtySession | undefined;
afterEach(async () => {
	session?.kill();
	await session?.exited;
	session = undefined;
});

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The explorer on the approvals queue of a demo where five plans wait (the first deletes and replaces). */
async function openQueue(demo: DemoServer) {
	demo.scenario.setClock(100);
	session = startPty([], {
		columns: 160,
		rows: 40,
		env: {
			NUON_API_URL: demo.url,
			NUON_API_TOKEN: 'test-token',
			NUON_ORG_ID: demo.scenario.orgId,
			NUON_CONFIG_FILE: '/nonexistent',
		},
	});
	await session.waitFor('Installs');
	session.write('Q');
	await session.waitFor(/Approvals · 5 waiting/);
	return session;
}

const START = '\u001B[200~';
const END = '\u001B[201~';

/** Opens the approval on the selected row, and waits out the guard against keys typed ahead. */
async function approve(pty: PtySession, asks: RegExp) {
	pty.write('a');
	await pty.waitFor(asks);
	await pause(KEY_GUARD_MS + 100);
}

/** Nothing came of what was sent: the question still asks, nothing was posted. */
async function stillAsks(pty: PtySession, asks: RegExp, posts: string[]) {
	await pause(500);
	expect(pty.text()).toMatch(asks);
	expect(posts).toEqual([]);
}

const TYPE_COUNT = /Type 2 and Enter to send it anyway/;
const Y_SENDS = /y sends it once/;

it(
	'a paste that carries its own end marker is one paste to the last marker: its y answers nothing, ' +
		'and its 2 and Enter do not fill the typed count',
	async () => {
		const {demo, posts} = await writableDemo('2026');
		const pty = await openQueue(demo);
		// On a list: the q inside the paste is its text, not a key that quits.
		pty.write(`${START}${END}q${END}`);
		await pty.waitFor('paste ignored');
		await approve(pty, TYPE_COUNT);
		// tmux passes an ESC in the pasted text through: the end marker inside is the paste's text.
		pty.write(`${START}2${END}\r${END}`);
		await pty.waitFor('paste ignored: type 2 and Enter one key at a time');
		pty.paste('2');
		await stillAsks(pty, TYPE_COUNT, posts);
		pty.write('\u001B');
		await pty.waitFor('nothing sent');
		pty.write('j');
		await approve(pty, Y_SENDS);
		pty.write(`${START}${END}y${END}`);
		await pty.waitFor('paste ignored');
		await stillAsks(pty, Y_SENDS, posts);
		// A y typed on its own answers it.
		pty.write('y');
		await pty.waitFor(/✓ 1 of 1 approved/);
		expect(posts).toHaveLength(1);
	},
);

it('keys typed ahead into the typed count answer nothing; the count typed once it shows does', async () => {
	const {demo, posts} = await writableDemo('2026');
	const pty = await openQueue(demo);
	for (const key of ['a', '2', '\r']) {
		pty.write(key);
		await pause(50);
	}
	await pty.waitFor(TYPE_COUNT);
	await stillAsks(pty, TYPE_COUNT, posts);
	pty.write('2');
	await pty.waitFor(/send it anyway: 2\s/);
	pty.write('\r');
	await pty.waitFor(/✓ 1 of 1 approved/);
	expect(posts).toHaveLength(1);
});

it('a paste from a terminal without bracketed paste (keys in one read) answers no confirmation', async () => {
	const {demo, posts} = await writableDemo('2026');
	const pty = await openQueue(demo);
	pty.write('j');
	await approve(pty, Y_SENDS);
	pty.write('hello world y\n');
	await pty.waitFor('paste ignored');
	await stillAsks(pty, Y_SENDS, posts);
	pty.write('\u001B');
	await pty.waitFor('nothing sent');
	expect(posts).toEqual([]);
});

it('Ctrl-C inside a paste that has not ended quits at once', async () => {
	const {demo} = await writableDemo('2026');
	const pty = await openQueue(demo);
	pty.write(`${START}some text`);
	await pause(200);
	const pressedAt = performance.now();
	pty.write('\u0003');
	// Held as pasted text, it would not quit at all.
	const exited = await Promise.race([pty.exited, pause(5000).then(() => undefined)]);
	expect(exited?.exitCode).toBe(0);
	expect(performance.now() - pressedAt).toBeLessThan(2000);
});
