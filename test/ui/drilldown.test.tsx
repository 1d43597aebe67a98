// The levels below a deploy, through ink-testing-library against the demo API.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import * as api from '../../source/api/resources.js';
import {demoForFile, demoForTest} from '../helpers/demo-server.js';
import {DOWN, ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {anotherInstall, firstInstall} from '../helpers/scenario.js';

let client: NuonClient;
let app: ReturnType<typeof renderExplorer> | undefined;

// Each test starts at the same moment of the scenario, whatever ran before it.
const demo = demoForFile({clock: 400});
beforeAll(() => {
	client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId});
});
afterAll(() => client.close());
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

/** A latest deploy of the demo's world, whole (with what today's server leaves out, as `execution_count`). */
async function latestDeployWhere(test: (deploy: api.InstallDeploy) => boolean) {
	for (const install of demo.scenario.installs) {
		for (const ic of install.components) {
			const deploy = demo.scenario.latestDeploy(install, ic, demo.scenario.clock());
			if (deploy && test(deploy)) return {install, ic, deploy};
		}
	}
	throw new Error('no such deploy in the demo');
}

describe('below the latest deploy', () => {
	it('Enter on the deploy lists its runner jobs and action runs; L opens its logs', async () => {
		const {install, ic} = await latestDeployWhere(d => (d.action_workflow_runs?.length ?? 0) > 0);
		app = renderExplorer(demo, {
			start: [
				{
					kind: 'deploy',
					installId: install.id,
					installName: install.name,
					componentId: ic.component.id,
					componentName: ic.component.name,
				},
			],
		});
		await app.waitFor(/Runner jobs \(3\)/);
		await app.press(ENTER);
		await app.waitFor(`Jobs & runs of ${ic.component.name} in ${install.name} (4)`);
		const frame = await app.waitFor('Timeouts');
		expect(frame).toContain('deploy/apply-plan');
		expect(frame).toContain('deploy/create-apply-plan');
		expect(frame).toContain('sync/exec');
		// Today a deploy's runs come bare (no workflow to name them by, no log stream): named by their trigger.
		expect(frame).toContain('action post-deploy-compone');
		await app.press(DOWN, DOWN, DOWN);
		await app.waitFor('› action post-deploy-compone');
		await app.press('L');
		await app.waitFor('Logs of post-deploy-component');
		await app.press(ESC);
		await app.waitFor('› action post-deploy-compone');
		await app.press(ESC);
		await app.waitFor(/Runner jobs \(3\)/);
		await app.press('L');
		await app.waitFor(`Logs of ${ic.component.name} deploy`);
		await app.waitFor('stream closed');
	});

	it('says so when a key has nothing to open on the selected row (P on a job with no plan)', async () => {
		const {install, ic, deploy} = await latestDeployWhere(d =>
			(d.runner_jobs ?? []).some(job => job.group === 'sync'),
		);
		app = renderExplorer(demo, {
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
		await app.waitFor('sync/exec');
		for (let presses = 0; !/› sync\/exec/.test(app.frame()); presses++) {
			if (presses > 20) throw new Error(`sync/exec never selected:\n${app.frame()}`);
			await app.press(DOWN);
		}
		await app.press('P');
		await app.waitFor('P plan: nothing to open here');
		expect(app.frame()).toContain(`Jobs & runs of ${ic.component.name}`);
	});

	it(
		'shows the failed execution of a retried job, then the one that succeeded, with the error (a server ' +
			'that lists executions)',
		async () => {
			const {deploy} = await latestDeployWhere(d =>
				(d.runner_jobs ?? []).some(job => (job.execution_count ?? 0) > 1 && job.status === 'finished'),
			);
			const job = deploy.runner_jobs!.find(j => (j.execution_count ?? 0) > 1)!;
			const older = await demoForTest({api: '2025-08'});
			older.scenario.setClock(400);
			app = renderExplorer(older, {
				start: [
					{kind: 'executions', jobId: job.id!, jobName: 'deploy/apply-plan', logStreamId: job.log_stream_id},
				],
			});
			const frame = await app.waitFor('Executions of deploy/apply-plan (2)');
			const first = frame.split('\n').findIndex(line => /1 ✗ failed\s+error 137/.test(line));
			const second = frame.split('\n').findIndex(line => /2 ✓ finished\s+success/.test(line));
			expect(first).toBeGreaterThan(0);
			expect(second).toBeGreaterThan(first);
			expect(frame).toContain('runner lost its connection');
			expect(frame).toContain('error code');
			await app.press(DOWN);
			await app.waitFor(/Outputs[\s\S]*service/);
			// y copies the execution's id; Y says it has no dashboard page (instead of nothing).
			await app.press('y');
			await app.waitFor(/copied execution .+ id rje\w+/);
			await app.press('Y');
			await app.waitFor('has no page of its own in the dashboard');
			await app.press(ENTER);
			await app.waitFor('Logs of deploy/apply-plan · execution');
		},
	);

	it('keeps a step’s duration at 80 columns', async () => {
		const install = anotherInstall(demo.scenario);
		const run = (await api.listLatestRuns(client, install.id))
			.flatMap(w => w.runs ?? [])
			.find(r => r.trigger_type === 'cron')!;
		app = renderExplorer(demo, {
			start: [
				{
					kind: 'steps',
					installId: install.id,
					installName: install.name,
					runId: run.id!,
					runName: 'health-probe',
				},
			],
			size: {columns: 80, rows: 24},
		});
		const frame = await app.waitFor(/STEP\s+STATUS\s+DURATION/);
		expect(frame).toMatch(/collect me\S*\s+✓ finished\s+\d+s/);
	});

	it('lists a run’s steps in config order, named from the config, with what each runs', async () => {
		const install = anotherInstall(demo.scenario);
		const workflows = await api.listLatestRuns(client, install.id);
		const run = await api.getActionRun(
			client,
			install.id,
			workflows.flatMap(w => w.runs ?? []).find(r => r.trigger_type === 'cron')!.id!,
		);
		expect(run.config!.steps!.map(s => s.idx)).toEqual([2, 1, 0]); // the API's order is not the run's
		app = renderExplorer(demo, {
			start: [
				{
					kind: 'steps',
					installId: install.id,
					installName: install.name,
					runId: run.id!,
					runName: 'health-probe',
				},
			],
		});
		await app.waitFor(/Steps of health-probe/);
		const frame = await app.waitFor('upload report');
		const list = frame
			.split('\n')
			.filter(line => line.startsWith('┃'))
			.map(line => line.split('┃│')[0] ?? '');
		const order = ['collect metrics', 'check certificates', 'upload report'].map(name =>
			list.findIndex(line => line.includes(name)),
		);
		expect(order.every(index => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(list[order[0]!]).toMatch(/1 collect metrics/);
		expect(frame).toContain('nuon-probe collect --window');
		expect(frame).toContain('PROBE_WINDOW');
		await app.press(DOWN);
		await app.waitFor('inline script:');
		expect(app.frame()).toContain('openssl s_client');
		await app.press(DOWN);
		await app.waitFor('ledgerly/ops-actions');
		expect(app.frame()).toMatch(/branch\s+main/);
		await app.press(ENTER);
		await app.waitFor('Logs of health-probe · step upload report');
	});

	it('A on an install lists its action workflows with their latest runs', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall(demo.scenario).name);
		await app.press('A');
		await app.waitFor(`Action workflows of ${firstInstall(demo.scenario).name}`);
		const frame = await app.waitFor('health-probe');
		expect(frame).toContain('cron');
		await app.press(ENTER);
		await app.waitFor('Steps of health-probe');
	});

	it('P shows a deploy job’s plan in the JSON viewer, where Enter folds an object', async () => {
		const {deploy} = await latestDeployWhere(d =>
			(d.runner_jobs ?? []).some(j => j.type === 'terraform-deploy'),
		);
		const job = deploy.runner_jobs!.find(j => j.operation === 'apply-plan')!;
		app = renderExplorer(demo, {
			start: [{kind: 'document', title: 'plan', source: {type: 'plan', jobId: job.id!}}],
		});
		const frame = await app.waitFor('resource_changes: [');
		expect(frame).toContain('address: "aws_s3_bucket.logs"');
		// {, deploy_plan, apply_plan_display (first: what the job changes), format_version, terraform_version
		await app.press(DOWN, DOWN, DOWN, DOWN, DOWN);
		await app.waitFor(/▾\s+resource_changes: \[/);
		await app.press(ENTER);
		await app.waitFor(/resource_changes: \[…\] 3 items/);
		expect(app.frame()).not.toContain('aws_s3_bucket.logs');
	});

	it('says so when a job has no plan', async () => {
		const {deploy} = await latestDeployWhere(d => (d.runner_jobs ?? []).some(j => j.group === 'sync'));
		const sync = deploy.runner_jobs!.find(j => j.group === 'sync')!;
		app = renderExplorer(demo, {
			start: [{kind: 'document', title: 'plan', source: {type: 'plan', jobId: sync.id!}}],
		});
		await app.waitFor('This job produced no plan.');
	});
});

describe('the log view', () => {
	it('opens a closed stream at its end, searches, filters by execution and toggles timestamps', async () => {
		const {deploy} = await latestDeployWhere(d =>
			(d.runner_jobs ?? []).some(job => (job.execution_count ?? 0) > 1),
		);
		app = renderExplorer(demo, {
			start: [{kind: 'logs', streamId: deploy.log_stream!.id!, title: 'api deploy'}],
		});
		const frame = await app.waitFor('stream closed');
		expect(frame).toContain('older lines above');
		expect(frame).toMatch(/execution rje\w+ finished/);
		await app.press('/', 'l', 'o', 's', 't', ENTER);
		await app.waitFor(/search "lost": \d+ match/);
		expect(app.frame()).toContain('»');
		await app.press('t');
		await app.waitFor(frame => !/\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}/.test(frame));
		await app.press('F');
		await app.waitFor('Execution 2:');
		await app.press(DOWN, DOWN, ENTER);
		await app.waitFor(/Logs of api deploy · execution rje\w+ \(\d+ of \d+ lines\)/);
	});
});
