// A plan-only workflow (a drift check, an action run) made after a failed one changed nothing: R on
// the failed step does not ask to type `old` for it (the list is read with `planonly=false`).
import {expect, it} from 'vitest';
import {demoForTest} from '../helpers/demo-server.js';
import {FAILED} from '../helpers/scenario.js';
import {openWorkflow} from '../helpers/writable-demo.js';

it('a newer plan-only workflow does not make R ask to type old', async () => {
	const asked: string[] = [];
	const demo = await demoForTest({
		api: '2025-12',
		intercept: (request, response) => {
			const url = new URL(request.url ?? '', 'http://x');
			const install = FAILED.install(demo.scenario);
			if (request.method !== 'GET' || url.pathname !== `/v1/installs/${install.id}/workflows`) return false;
			asked.push(url.search);
			// As get_workflows.go answers: plan-only workflows unless `planonly=false`.
			const drift = {
				id: 'iwfdriftcheck0000000000001',
				name: 'Drift run',
				type: 'drift_run',
				plan_only: true,
				status: {status: 'success'},
				created_at: new Date().toISOString(),
			};
			const listed = demo.scenario.installWorkflows(install, FAILED.at);
			const body = url.searchParams.get('planonly') === 'false' ? listed : [drift, ...listed];
			response.writeHead(200, {'content-type': 'application/json', 'x-nuon-page-next': 'false'});
			response.end(JSON.stringify(body));
			return true;
		},
	});
	demo.scenario.setClock(FAILED.at);
	const failedStep = demo.scenario
		.workflowSteps(FAILED.install(demo.scenario).workflowIds[0]!, FAILED.at)!
		.find(step => step.status?.status === 'error')!;
	const {app} = await openWorkflow(demo, FAILED.install, FAILED.at, {initialSelection: failedStep.id});
	await app.waitFor('✗ error');
	await app.press('R');
	const confirmation = await app.waitFor(/newer\s+none: the install’s newest workflow/);
	expect(confirmation).not.toMatch(/Type old/);
	expect(asked.some(search => search.includes('planonly=false'))).toBe(true);
});
