// The writes as today's server takes them (installs/service/*.go, pkg/flow): retry and skip name
// their step, every answer to a plan, approve all, cancelling a queued workflow, and a screen that
// answers for what is on the server now, not for what it showed a while ago.
import {describe, expect, it} from 'vitest';
import type {DemoApi} from '../../source/demo/api-mode.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {ENTER} from '../helpers/render-app.js';
import {AWAITING, FAILED, firstInstall, queuedInstall} from '../helpers/scenario.js';
import {afterNuonLooks, openWorkflow, openWorkflowById, writableDemo} from '../helpers/writable-demo.js';

const _TERRAFORM_COUNTS = '1 to delete · 1 to replace · 2 to update · 3 to create';

/**
 * What a skip of step S of workflow W sends to each server: the skip route (2026, API 0.19.894); where
 * the router does not know it (a text 404, nothing done), the body form on the step's retry route
 * (December 2025), then on the contract's (August 2025). Never a skip to a retry route that reads no body.
 */
const SKIP_WRITES: Record<DemoApi, (w: string, s: string) => Array<{path: string; body: string}>> = {
	'2026': (w, s) => [{path: `/v1/workflows/${w}/steps/${s}/skip`, body: '{}'}],
	'2025-12': (w, s) => [
		{path: `/v1/workflows/${w}/steps/${s}/skip`, body: '{}'},
		{path: `/v1/workflows/${w}/steps/${s}/retry`, body: JSON.stringify({step_id: s, operation: 'skip-step'})},
	],
	'2025-08': (w, s) => [
		{path: `/v1/workflows/${w}/steps/${s}/skip`, body: '{}'},
		{path: `/v1/workflows/${w}/steps/${s}/retry`, body: JSON.stringify({step_id: s, operation: 'skip-step'})},
		{path: `/v1/workflows/${w}/retry`, body: JSON.stringify({step_id: s, operation: 'skip-step'})},
	],
};

const RETRY_WRITES: Record<DemoApi, (w: string, s: string) => Array<{path: string; body: string}>> = {
	'2026': (w, s) => [
		{
			path: `/v1/workflows/${w}/steps/${s}/retry`,
			body: JSON.stringify({step_id: s, operation: 'retry-step'}),
		},
	],
	'2025-12': (w, s) => RETRY_WRITES['2026'](w, s),
	'2025-08': (w, s) => [
		...RETRY_WRITES['2026'](w, s),
		{path: `/v1/workflows/${w}/retry`, body: JSON.stringify({step_id: s, operation: 'retry-step'})},
	],
};

describe.each(SERVER_VERSIONS)('against the %s server', api => {
	/** The rollout's failed step, its workflow open, `key` pressed on it and confirmed with y. */
	async function confirmOnFailedStep(key: 'R' | 'S', question: RegExp) {
		const {demo, writes} = await writableDemo(api);
		const {app, workflowId} = await openWorkflow(demo, FAILED.install, FAILED.at);
		await app.waitFor('✗ error');
		await app.press('G', key);
		await app.waitFor(question);
		const failed = demo.scenario
			.workflowSteps(workflowId, FAILED.at)!
			.find(step => step.status?.status === 'error')!;
		await app.press('y');
		return {demo, writes, app, workflowId, failedId: failed.id!};
	}

	it('S skips the failed step it names, with the one request that skips there', async () => {
		const {writes, app, workflowId, failedId} = await confirmOnFailedStep(
			'S',
			/Skip the step\?[\s\S]*newer\s+none/,
		);
		await app.waitFor('✓ asked Nuon to skip deploy auth-server');
		await app.waitFor('○ user-skipped');
		expect(writes).toEqual(SKIP_WRITES[api](workflowId, failedId));
	});

	it('R retries the failed step it names, once: a new attempt starts', async () => {
		const {demo, writes, app, workflowId, failedId} = await confirmOnFailedStep(
			'R',
			/Retry the step\?[\s\S]*newer\s+none/,
		);
		await app.waitFor('✓ asked Nuon to retry deploy auth-server');
		expect(writes).toEqual(RETRY_WRITES[api](workflowId, failedId));
		expect(
			demo.scenario.workflowSteps(workflowId, demo.scenario.clock())!.map(step => step.status?.status),
		).not.toContain('user-skipped');
	});

	it('C cancels a queued workflow with one request; any 2xx body is a success', async () => {
		const {demo, writes} = await writableDemo(api);
		const {app, workflowId} = await openWorkflow(demo, queuedInstall, 0);
		await app.waitFor(/Steps of the rollout · pending/);
		await app.press('C');
		await app.waitFor('Cancel the workflow?');
		await app.press('y');
		await app.waitFor('✓ asked Nuon to cancel the rollout');
		await app.waitFor(/Steps of the rollout · cancelled/);
		expect(writes).toEqual([{path: `/v1/workflows/${workflowId}/cancel`, body: '{}'}]);
	});
});

