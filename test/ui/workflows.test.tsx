// An install's workflows and a workflow's steps, on both servers the demo plays.
import {describe, expect, it} from 'vitest';
import {bothDemoServers, SERVER_VERSIONS} from '../helpers/both-servers.js';
import {ENTER, renderExplorer} from '../helpers/render-app.js';
import {
	failedInstall,
	firstInstall,
	listedInstalls,
	rolloutComponent,
	rolloutDeployLocation,
	workflowWithManySteps,
} from '../helpers/scenario.js';
import {selectedRow, stripAnsi} from '../helpers/screen.js';
import {orderSteps, stepLabel} from '../../source/domain/workflow-steps.js';

const {servers, shown} = bothDemoServers();

describe.each(SERVER_VERSIONS)('against the %s server', api => {
	it(
		'w on an install lists its workflows; Enter shows the steps in order; Enter on the failed step ' +
			'reaches its deploy’s jobs',
		async () => {
			const demo = servers[api];
			demo.scenario.setClock(400);
			const install = failedInstall(demo.scenario);
			const app = shown(renderExplorer(demo, {size: {columns: 120, rows: 30}}));
			await app.waitFor(install.name);
			const row = listedInstalls(demo.scenario).indexOf(install);
			for (let index = 0; index < row; index++) await app.press('j');
			await app.waitFor(frame => !!selectedRow(frame)?.includes(install.name));
			await app.press('w');
			const list = await app.waitFor(`Workflows of ${install.name} (${install.workflowIds.length})`);
			expect(list).toMatch(/Deploy v2\.4\.0 to \S*\s+✗ error/);
			await app.press(ENTER);
			await app.waitFor(/Steps of Deploy v2\.4\.0/);
			const steps = await app.waitFor('✗ error');
			const rows = stripAnsi(steps)
				.split('\n')
				.filter(line => /┃ [› ] +\d+ deploy /.test(line));
			expect(rows.map(line => line.match(/deploy (\S+)/)![1])).toEqual(
				install.components.filter(ic => ic.rollout).map(ic => ic.component.name),
			);
			expect(rows.at(-1)).toContain('✗ error');
			for (let index = 0; index < rows.length - 1; index++) await app.press('j');
			await app.press(ENTER);
			await app.waitFor(/Jobs & runs of deploy/);
			await app.waitFor(/✗ failed/);
		},
	);
});

describe.each(SERVER_VERSIONS)('against the %s server', api => {
	it('the steps of a workflow with more than 10 show every one, in the order they run', async () => {
		const demo = servers[api];
		demo.scenario.setClock(400);
		const many = workflowWithManySteps(demo.scenario, 400);
		const app = shown(
			renderExplorer(demo, {
				size: {columns: 120, rows: 40},
				start: [
					{
						kind: 'workflow',
						installId: many.install.id,
						installName: many.install.name,
						workflowId: many.workflowId,
						workflowName: many.name,
					},
				],
			}),
		);
		const expected = orderSteps(demo.scenario.workflowSteps(many.workflowId, 400)!).map(stepLabel);
		const frame = stripAnsi(await app.waitFor(expected.at(-1)!));
		const rows = frame.split('\n').filter(line => /┃ [› ] +\d+ /.test(line));
		expect(rows).toHaveLength(expected.length);
		for (const [index, row] of rows.entries()) expect(row).toContain(expected[index]);
	});
});

it('w on a latest deploy opens the workflow it ran in', async () => {
	const demo = servers['2025-12'];
	demo.scenario.setClock(400);
	const install = firstInstall(demo.scenario);
	const ic = rolloutComponent(install);
	const app = shown(renderExplorer(demo, {start: [rolloutDeployLocation(install)]}));
	await app.waitFor('What was deployed');
	await app.press('w');
	await app.waitFor(/Steps of workflow of the/);
	await app.waitFor(`deploy ${ic.component.name}`);
});

it(
	'a step’s policy check, which the workflow’s own route leaves out, is read from the step’s route and ' +
		'shown',
	async () => {
		const demo = servers['2025-12'];
		demo.scenario.setClock(400);
		// The failed release's workflow: a policy check refused its Helm chart.
		const install = firstInstall(demo.scenario);
		const workflowId = install.workflowIds.find(
			id =>
				demo.scenario.workflow(id, 400)?.steps?.length &&
				demo.scenario.workflowSteps(id, 400)!.some(step => step.policy_validation),
		)!;
		const stepIndex = demo.scenario.workflowSteps(workflowId, 400)!.findIndex(step => step.policy_validation);
		const app = shown(
			renderExplorer(demo, {
				size: {columns: 140, rows: 40},
				start: [
					{
						kind: 'workflow',
						installId: install.id,
						installName: install.name,
						workflowId,
						workflowName: 'the failed release',
					},
				],
			}),
		);
		await app.waitFor(/Steps of the failed release .*\(6\)/);
		for (let index = 0; index < stepIndex; index++) await app.press('j');
		const detail = await app.waitFor('Policy check');
		expect(detail).toMatch(/status\s+✗ error/);
		expect(detail).toContain('kyverno: require-requests-limits');
		expect(detail).not.toContain('{"status"');
	},
);
