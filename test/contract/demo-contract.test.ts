import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {responseValidator} from '../helpers/contract.js';

let demo: DemoServer;

beforeAll(async () => {
	demo = await startDemoServer({speed: 1});
});
afterAll(() => demo.close());

async function get(path: string, headers: Record<string, string> = {}): Promise<{status: number; body: unknown; headers: Headers}> {
	const response = await fetch(demo.url + path, {headers: {authorization: 'Bearer demo', 'x-nuon-org-id': demo.scenario.orgId, ...headers}});
	return {status: response.status, body: await response.json(), headers: response.headers};
}

const kinds = new Set<string>();

/** Runner jobs, executions, plans, action runs and log streams reachable from a deploy. */
async function checkActivity(installId: string, deploy: {runner_jobs?: Array<{id: string; log_stream_id?: string}>; action_workflow_runs?: Array<{id: string}>; log_stream?: {id: string}}) {
	for (const job of deploy.runner_jobs ?? []) {
		expectValid('/v1/runner-jobs/{runner_job_id}', (await get(`/v1/runner-jobs/${job.id}`)).body);
		const executions = await get(`/v1/runner-jobs/${job.id}/executions?limit=100`);
		expectValid('/v1/runner-jobs/{runner_job_id}/executions', executions.body);
		if ((executions.body as unknown[]).length > 1) kinds.add('retried job');
		const plan = await get(`/v1/runner-jobs/${job.id}/plan`);
		if (plan.status === 200) {
			expectValid('/v1/runner-jobs/{runner_job_id}/plan', plan.body);
			kinds.add('plan');
		}
		if (job.log_stream_id) await checkLogs(job.log_stream_id);
	}
	for (const run of deploy.action_workflow_runs ?? []) {
		expectValid('/v1/installs/{install_id}/action-workflows/runs/{run_id}', (await get(`/v1/installs/${installId}/action-workflows/runs/${run.id}`)).body);
		kinds.add('action run');
	}
	if (deploy.log_stream) await checkLogs(deploy.log_stream.id);
}

async function checkLogs(streamId: string) {
	const stream = await get(`/v1/log-streams/${streamId}`);
	if (stream.status === 404) return;
	expectValid('/v1/log-streams/{log_stream_id}', stream.body);
	const page = await get(`/v1/log-streams/${streamId}/logs?order=desc`);
	expectValid('/v1/log-streams/{log_stream_id}/logs', page.body);
	if ((page.body as unknown[]).length > 0) kinds.add('logs');
}

function expectValid(template: string, body: unknown) {
	const validate = responseValidator(template);
	const valid = validate(body);
	expect(valid ? [] : validate.errors?.slice(0, 5), `${template} response breaks the contract`).toEqual([]);
}

it('the validator rejects a body that breaks the contract', () => {
	expect(responseValidator('/v1/installs')([{id: 5}])).toBe(false);
	expect(responseValidator('/v1/installs/{install_id}/deploys/{deploy_id}')({status_v2: {status: 'queued'}})).toBe(false);
});

describe('every demo response validates against the contract', () => {
	// Walk the scenario at several moments of the rollout, so every phase of a deploy is covered.
	const moments = [-60, 0, 5, 12, 25, 40, 70, 200];

	it.each(moments)('at scenario second %i', async moment => {
		demo.scenario.setClock(moment);
		const apps = await get('/v1/apps?limit=100');
		expectValid('/v1/apps', apps.body);
		expectValid('/v1/general/cli-config', (await get('/v1/general/cli-config')).body);
		expectValid('/v1/orgs', (await get('/v1/orgs?limit=100')).body);
		const installs = await get('/v1/installs?limit=100');
		expectValid('/v1/installs', installs.body);
		const appId = (apps.body as Array<{id: string}>)[0]!.id;
		expectValid('/v1/apps/{app_id}/installs', (await get(`/v1/apps/${appId}/installs?limit=100`)).body);
		expectValid('/v1/apps/{app_id}/components', (await get(`/v1/apps/${appId}/components?limit=100`)).body);
		const phases = new Set<string>();
		for (const install of (installs.body as Array<{id: string}>).slice(0, 12)) {
			expectValid('/v1/installs/{install_id}', (await get(`/v1/installs/${install.id}`)).body);
			const components = await get(`/v1/installs/${install.id}/components?limit=100`);
			expectValid('/v1/installs/{install_id}/components', components.body);
			expectValid('/v1/installs/{install_id}/components/summary', (await get(`/v1/installs/${install.id}/components/summary?limit=100`)).body);
			for (const ic of components.body as Array<{component_id: string}>) {
				expectValid('/v1/installs/{install_id}/components/{component_id}', (await get(`/v1/installs/${install.id}/components/${ic.component_id}`)).body);
				const latest = await get(`/v1/installs/${install.id}/components/${ic.component_id}/deploys/latest`);
				if (latest.status === 404) continue;
				expectValid('/v1/installs/{install_id}/components/{component_id}/deploys/latest', latest.body);
				const deploy = latest.body as {id: string; status: string};
				phases.add(deploy.status);
				const byId = await get(`/v1/installs/${install.id}/deploys/${deploy.id}`);
				expectValid('/v1/installs/{install_id}/deploys/{deploy_id}', byId.body);
				if (install === (installs.body as Array<{id: string}>)[0] || install === (installs.body as Array<{id: string}>)[1]) await checkActivity(install.id, byId.body as never);
			}
		}
		expect(phases.size).toBeGreaterThan(0);
	});

	it('covered retried jobs, plans, action runs and logs', () => {
		expect([...kinds].sort()).toEqual(['action run', 'logs', 'plan', 'retried job']);
	});
});
