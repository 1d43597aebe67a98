// One name for each state on every screen: a deploy waiting for its plan's approval is `pending-approval`
// to the server and its step `approval-awaiting`; the board, its counts, the steps and the plan all say
// `⚑ approve`. Messages about a status read as sentences whatever the word.
import {afterAll, afterEach, beforeAll, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {openWorkflow} from '../helpers/writable-demo.js';
import {FAILED, installAwaitingApproval} from '../helpers/scenario.js';

let demo: DemoServer;
let app: ReturnType<typeof renderExplorer> | undefined;

beforeAll(async () => {
	demo = await startDemoServer();
});
afterAll(() => demo.close());
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

// (The server's description of a step, "the plan is waiting for approval", is its own text.)
const RAW_WORDS = /pending-approval|approval-awaiting/;

it('the waiting state reads `⚑ approve` on the board, its counts, the steps and the plan', async () => {
	const install = installAwaitingApproval(demo.scenario);
	const ic = install.components.find(found => found.rollout?.schedule.approval)!;
	demo.scenario.setClock(ic.rollout!.schedule.approval!.requestedAt + 30);
	// At 80 columns, where a board cell has 9 columns for its status: the word is whole.
	app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true, size: {columns: 80, rows: 24}});
	const board = await app.waitFor(new RegExp(`${install.name}\\s+\\d+/\\d+\\s+\\*?⚑ approve `));
	expect(board).toMatch(/⚑ 1 approve/);
	expect(board).not.toMatch(RAW_WORDS);
	await app.press('!');
	await app.waitFor(`${install.name} › ${ic.component.name}: approve`);
	await app.press(ENTER);
	const plan = await app.waitFor(/Changes · ⚑ approve \(\d+\)/, 10_000);
	expect(plan).not.toContain('waiting for approval');
	expect(plan).not.toMatch(RAW_WORDS);
	await app.press(ESC);
	const steps = await app.waitFor(/Steps of [\s\S]*deploy \S+\s+⚑ approve\s/);
	expect(steps).toMatch(/⚑ approve/);
	expect(steps).not.toMatch(RAW_WORDS);
});

it('C on a failed workflow says its status in a sentence', async () => {
	const {app: shown} = await openWorkflow(demo, FAILED.install, FAILED.at);
	await shown.waitFor('✗ error');
	await shown.press('C');
	await shown.waitFor('C cancel: the workflow’s status is error: only a running, queued or waiting');
});
