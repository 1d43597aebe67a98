// A word that must be typed (a retry in a workflow a newer one has replaced) is typed in answer to
// the question: keys typed ahead of it, within the guard, are not its answer, and a paste is refused.
// Keys that come together in a note are text.
import {expect, it, vi} from 'vitest';
import {ENTER} from '../helpers/render-app.js';
import {AWAITING, FAILED, firstInstall} from '../helpers/scenario.js';
import {openWorkflow, openWorkflowById, writableDemo} from '../helpers/writable-demo.js';
import {KEY_GUARD_MS} from '../../source/ui/writes/use-write.js';

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function openReplacedWorkflow() {
	const {demo, posts} = await writableDemo('2026');
	demo.scenario.setClock(FAILED.at);
	const install = firstInstall(demo.scenario);
	// The failed release's workflow: the rollout's has run since.
	const workflowId = install.workflowIds.find(id =>
		demo.scenario
			.workflowSteps(id, FAILED.at)
			?.some(step => step.status?.status === 'error' && !step.retried),
	)!;
	const {app} = await openWorkflowById(demo, install, workflowId, {keyGuardMs: KEY_GUARD_MS});
	await app.waitFor('✗ error');
	return {app, posts};
}

it('R, o, l, d, Enter typed ahead retry nothing; old typed once the question has shown does', async () => {
	const {app, posts} = await openReplacedWorkflow();
	// The clock the guard reads stands still until the test moves it: the keys come with the question.
	vi.useFakeTimers({toFake: ['Date']});
	try {
		app.stdin.write('R');
		await app.waitFor(/Type old and Enter/);
		// Each key in a read of its own once the one before has drawn, as typed quickly.
		await app.press('o', 'l', 'd', ENTER);
		vi.setSystemTime(Date.now() + KEY_GUARD_MS);
		// Typed once the question has shown a while: the field holds these three letters alone (the keys
		// before them, handled first, neither sent it nor typed anything).
		for (const key of ['o', 'l', 'd']) app.stdin.write(key);
		await app.waitFor(/send it anyway: old\s/);
		expect(posts).toEqual([]);
		app.stdin.write(ENTER);
		await app.waitFor('✓ asked Nuon to retry');
		expect(posts).toHaveLength(1);
	} finally {
		vi.useRealTimers();
	}
});

it('a paste of the word is refused, saying to type it; so are its letters in one read', async () => {
	const {app, posts} = await openReplacedWorkflow();
	app.stdin.write('R');
	await app.waitFor(/Type old and Enter/);
	await pause(KEY_GUARD_MS + 50);
	app.stdin.write('\u001B[200~old\u001B[201~');
	await app.waitFor('paste ignored: type old and Enter one key at a time');
	app.stdin.write('old');
	await pause(100);
	app.stdin.write(ENTER);
	await app.waitFor('type old and Enter to send it, or Esc');
	expect(posts).toEqual([]);
});

it('a note typed in one read (an unmarked paste) is text: its line break does not submit', async () => {
	const {demo, posts} = await writableDemo('2026');
	const {app} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
	await app.waitFor('⚑ approve');
	await app.press('d', '1');
	await app.waitFor('Type a note');
	app.stdin.write('not now\rq y');
	await app.waitFor('not now q y');
	expect(app.frame()).toContain('Type a note');
	expect(posts).toEqual([]);
});
