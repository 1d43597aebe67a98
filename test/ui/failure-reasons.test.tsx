// Why it failed, as the server says it: on 2026 a failed deploy, its failed job and the step that ran
// it show the deploy's `composite_error` and policy violations; the older servers send none.
import {afterEach, describe, expect, it} from 'vitest';
import {demoForTest} from '../helpers/demo-server.js';
import {DOWN, renderExplorer} from '../helpers/render-app.js';
import {failedComponent, FAILED} from '../helpers/scenario.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {openWorkflow} from '../helpers/writable-demo.js';

let app: ReturnType<typeof renderExplorer> | undefined;
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

const REASON = 'Helm release is stuck in pending-upgrade from an operation that never finished';

async function failedDeploy(api: (typeof SERVER_VERSIONS)[number]) {
	const demo = await demoForTest({api});
	demo.scenario.setClock(FAILED.at);
	const install = FAILED.install(demo.scenario);
	const ic = failedComponent(install);
	const deploy = demo.scenario.latestDeploy(install, ic, FAILED.at)!;
	return {demo, install, ic, deploy};
}

describe.each(SERVER_VERSIONS)('on the %s server', api => {
	const says = api === '2026';

	it(`a failed deploy ${says ? 'says' : 'has no word on'} why it failed`, async () => {
		const {demo, install, ic} = await failedDeploy(api);
		const place = {installId: install.id, installName: install.name};
		app = renderExplorer(demo, {
			size: {columns: 160, rows: 60},
			start: [{kind: 'deploy', ...place, componentId: ic.component.id, componentName: ic.component.name}],
		});
		const screen = await app.waitFor(/History \(\d+\)/);
		expect(screen.includes('Why it failed')).toBe(says);
		expect(screen.includes(REASON)).toBe(says);
		if (says) {
			expect(screen).toMatch(/severity\s+error/);
			expect(screen).toContain('How to fix');
			expect(screen).toContain('skip auto retry');
		}
	});

	it(`its failed job ${says ? 'says' : 'has no word on'} why`, async () => {
		const {demo, install, ic, deploy} = await failedDeploy(api);
		app = renderExplorer(demo, {
			size: {columns: 160, rows: 60},
			start: [
				{
					kind: 'activity',
					installId: install.id,
					installName: install.name,
					deployId: deploy.id!,
					componentName: ic.component.name,
				},
			],
		});
		await app.waitFor(`Jobs & runs of ${ic.component.name}`);
		for (let press = 0; press < 6 && !/› \S+\s+✗ failed/.test(app.frame()); press++) await app.press(DOWN);
		const screen = await app.waitFor(/› \S+\s+✗ failed/);
		expect(screen.includes(REASON)).toBe(says);
	});

	it(`the failed step ${says ? 'says' : 'has no word on'} why its deploy failed`, async () => {
		const {demo, install} = await failedDeploy(api);
		const failedStep = demo.scenario
			.workflowSteps(install.workflowIds[0]!, FAILED.at)!
			.find(step => step.status?.status === 'error')!;
		// (writable-demo.ts unmounts the explorer it opens)
		const {app: steps} = await openWorkflow(demo, FAILED.install, FAILED.at, {
			initialSelection: failedStep.id,
			size: {columns: 160, rows: 60},
		});
		if (says) await steps.waitFor('Why its deploy failed');
		const screen = await steps.waitFor('Target');
		expect(screen.includes(REASON)).toBe(says);
	});
});