it(
	'R and S are refused, saying why, on a step that has not failed (the server answers 400 for any status ' +
		'but error)',
	async () => {
		const {demo, posts} = await writableDemo('2025-12');
		const {app} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
		await app.waitFor('⚑ approve');
		await app.press('R');
		await app.waitFor('R retry: deploy vpc-network cannot be retried: only a failed step (status error)');
		await app.press('S');
		await app.waitFor('cannot be skipped');
		expect(posts).toEqual([]);
	},
);

it(
	'd offers every other answer, each saying what happens; "deny and skip this step" lets the workflow go ' +
		'on, and the screen follows until Nuon acts',
	async () => {
		// A clock that all but stands still: Nuon acts when the test moves it.
		const {demo, posts} = await writableDemo('2025-12', undefined, {speed: 0.001});
		const {app} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
		await app.waitFor('⚑ approve');
		await app.press('d');
		const menu = await app.waitFor('Answer the plan without approving it');
		for (const answer of [
			'1 Deny the plan',
			'2 Deny and skip this step',
			'3 Deny and skip what depends on it',
			'4 Plan again',
			'the workflow stops with an error',
		])
			expect(menu).toContain(answer);
		// What the answer under the cursor does.
		await app.press('j');
		await app.waitFor(/the step\s+is skipped/);
		await app.press('2');
		await app.waitFor('Deny and skip this step?');
		await app.waitFor('Nuon looks at answers about every 15 s.');
		await app.press(...'wrong window', ENTER);
		await app.waitFor('y sends it once');
		await app.press('y');
		await app.waitFor('✓ denied and skipped deploy vpc-network; waiting for Nuon to act');
		await app.waitFor('Steps of the rollout · sent, waiting for Nuon');
		expect(app.frame()).toContain('⚑ approve');
		// Nuon acts at its next look (every 15 s from when the approval was asked): the step is denied, the
		// workflow goes on, and the screen stops following.
		afterNuonLooks(demo, AWAITING.install);
		await app.waitFor(
			frame => frame.includes('! approval-denied') && !frame.includes('sent, waiting for Nuon'),
		);
		expect(app.frame()).toMatch(/Steps of the rollout · in-progress/);
		expect(posts).toHaveLength(1);
	},
);

it(
	'"plan again" sends the plan back: the step ends approval-retry and a new attempt asks for approval ' +
		'again',
	async () => {
		const {demo} = await writableDemo('2025-12');
		const {app} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
		await app.waitFor('⚑ approve');
		await app.press('d', '4');
		await app.waitFor('Plan again?');
		await app.press(ENTER, 'y');
		await app.waitFor('✓ asked Nuon to plan again: deploy vpc-network');
		demo.scenario.setClock(AWAITING.at + 30);
		await app.press('r');
		await app.waitFor(
			frame => frame.includes('approval-retry') && /deploy vpc-network \(attempt 2\)\s+⚑ approve/.test(frame),
		);
	},
);

