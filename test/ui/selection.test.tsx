// One selection per screen: the row the cursor is on is the row every key acts on, with a kept `/`
// filter or without, and the one a confirmation names; clearing the filter keeps the cursor on it.
import {afterEach, describe, expect, it} from 'vitest';
import type {DemoServer} from '../../source/demo/server.js';
import {ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {AWAITING, FAILED, installCount, installsMatching} from '../helpers/scenario.js';
import {selectedRow, stripAnsi} from '../helpers/screen.js';
import {openWorkflow, writableDemo} from '../helpers/writable-demo.js';

type App = ReturnType<typeof renderExplorer>;

/** Types `/text` and Enter: the filter is kept. */
async function keepFilter(app: App, text: string) {
	await app.press('/', ...text, ENTER);
	await app.waitFor(frame => stripAnsi(frame).includes(`/${text}  (Esc clears)`));
}

const stepOf = (demo: DemoServer, workflowId: string, at: number, name: string) =>
	demo.scenario.workflowSteps(workflowId, at)!.find(step => step.name === name)!;

describe('the steps of a workflow', () => {
	it('with nothing selected before, R retries the step a kept filter highlights, and names it', async () => {
		const {demo, writes} = await writableDemo('2026');
		const {app, workflowId} = await openWorkflow(demo, FAILED.install, FAILED.at);
		await app.waitFor('✗ error');
		await keepFilter(app, 'server');
		expect(selectedRow(app.frame())).toContain('deploy auth-server');
		const failed = stepOf(demo, workflowId, FAILED.at, 'deploy auth-server');
		await app.press('R');
		await app.waitFor(
			new RegExp(`Retry the step\\?[\\s\\S]*deploy auth-server \\(${failed.id}\\)[\\s\\S]*newer +none`),
		);
		await app.press('y');
		await app.waitFor('✓ asked Nuon to retry deploy auth-server');
		expect(writes.map(write => write.path)).toEqual([`/v1/workflows/${workflowId}/steps/${failed.id}/retry`]);
	});

	it('a filter off the failed step: R refuses for the row shown; Esc keeps the cursor there', async () => {
		const {demo, writes} = await writableDemo('2026');
		const {app} = await openWorkflow(demo, FAILED.install, FAILED.at);
		await app.waitFor('✗ error');
		await app.press('G');
		await app.waitFor(frame => selectedRow(frame)?.includes('deploy auth-server') === true);
		await keepFilter(app, 'infra');
		expect(selectedRow(app.frame())).toContain('deploy infra');
		await app.press('R');
		await app.waitFor('deploy infra cannot be retried');
		expect(app.frame()).not.toContain('Retry the step?');
		await app.press(ESC);
		await app.waitFor(/Steps of the rollout .*\(4\)/);
		expect(selectedRow(app.frame())).toContain('deploy infra');
		expect(writes).toEqual([]);
	});

	it('a never approves a plan the cursor is not on: a kept filter on another step refuses', async () => {
		const {demo, writes} = await writableDemo('2026');
		const {app} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
		await app.waitFor('⚑ approve');
		await keepFilter(app, 'api-image');
		expect(selectedRow(app.frame())).toContain('deploy api-image');
		await app.press('a');
		await app.waitFor('a approve: this step is not waiting for an approval');
		expect(app.frame()).not.toContain('Approve the plan?');
		expect(writes).toEqual([]);
	});
});

let app: App | undefined;
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

/** The approvals queue with the last wave's plans waiting (five, tyrell-prod's first). */
async function openQueue(demo: DemoServer) {
	demo.scenario.setClock(100);
	app = renderExplorer(demo, {size: {columns: 160, rows: 40}});
	await app.waitFor('Installs');
	await app.press('Q');
	await app.waitFor(/Approvals · 5 waiting \(5\)/, 15_000);
	return app;
}

/** The highlighted row of a list, without the detail beside it. */
const highlighted = (frame: string) => selectedRow(frame)?.split('┃│')[0];

/** The install named on the highlighted row of the queue. */
const highlightedInstall = (frame: string) => /┃ › {3}(\S+)/.exec(selectedRow(frame) ?? '')?.[1];
const workflowOf = (demo: DemoServer, name: string) =>
	demo.scenario.installs.find(install => install.name === name)!.workflowIds[0]!;

describe('the approvals queue', () => {
	it('a approves the row a filter and a move highlight; Esc keeps the cursor where it is', async () => {
		const {demo, writes} = await writableDemo('2026');
		const queue = await openQueue(demo);
		const first = highlightedInstall(queue.frame());
		await keepFilter(queue, 'staging');
		const chosen = highlightedInstall(queue.frame())!;
		expect(chosen).not.toBe(first);
		await queue.press(ESC);
		await queue.waitFor(/Approvals · 5 waiting \(5\)/);
		expect(highlightedInstall(queue.frame())).toBe(chosen);

		await keepFilter(queue, 'staging');
		await queue.press('j');
		await queue.waitFor(frame => highlightedInstall(frame) !== chosen);
		const moved = highlightedInstall(queue.frame())!;
		await queue.press('a');
		const asked = await queue.waitFor(new RegExp(`Approve the plan\\?[\\s\\S]*${moved} ›`));
		// A plan that deletes or replaces asks for that number to be typed instead of y.
		const typed = /Type (\d+) and Enter/.exec(asked)?.[1];
		await queue.press(...(typed ? [...typed, ENTER] : ['y']));
		await queue.waitFor(`✓ 1 of 1 approved: ${moved} ›`);
		expect(writes.map(write => write.path)).toEqual([
			expect.stringMatching(
				new RegExp(`^/v1/workflows/${workflowOf(demo, moved)}/steps/\\w+/approvals/\\w+/response$`),
			),
		]);
	});

	it('says a write’s outcome above a kept filter: how many went through and which did not', async () => {
		let server: DemoServer | undefined;
		const {demo} = await writableDemo('2026', (request, response) => {
			if (!request.url?.includes(workflowOf(server!, 'pied-piper-staging'))) return false;
			response.writeHead(500, {'content-type': 'application/json'});
			response.end(JSON.stringify({error: 'internal error', description: 'database is down'}));
			return true;
		});
		server = demo;
		const queue = await openQueue(demo);
		for (const install of ['massive-dyn-staging', 'pied-piper-staging']) {
			await keepFilter(queue, install);
			await queue.press(' ');
			await queue.waitFor(new RegExp(`● ${install}`));
			await queue.press(ESC);
			await queue.waitFor(/\(5\)/);
		}
		await keepFilter(queue, 'staging');
		await queue.press('a');
		await queue.waitFor('Approve 2 plans?');
		await queue.press('y');
		const told = await queue.waitFor(
			/⚠ Approve 2 plans: 1 of 2 approved; not approved: pied-piper-staging › /,
		);
		expect(told).toMatch(/\(\d of \d\)/); // the filter is still kept: the title counts what it keeps
	});
});

describe('the plan to approve', () => {
	it('a approves the step’s plan whatever change is highlighted; Esc keeps the cursor on it', async () => {
		const {demo, writes} = await writableDemo('2026');
		const {app: plan, workflowId} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
		await plan.waitFor('⚑ approve');
		await plan.press(ENTER);
		await plan.waitFor('1 to delete · 1 to replace');
		await keepFilter(plan, 'create');
		const chosen = highlighted(plan.frame())!;
		expect(chosen).toContain('+ create');
		await plan.press(ESC);
		await plan.waitFor(/Changes · ⚑ approve \(\d+\)/);
		expect(highlighted(plan.frame())).toBe(chosen);

		await keepFilter(plan, 'create');
		await plan.press('j');
		await plan.waitFor(frame => highlighted(frame) !== chosen);
		await plan.press('a');
		await plan.waitFor(/Approve the plan\?[\s\S]*deploy vpc-network/);
		await plan.press('y');
		await plan.waitFor('✓ approved the plan of deploy vpc-network');
		const step = stepOf(demo, workflowId, AWAITING.at, 'deploy vpc-network');
		expect(writes.map(write => write.path)).toEqual([
			`/v1/workflows/${workflowId}/steps/${step.id}/approvals/${step.approval!.id}/response`,
		]);
	});
});

describe('the rollout board', () => {
	it('Esc clearing a filter keeps the cursor on the install the filter chose', async () => {
		const {demo} = await writableDemo('2026', undefined, {});
		demo.scenario.setClock(5);
		app = renderExplorer(demo, {start: [{kind: 'board'}], size: {columns: 160, rows: 40}});
		await app.waitFor(/Ledgerly\s+vpc-network/);
		const chosen = installsMatching(demo.scenario, 'glob')[0]!.name;
		await app.press('/', ...'glob', ENTER);
		await app.waitFor(frame => selectedRow(frame)?.includes(chosen) === true);
		await app.press(ESC);
		await app.waitFor(`Rollout: ${installCount(demo.scenario)} installs`);
		expect(selectedRow(app.frame())).toContain(chosen);
	});
});
