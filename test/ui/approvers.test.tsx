// Who answered a plan: the server sends an answer with its account id only, and the org's accounts
// (GET /v1/orgs/current/accounts) give the e-mail. Read once a session, never a request per row.
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {accountLabel} from '../../source/domain/accounts.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {openWorkflowById} from '../helpers/writable-demo.js';
import {installAwaitingApproval} from '../helpers/scenario.js';

let demo: DemoServer | undefined;
afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

describe.each(SERVER_VERSIONS)('against the %s server', api => {
	it('the step and the plan name who answered (e-mail), when, and the note; accounts read once', async () => {
		const accountReads: string[] = [];
		demo = await startDemoServer({
			api,
			intercept: request => {
				if (request.url?.startsWith('/v1/orgs/current/accounts')) accountReads.push(request.url);
				return false;
			},
		});
		const install = installAwaitingApproval(demo.scenario);
		const approval = install.components.find(ic => ic.rollout?.schedule.approval)!.rollout!.schedule
			.approval!;
		demo.scenario.setClock(approval.answeredAt + 120);
		const {app} = await openWorkflowById(demo, install, install.workflowIds[0]!);
		for (let row = 0; row < 12 && !app.frame().includes('Approval'); row++) await app.press('j');
		const step = await app.waitFor('jon@ledgerly.dev');
		expect(step).not.toMatch(/by\s+acc/);
		expect(step).toContain('approved after the change window opened');
		await app.press('P');
		await app.waitFor(/✓ approved by jon@ledgerly\.dev \d+m ago/);
		await app.waitFor(/note\s+approved after the change window opened/);
		await app.press('\u001B');
		await app.waitFor(/Steps of the rollout/);
		await app.press('P');
		await app.waitFor(/Changes · ✓ approved by jon@/);
		expect(accountReads).toHaveLength(1);
	});
});

it('an account the org does not list reads as a labelled, shortened id, never as a bare one', () => {
	const emails = new Map([['acc1', 'jon@ledgerly.dev']]);
	expect(accountLabel('acc1', emails)).toBe('jon@ledgerly.dev');
	expect(accountLabel('acc870baf2e1d4c6b7a8f9e0d1c', emails)).toBe('account acc870baf2…');
	expect(accountLabel('acc2', emails, 'maya@ledgerly.dev')).toBe('maya@ledgerly.dev');
	expect(accountLabel(undefined, emails)).toBeUndefined();
});