it('on the older server "deny and skip" is a plain deny: the workflow stops with an error', async () => {
	const {demo} = await writableDemo('2025-08');
	const {app} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
	await app.waitFor('⚑ approve');
	await app.press('d', '2', ENTER, 'y');
	await app.waitFor('✓ denied and skipped');
	demo.scenario.setClock(AWAITING.at + 30);
	await app.press('r');
	await app.waitFor(/Steps of the rollout · error/);
});

it(
	'A approves all: the confirmation lists each plan waiting with its counts; one PATCH; Nuon approves it ' +
		'and the workflow says approved',
	async () => {
		const {demo, posts} = await writableDemo('2025-12');
		const {app, workflowId} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
		await app.waitFor('⚑ approve');
		await app.press('A');
		const confirmation = await app.waitFor(/deploy vpc-network\s+1 to delete · 1 to replace · 2 to/);
		expect(confirmation).toContain('Approve all the plans of the workflow?');
		await app.press('y');
		await app.waitFor('✓ approve all is on for the rollout');
		afterNuonLooks(demo, AWAITING.install);
		expect(posts).toEqual([`PATCH /v1/workflows/${workflowId}`]);
		await app.waitFor(frame => /Steps of the rollout · approved/.test(frame) && !frame.includes('⚑ approve'));
		await app.press('A');
		await app.waitFor('approved already (approve all is on)');
		expect(posts).toHaveLength(1);
	},
);

it('C cancels a queued workflow: the 202 "truetrue" the server answers is a success', async () => {
	const {demo, posts} = await writableDemo('2025-12');
	const {app} = await openWorkflow(demo, queuedInstall, 0);
	await app.waitFor(/Steps of the rollout · pending/);
	await app.press('C');
	await app.waitFor('Cancel the workflow?');
	await app.press('y');
	await app.waitFor('✓ asked Nuon to cancel the rollout');
	await app.waitFor(/Steps of the rollout · cancelled/);
	expect(posts).toHaveLength(1);
	await app.press('C');
	await app.waitFor('C cancel: the workflow’s status is cancelled');
	expect(posts).toHaveLength(1);
});

it(
	'a stale screen answers nothing: y reads the step again and sends only if it still waits, saying who ' +
		'answered',
	async () => {
		const {demo, posts} = await writableDemo('2025-12');
		const {app, workflowId} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
		await app.waitFor('⚑ approve');
		// Someone answers in the dashboard; this screen has not refreshed since.
		const step = demo.scenario.workflowSteps(workflowId, AWAITING.at)!.find(found => found.approval?.id)!;
		demo.scenario.respondToApproval(
			workflowId,
			step.id!,
			step.approval!.id!,
			{response_type: 'deny', note: 'from the dashboard'},
			demo.scenario.clock(),
			'2025-12',
		);
		await app.press('a');
		await app.waitFor('Approve the plan?');
		await app.press('y');
		await app.waitFor(/Approve the plan: not sent: answered already: denied by you@ledgerly\.dev/);
		expect(posts).toEqual([]);
	},
);

it('a 400 "already has a response" says who answered, not that the write failed', async () => {
	let answeredBehind: (() => void) | undefined;
	const {demo, posts} = await writableDemo('2025-12', (_request, response) => {
		answeredBehind?.();
		response.writeHead(400, {'content-type': 'application/json'});
		response.end(
			JSON.stringify({
				error: 'workflow step approval already has a response',
				description: 'workflow step approval already has a response',
				user_error: true,
			}),
		);
		return true;
	});
	const {app, workflowId} = await openWorkflow(demo, AWAITING.install, AWAITING.at);
	const step = demo.scenario.workflowSteps(workflowId, AWAITING.at)!.find(found => found.approval?.id)!;
	answeredBehind = () =>
		demo.scenario.respondToApproval(
			workflowId,
			step.id!,
			step.approval!.id!,
			{response_type: 'approve', note: 'ship it'},
			demo.scenario.clock(),
			'2025-12',
		);
	await app.waitFor('⚑ approve');
	await app.press('d', '1', ENTER, 'y');
	const said = await app.waitFor(/⚑ Deny the plan: answered already: approved by [\w.]+@ledgerly\.dev/);
	expect(said).toContain('ship it');
	expect(posts).toHaveLength(1);
});

