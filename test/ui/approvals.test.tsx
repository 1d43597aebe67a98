// Approvals and the other writes on a workflow, against the demo over real HTTP on both servers: the
// plan to approve, the confirmation that names what it touches, one request per confirmed write,
// nothing sent when declined or under --read-only, and what a failed write says.
import {describe, expect, it} from 'vitest';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {ENTER} from '../helpers/render-app.js';
import {componentAwaitingApproval, failedInstall, installAwaitingApproval} from '../helpers/scenario.js';
import {afterNuonLooks, openWorkflow, writableDemo} from '../helpers/writable-demo.js';

const TERRAFORM_COUNTS = '1 to delete · 1 to replace · 2 to update · 3 to create';

describe.each(SERVER_VERSIONS)('against the %s server', api => {
	it(
		'Enter on the step waiting for approval shows the plan grouped by action; a asks first, naming what ' +
			'it touches; n sends nothing; y sends one request, however often it is pressed',
		async () => {
			const {demo, posts} = await writableDemo(api);
			const {app, install} = await openWorkflow(demo, installAwaitingApproval, 20);
			await app.waitFor('⚑ approve');
			await app.press(ENTER);
			const plan = await app.waitFor(TERRAFORM_COUNTS);
			expect(plan).toContain('Changes · ⚑ approve');
			// Enter opens nothing here: the hint line does not offer it.
			expect(plan.split('\n').at(-1)).not.toContain('⏎ open');
			// Grouped: what destroys first.
			const order = [
				'aws_internet_gateway.legacy',
				'aws_eip.nat_a',
				'aws_vpc.main',
				'aws_subnet.private_c',
			].map(address => plan.indexOf(address));
			expect(order.every((at, index) => at > 0 && (index === 0 || at > order[index - 1]!))).toBe(true);
			await app.press('j', 'j');
			await app.waitFor('enable_dns_hostnames');
			expect(app.frame()).toMatch(/- false[\s\S]*\+ true/);

			await app.press('a');
			const confirmation = await app.waitFor('Approve the plan?');
			for (const named of ['demo-org', install.name, 'the rollout', 'deploy vpc-network', TERRAFORM_COUNTS])
				expect(confirmation).toContain(named);
			await app.press('n');
			await app.waitFor('nothing sent');
			expect(posts).toEqual([]);

			await app.press('a');
			await app.waitFor('Approve the plan?');
			await app.press('y', 'y', 'y');
			await app.waitFor('✓ approved the plan of deploy vpc-network');
			await app.waitFor('· ✓ approved by you@ledgerly.dev');
			expect(posts).toHaveLength(1);
			expect(posts[0]).toMatch(/\/approvals\/apr\w+\/response$/);
		},
	);

	it('R retries the failed step after y: the retry shows as attempt 2', async () => {
		const {demo, posts} = await writableDemo(api);
		const {app} = await openWorkflow(demo, failedInstall, 200);
		await app.waitFor('✗ error');
		await app.press('G');
		await app.press('R');
		await app.waitFor(/Retry the step\?[\s\S]*newer\s+none/);
		await app.press('y');
		await app.waitFor('✓ asked Nuon to retry deploy auth-server');
		await app.waitFor('(attempt 2)');
		// The retried attempt is what Nuon did: the screen stops following.
		await app.waitFor(frame => !frame.includes('sent, waiting for Nuon'));
		// The step's route; the August 2025 server has none, so the contract's (nothing was done by the first).
		expect(posts.map(url => url.replace(/^\/v1\/workflows\/\w+/, ''))).toEqual(
			api !== '2025-08'
				? [expect.stringMatching(/^\/steps\/\w+\/retry$/)]
				: [expect.stringMatching(/^\/steps\/\w+\/retry$/), '/retry'],
		);
	});
});

it('d denies with the note typed first; the step ends approval-denied', async () => {
	const {demo, posts} = await writableDemo('2025-12');
	const {app} = await openWorkflow(demo, installAwaitingApproval, 20);
	await app.waitFor('⚑ approve');
	await app.press('a');
	await app.waitFor('Approve the plan?');
	await app.press('n');
	await app.waitFor('Approve the plan: nothing sent');
	await app.press('d');
	await app.waitFor('Answer the plan without approving it');
	// A new question: what the last one said is not about it.
	expect(app.frame()).not.toContain('nothing sent');
	await app.press('1');
	await app.waitFor('Type a note');
	await app.press(...'not in the freeze');
	// y and n are letters of the note here: the keys say Enter and Esc.
	const hints = app.frame().split('\n').at(-1);
	expect(hints).toMatch(/⏎ done\s+esc send nothing/);
	expect(hints).not.toMatch(/y yes|n\/esc no|q quit/);
	await app.press(ENTER);
	await app.waitFor('y sends it once');
	expect(app.frame()).toContain('not in the freeze');
	await app.press('y');
	await app.waitFor('✓ denied the plan');
	afterNuonLooks(demo, installAwaitingApproval);
	await app.waitFor('approval-denied');
	expect(posts).toHaveLength(1);
	expect(
		componentAwaitingApproval(installAwaitingApproval(demo.scenario)).rollout!.schedule.approval,
	).toMatchObject({
		response: 'deny',
		note: 'not in the freeze',
	});
});

it('C cancels the running workflow after y', async () => {
	const {demo} = await writableDemo('2025-12');
	const {app} = await openWorkflow(demo, installAwaitingApproval, 20);
	await app.waitFor('⚑ approve');
	await app.press('C');
	await app.waitFor('Cancel the workflow?');
	await app.press('y');
	await app.waitFor('✓ asked Nuon to cancel the rollout');
	await app.waitFor(/Steps of the rollout · cancelled/);
});

it('under --read-only no write is offered, the keys send nothing and the header says READ-ONLY', async () => {
	const {demo, posts} = await writableDemo('2025-12');
	const {app} = await openWorkflow(demo, installAwaitingApproval, 20, {readOnly: true});
	const steps = await app.waitFor('⚑ approve');
	expect(steps).toContain('READ-ONLY');
	expect(steps).not.toMatch(/a approve|C cancel/);
	await app.press('a');
	await app.waitFor('a approve: not here: nuon-tui was started read-only');
	await app.press('C');
	await app.press(ENTER);
	const plan = await app.waitFor(TERRAFORM_COUNTS);
	expect(plan).not.toContain('a approve');
	await app.press('a', 'd');
	expect(app.frame()).not.toContain('Approve the plan?');
	expect(posts).toEqual([]);
});

it(
	'a write that gets no answer says its outcome is unknown; a 403 says the token may not ' + 'write',
	async () => {
		let answer: 'hang-up' | 'forbidden' = 'hang-up';
		const {demo, posts} = await writableDemo('2025-12', (_request, response) => {
			if (answer === 'hang-up') response.socket?.destroy();
			else {
				response.writeHead(403, {'content-type': 'application/json'});
				response.end(JSON.stringify({error: 'forbidden', description: 'token does not have permission'}));
			}
			return true;
		});
		const {app} = await openWorkflow(demo, installAwaitingApproval, 20);
		await app.waitFor('⚑ approve');
		await app.press('a');
		await app.waitFor('Approve the plan?');
		await app.press('y');
		await app.waitFor('may or may not have been done');
		expect(posts).toHaveLength(1); // not retried
		answer = 'forbidden';
		await app.press('a');
		await app.waitFor('Approve the plan?');
		await app.press('y');
		await app.waitFor('refused (403)');
		expect(posts).toHaveLength(2);
	},
);
