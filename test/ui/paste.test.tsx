// A paste is text for the field being typed in, never keys: it cannot end a filter, open a write or
// answer a confirmation, and a long one is one update, cut to the field's limit.
import {expect, it} from 'vitest';
import {NOTE_LIMIT} from '../../source/ui/writes/use-write.js';
import {ENTER, ESC, type renderExplorer} from '../helpers/render-app.js';
import {installAwaitingApproval} from '../helpers/scenario.js';
import {openWorkflow, writableDemo} from '../helpers/writable-demo.js';

/** The explorer of the test that is running (paste() writes to it). */
let app: ReturnType<typeof renderExplorer> | undefined;

const bracketed = (text: string) => `\u001B[200~${text}\u001B[201~`;

/** The rollout's workflow of the install whose plan waits for a person, on its steps, and the writes it gets.
 * */
async function stepsWaitingForApproval() {
	const {demo, posts} = await writableDemo('2025-12');
	const opened = await openWorkflow(demo, installAwaitingApproval, 20);
	app = opened.app;
	await app.waitFor('⚑ approve');
	return {app, posts, install: opened.install};
}

/** Writes a bracketed paste and waits until it has been drawn (or said to be ignored). */
async function paste(text: string) {
	const drawn = app!.frames.length;
	app!.stdin.write(bracketed(text));
	await app!.waitFor(() => app!.frames.length > drawn);
}

it(
	'pasted into the / filter, a newline and the letters after it stay text: no write opens, nothing ' +
		'is sent',
	async () => {
		const {app, posts} = await stepsWaitingForApproval();
		await app.press('/');
		await paste('deploy vpc\nalready approved by ops');
		await app.waitFor('/deploy vpc already approved by ops');
		expect(app.frame()).not.toContain('Approve the plan?');
		await app.press(ESC);
		expect(app.frame()).not.toContain('Approve the plan?');
		expect(posts).toEqual([]);
	},
);

it('a paste while a confirmation is open is ignored with a word, and does not answer it', async () => {
	const {app, posts} = await stepsWaitingForApproval();
	await app.press('a');
	await app.waitFor('Approve the plan?');
	await paste('yes');
	await app.waitFor('paste ignored');
	expect(app.frame()).toContain('y sends it once');
	expect(posts).toEqual([]);
	await app.press('n');
	await app.waitFor('nothing sent');
});

it(
	'a two-line note pasted into the deny note stays one note; a long one is cut to the limit the prompt ' +
		'names',
	async () => {
		const {app, posts, install} = await stepsWaitingForApproval();
		await app.press('d', '1');
		await app.waitFor(`At most ${NOTE_LIMIT}`);
		await paste('not in the freeze\nafter the window');
		await app.waitFor('not in the freeze after the window');
		expect(app.frame()).not.toContain('Approve the plan?');
		expect(app.frame()).not.toContain('y sends it once');
		await paste('x'.repeat(10_000));
		await app.waitFor('(full)');
		await app.press(ENTER);
		await app.waitFor('y sends it once');
		await app.press('y');
		await app.waitFor('✓ denied the plan');
		expect(posts).toHaveLength(1);
		const note = install.components[0]!.rollout!.schedule.approval!.note!;
		expect(note).toHaveLength(NOTE_LIMIT);
		expect(note).toMatch(/^not in the freeze after the windowx+$/);
	},
);

it('pasted into the : command line, it is text to run with Enter, not keys', async () => {
	const {app} = await stepsWaitingForApproval();
	await app.press(':');
	await paste('board\nq');
	await app.waitFor(':board q');
	await app.press(ESC);
	await app.waitFor(frame => !frame.includes(':board q'));
	expect(app.frame()).toContain('Steps of the rollout');
});

it('on a screen with no text field, a paste does nothing but say so', async () => {
	const {app, posts} = await stepsWaitingForApproval();
	await paste('ad\ny');
	await app.waitFor('paste ignored');
	expect(app.frame()).not.toMatch(/Approve the plan\?|Deny the plan\?/);
	expect(posts).toEqual([]);
});