it(
	'keys typed in the moment a confirmation opens are not its answer, and the hint line offers nothing ' +
		'while it is on its way',
	async () => {
		let hold: (() => void) | undefined;
		const {demo, posts} = await writableDemo('2025-12', (request, response) => {
			// The POST is held until the test lets it through.
			hold = () => demo.server.emit('request', Object.assign(request, {method: 'POST'}), response);
			return false;
		});
		void hold;
		const {app} = await openWorkflow(demo, AWAITING.install, AWAITING.at, {keyGuardMs: 300});
		await app.waitFor('⚑ approve');
		// "a" then "y" at once, as a paste or a key typed ahead brings them: nothing is sent.
		app.stdin.write('a');
		app.stdin.write('y');
		// A busy machine: the y's turn in the input queue comes after the guard has run out. It was
		// typed with the a, before the question showed, so it is still not the answer.
		const busyUntil = Date.now() + 400;
		while (Date.now() < busyUntil) {
			// the event loop held, as a loaded machine holds it
		}
		await app.waitFor('Approve the plan?');
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(posts).toEqual([]);
		expect(app.frame()).toContain('y yes');
		await new Promise(resolve => setTimeout(resolve, 300));
		app.stdin.write('y');
		await app.waitFor(/Checking it still applies|Sending/);
		expect(app.frame()).not.toContain('y yes');
		await app.waitFor('✓ approved the plan of deploy vpc-network');
		expect(posts).toHaveLength(1);
		// A second y just after the answer is not taken as "copy the id".
		app.stdin.write('y');
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(app.frame()).not.toContain('copied');
	},
);

it(
	'an answer Nuon has taken is remembered: the step cannot be answered again while the screen still ' +
		'shows it waiting',
	async () => {
		let answered = false;
		const {demo, posts} = await writableDemo('2025-12', (request, _response) => {
			if (request.method === 'POST') answered = true;
			return false;
		});
		void demo;
		const {app} = await openWorkflow(demo, AWAITING.install, AWAITING.at, {refreshMs: 60_000});
		await app.waitFor('⚑ approve');
		await app.press('a', 'y');
		await app.waitFor('✓ approved the plan of deploy vpc-network');
		expect(answered).toBe(true);
		await app.press('a');
		await app.waitFor(
			/a approve: (sent \d+ s ago; waiting for Nuon to act on it|answered already: approved by \S+@ledgerly)/,
		);
		expect(posts).toHaveLength(1);
	},
);

it(
	'R in a workflow a newer one has replaced shows its age and what replaced it, and sends only once ' +
		'"old" is typed',
	async () => {
		const {demo, posts} = await writableDemo('2025-12');
		demo.scenario.setClock(FAILED.at);
		const install = firstInstall(demo.scenario);
		// The failed release's workflow, 13 days old: the rollout's has run since.
		const workflowId = install.workflowIds.find(id =>
			demo.scenario
				.workflowSteps(id, FAILED.at)
				?.some(step => step.status?.status === 'error' && !step.retried),
		)!;
		const {app} = await openWorkflowById(demo, install, workflowId);
		await app.waitFor('✗ error');
		await app.press('R');
		const confirmation = await app.waitFor(/Type old and Enter/);
		expect(confirmation).toMatch(/made\s+.*\(13d ago\)/);
		expect(confirmation).toMatch(/replaced by\s+Deploy v2\.4\.0 to/);
		await app.press('y');
		await app.press(ENTER);
		await app.waitFor('type old and Enter to send it, or Esc');
		expect(posts).toEqual([]);
		await app.press('o', 'l', 'd', ENTER);
		await app.waitFor('✓ asked Nuon to retry');
		expect(posts).toHaveLength(1);
	},
);
