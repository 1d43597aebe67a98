// The client against both servers the demo plays, over real HTTP: today's (routes outside the
// contract, the summary removed, the plan as text) and August 2025's (paging only on request,
// `order` ignored on logs).
import type {IncomingMessage} from 'node:http';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {MockAgent} from 'undici';
import {NuonClient} from '../../source/api/client.js';
import * as api from '../../source/api/resources.js';
import {appendNewer, emptyBuffer} from '../../source/domain/logs.js';
import {outcome, snapshotOf, unknownStatuses} from '../../source/domain/rollout.js';
import {hasEnded, isInProgress, phaseOf, statusView} from '../../source/domain/status.js';
import {workflowFinished} from '../../source/domain/workflow-steps.js';
import type {DemoApi} from '../../source/demo/api-mode.js';
import type {DemoServer} from '../../source/demo/server.js';
import {fetchComponents, withAppDependencies} from '../../source/state/fetchers.js';
import {LogTail} from '../../source/state/log-tail.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {demoForFile, demoForTest} from '../helpers/demo-server.js';
import {
	failedInstall,
	firstInstall,
	logStreamOf,
	rolloutComponent,
	workflowWithManySteps,
} from '../helpers/scenario.js';

/** Each server with the requests it has seen; the rollout is over (scenario second 400). */
const servers = Object.fromEntries(
	SERVER_VERSIONS.map(mode => {
		const seen: IncomingMessage[] = [];
		const intercept = (request: IncomingMessage) => {
			seen.push(request);
			return false;
		};
		return [mode, {demo: demoForFile({api: mode, installCount: 150, clock: 400, intercept}), seen}];
	}),
) as Record<DemoApi, {demo: DemoServer; seen: IncomingMessage[]}>;
afterEach(() => {
	for (const server of Object.values(servers)) server.seen.length = 0;
});

const clientOf = (mode: DemoApi) =>
	new NuonClient({
		baseUrl: servers[mode].demo.url,
		token: 't',
		orgId: servers[mode].demo.scenario.orgId,
		backoffMs: 10,
		timeoutMs: 2000,
	});
const paths = (mode: DemoApi) =>
	servers[mode].seen.map(request => new URL(request.url!, 'http://x').pathname);

/** An install component with a finished deploy, its deploy, and that deploy's plan job. */
async function deployWithPlan(client: NuonClient, mode: DemoApi) {
	const install = firstInstall(servers[mode].demo.scenario);
	const ic = rolloutComponent(install, 'terraform_module');
	const deploy = await api.getLatestDeploy(client, install.id, ic.component.id);
	const job = deploy.runner_jobs!.find(j => j.operation === 'create-apply-plan')!;
	return {install, ic, deploy, job};
}

describe.each(SERVER_VERSIONS)('against the %s server', mode => {
	it(
		'lists every deploy of a component, newest first, although today’s route answers only the ' + 'newest',
		async () => {
			const client = clientOf(mode);
			const {install, ic} = await deployWithPlan(client, mode);
			servers[mode].seen.length = 0;
			const page = await api.listComponentDeploysPage(client, install.id, ic.component.id, 0);
			expect(page.items.map(deploy => deploy.id)).toEqual(ic.deployIds);
			expect(page.items.map(deploy => deploy.status)).toEqual(['active', 'active', 'error', 'inactive']);
			expect(paths(mode)).toEqual(
				mode !== '2025-08'
					? [
							`/v1/installs/${install.id}/components/${ic.component.id}/deploys`,
							// The install's deploys from the deprecated route's successor (the same handler).
							`/v1/installs/${install.id}/components/deploys`,
						]
					: [`/v1/installs/${install.id}/components/${ic.component.id}/deploys`],
			);
		},
	);

	it('pages every list (x-nuon-pagination-enabled is always sent)', async () => {
		const client = clientOf(mode);
		const all = await api.listAll(client, '/v1/installs');
		expect(all).toHaveLength(150);
		expect(servers[mode].seen).toHaveLength(2);
		expect(servers[mode].seen.every(request => request.headers['x-nuon-pagination-enabled'] === 'true')).toBe(
			true,
		);
		// Never more than the server's cap of 100 a page: a larger limit would be cut to 100 today.
		expect(
			servers[mode].seen.map(request => new URL(request.url!, 'http://x').searchParams.get('limit')),
		).toEqual(['100', '100']);
		await client.close();
	});

	it('reads every step of a workflow with more than a page of them, in the order they run', async () => {
		const client = clientOf(mode);
		const many = workflowWithManySteps(servers[mode].demo.scenario, 400);
		const steps = await api.listWorkflowSteps(client, many.workflowId);
		expect(steps.map(step => step.id)).toEqual(
			servers[mode].demo.scenario.workflowSteps(many.workflowId, 400)!.map(step => step.id),
		);
		expect(steps.length).toBeGreaterThan(10);
		await client.close();
	});

	it(
		'lists components with their status from the components list, the summary an extra ' + 'at most',
		async () => {
			const client = clientOf(mode);
			const install = failedInstall(servers[mode].demo.scenario);
			const first = await fetchComponents(client, install.id);
			expect(first.missing).toBeUndefined();
			expect(first.rows.length).toBe(install.components.length);
			expect(first.rows.some(row => row.deployStatus === 'error')).toBe(true);
			// Today's install components carry no dependencies: the app's components have them.
			expect(first.dependenciesFrom).toBe(mode !== '2025-08' ? install.app.id : undefined);
			const rows = first.dependenciesFrom
				? withAppDependencies(first.rows, await api.listAppComponents(client, first.dependenciesFrom))
				: first.rows;
			// Names, not ids.
			expect(rows.find(row => row.dependencies.length > 0)?.dependencies[0]).toMatch(/^[a-z-]+$/);
			await fetchComponents(client, install.id);
			const summaries = paths(mode).filter(path => path.endsWith('/components/summary')).length;
			// Today the removed route is asked for once, and never again after its 404.
			expect(summaries).toBe(mode !== '2025-08' ? 1 : 2);
			await client.close();
		},
	);

	it('reads /plan for a job whose composite plan the server cannot derive, and only for it', async () => {
		const {demo} = servers[mode];
		const {job} = await deployWithPlan(clientOf(mode), mode);
		// get_runner_job_composite_plan.go: "unknown runner job group" and the like are a 500.
		const underivable = await demoForTest({
			api: mode,
			intercept: (request, response) => {
				if (!request.url?.endsWith(`/${job.id}/composite-plan`)) return false;
				response.writeHead(500, {'content-type': 'application/json'});
				response.end(JSON.stringify({error: 'unable to get runner job: unknown runner job group: x'}));
				return true;
			},
		});
		underivable.scenario.setClock(400);
		const client = new NuonClient({baseUrl: underivable.url, token: 't', orgId: demo.scenario.orgId});
		const plan = JSON.parse(await api.getPlan(client, job.id!)) as Record<string, unknown>;
		expect(plan.component_id ?? (plan.deploy_plan as Record<string, unknown>)?.component_id).toBe(
			job.metadata?.component_id,
		);
		// Nothing learnt: the next job asks composite-plan again.
		expect(api.learntRoutes(client).get('plan')).toBeUndefined();
		await client.close();
	});

	it(
		'reads the plan from composite-plan where the server has it, else from /plan (text today, a JSON ' +
			'string in the contract), and remembers',
		async () => {
			const client = clientOf(mode);
			const {job} = await deployWithPlan(client, mode);
			servers[mode].seen.length = 0;
			for (let round = 0; round < 2; round++) {
				const plan = JSON.parse(await api.getPlan(client, job.id!)) as Record<
					string,
					Record<string, unknown>
				>;
				const deployPlan = mode !== '2025-08' ? plan.deploy_plan! : plan;
				expect(deployPlan.component_id).toBe(job.metadata?.component_id);
				// What the plan will change, shown as the JSON it holds rather than as one long string.
				expect(deployPlan.apply_plan_display).toHaveProperty('resource_changes');
			}
			const tried = paths(mode).map(path => path.split('/').at(-1));
			expect(tried).toEqual(
				mode !== '2025-08' ? ['composite-plan', 'composite-plan'] : ['composite-plan', 'plan', 'plan'],
			);
			await client.close();
		},
	);

	it(
		'reads a runner job’s executions, or where the public API has none its latest one from the job, and ' +
			'remembers',
		async () => {
			const client = clientOf(mode);
			const {deploy} = await deployWithPlan(client, mode);
			const retried = servers[mode].demo.scenario.installs
				.flatMap(install =>
					install.components.map(ic => servers[mode].demo.scenario.latestDeploy(install, ic, 400)),
				)
				.flatMap(found => found?.runner_jobs ?? [])
				.find(job => (job.execution_count ?? 0) > 1)!;
			servers[mode].seen.length = 0;
			const first = await api.listExecutions(client, retried.id!);
			const again = await api.listExecutions(client, deploy.runner_jobs![0]!.id!);
			if (mode !== '2025-08') {
				expect(first).toMatchObject({latestOnly: true, count: 2});
				expect(first.executions.map(execution => execution.status)).toEqual(['finished']);
				expect(paths(mode)).toEqual([
					`/v1/runner-jobs/${retried.id}/executions`,
					`/v1/runner-jobs/${retried.id}`,
					`/v1/runner-jobs/${deploy.runner_jobs![0]!.id}`,
				]);
			} else {
				expect(first.latestOnly).toBe(false);
				expect(first.executions.map(execution => execution.status)).toEqual(['finished', 'failed']);
				expect(paths(mode)).toHaveLength(2);
			}
			expect(again.executions.length).toBeGreaterThan(0);
			await client.close();
		},
	);

	it(
		'shows the latest deploy whole: today’s answer lacks its jobs, runs, artifact and logs, so the ' +
			'deploy by id follows',
		async () => {
			const client = clientOf(mode);
			const install = firstInstall(servers[mode].demo.scenario);
			const ic = rolloutComponent(install, 'helm_chart');
			servers[mode].seen.length = 0;
			const deploy = await api.getLatestDeploy(client, install.id, ic.component.id);
			expect(deploy.id).toBe(ic.rollout!.id);
			expect(deploy.runner_jobs!.length).toBeGreaterThan(0);
			expect(deploy.action_workflow_runs).toHaveLength(1);
			expect([
				deploy.component_id,
				deploy.install_id,
				deploy.log_stream?.id,
				deploy.oci_artifact?.tag,
				deploy.created_by?.email,
			]).toEqual([ic.component.id, install.id, expect.any(String), 'v2.4.0', 'deploy-bot@ledgerly.dev']);
			const latest = `/v1/installs/${install.id}/components/${ic.component.id}/deploys/latest`;
			expect(paths(mode)).toEqual(
				mode !== '2025-08'
					? [latest, `/v1/installs/${install.id}/components/${ic.component.id}/deploys/${deploy.id}`]
					: [latest],
			);
			await client.close();
		},
	);

	it(
		'uses today’s routes where the server has them, the contract’s where it does not, and ' + 'remembers',
		async () => {
			const setup = clientOf(mode);
			const {install, ic, deploy} = await deployWithPlan(setup, mode);
			const run = (await api.listLatestRuns(setup, install.id)).find(workflow => workflow.runs?.length)!
				.runs![0]!;
			await setup.close();
			servers[mode].seen.length = 0;
			const client = clientOf(mode);
			for (let round = 0; round < 2; round++) {
				expect((await api.getDeploy(client, install.id, deploy.id!, ic.component.id)).id).toBe(deploy.id);
				expect((await api.getActionRun(client, install.id, run.id!)).id).toBe(run.id);
				expect((await api.listLatestRuns(client, install.id)).length).toBeGreaterThan(0);
			}
			const learnt = Object.fromEntries(api.learntRoutes(client));
			const expected = mode !== '2025-08' ? 'current' : 'legacy';
			expect(learnt).toMatchObject({deploy: expected, 'action-run': expected, 'latest-runs': expected});
			const tried = paths(mode);
			const todays = tried.filter(path => /\/actions\/|\/components\/[^/]+\/deploys\/(?!latest)/.test(path));
			// Today's routes: every request. Before: each tried once, then never again.
			expect(todays).toHaveLength(mode !== '2025-08' ? 6 : 3);
			await client.close();
		},
	);
});

describe('paging on an older server that ignores limit', () => {
	it('takes an answer with more items than the limit as the whole list', async () => {
		const agent = new MockAgent();
		agent.disableNetConnect();
		const items = Array.from({length: 250}, (_, index) => ({id: `inl${index}`, name: `install-${index}`}));
		let requests = 0;
		agent
			.get('http://old.invalid')
			.intercept({path: () => true, method: 'GET'})
			.reply(() => {
				requests++;
				return {
					statusCode: 200,
					data: JSON.stringify(items),
					responseOptions: {headers: {'content-type': 'application/json', 'x-nuon-page-next': 'true'}},
				};
			})
			.persist();
		const client = new NuonClient({baseUrl: 'http://old.invalid', token: 't', orgId: 'o', dispatcher: agent});
		expect(await api.listAll(client, '/v1/installs')).toHaveLength(250);
		expect(requests).toBe(1);
		const page = await api.listInstallsPage(client, 0);
		expect(page.hasNext).toBe(false);
		await agent.close();
	});
});

describe('logs on both servers', () => {
	/** A plan job's stream: over 250 records, closed at scenario second 400. */
	const planStream = (mode: DemoApi) => {
		const {scenario} = servers[mode].demo;
		return logStreamOf(scenario, rolloutComponent(firstInstall(scenario), 'terraform_module'));
	};

	it('today: opens at the newest records', async () => {
		const client = clientOf('2025-12');
		const tail = new LogTail(client, planStream('2025-12'));
		tail.start();
		await vi.waitFor(() => expect(tail.state.phase).toBe('closed'));
		const all = servers['2025-12'].demo.scenario.logRecords(
			planStream('2025-12'),
			servers['2025-12'].demo.scenario.clock(),
		)!;
		expect(tail.state.buffer.lines.at(-1)!.id).toBe(all.at(-1)!.record.id);
		expect(tail.state.hasOlder).toBe(true);
		expect(tail.state.fillingFromStart).toBe(false);
		tail.stop();
		await client.close();
	});

	it(
		'2025-08 (order ignored): reads from the start to the end, says so while it fills, every ' +
			'record once',
		async () => {
			const client = clientOf('2025-08');
			const stream = planStream('2025-08');
			const tail = new LogTail(client, stream);
			const said: boolean[] = [];
			tail.subscribe(() => said.push(tail.state.fillingFromStart));
			tail.start();
			await vi.waitFor(() =>
				expect(tail.state.phase === 'closed' && !tail.state.fillingFromStart).toBe(true),
			);
			const all = servers['2025-08'].demo.scenario.logRecords(
				stream,
				servers['2025-08'].demo.scenario.clock(),
			)!;
			expect(all.length).toBeGreaterThan(250);
			expect(tail.state.buffer.lines.map(line => line.id)).toEqual(all.map(r => r.record.id));
			expect(tail.state.hasOlder).toBe(false);
			expect(said).toContain(true);
			tail.stop();
			await client.close();
		},
	);

	it('keeps a record whose timestamp is not RFC 3339, without a time, where it arrived', () => {
		const buffer = appendNewer(emptyBuffer(), [
			{id: 'a', timestamp: '2026-11-28T21:00:01Z', body: 'first'},
			{id: 'b', timestamp: '28/11/2026 21:00:02', body: 'odd time'},
			{id: 'c', body: 'no time at all'},
			{id: 'd', timestamp: '2026-11-28T21:00:03Z', body: 'last'},
		]);
		expect(buffer.lines.map(line => line.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(buffer.lines[1]!.timestamp).toBe('');
		expect(appendNewer(buffer, [{id: 'b', timestamp: 'later', body: 'odd time'}])).toBe(buffer);
	});
});

describe('status words today’s server sends', () => {
	it('has each in the one table, with its dashboard group', () => {
		expect(['access_error', 'delete_failed'].map(phaseOf)).toEqual(['failure', 'failure']);
		expect(['deleted', 'empty'].map(phaseOf)).toEqual(['neutral', 'neutral']);
		expect(
			['deleting', 'deprovisioning', 'reprovisioning', 'checking-plan', 'awaiting-install-stack-run'].map(
				phaseOf,
			),
		).toEqual(Array(5).fill('progress'));
	});

	it('has one meaning for each of 2026’s words', () => {
		const meaning = (word: string) => [phaseOf(word), isInProgress(word), hasEnded(word)];
		// Failed, and held open for a person to retry or skip: polled, not ended, the workflow not finished.
		expect(meaning('failed-pending-retry')).toEqual(['failure', true, false]);
		expect(statusView('failed-pending-retry')).toEqual({
			phase: 'failure',
			glyph: '✗',
			label: 'failed-pending-retry',
		});
		// 2026's word is not in the contract's enum.
		expect(workflowFinished({status: {status: 'failed-pending-retry' as never}})).toBe(false);
		expect(meaning('warning')).toEqual(['warning', false, true]);
		for (const word of ['superseded', 'degraded']) expect(phaseOf(word), word).toBe('warning');
		for (const word of ['queued', 'computing', 'progressing'])
			expect(meaning(word), word).toEqual(['progress', true, false]);
		for (const word of ['disabled', 'pending_customer', 'not-applicable'])
			expect(meaning(word), word).toEqual(['neutral', false, false]);
		expect([phaseOf('healthy'), phaseOf('unhealthy')]).toEqual(['success', 'failure']);
		// Health `unknown` is lost visibility: `?`, neither done nor failed, and a word nuon-tui knows.
		expect(statusView('unknown')).toEqual({phase: 'unknown', glyph: '?', label: 'unknown'});
		const lost = snapshotOf([{id: 'inl1', component_statuses: {a: 'active', b: 'unknown'}}]);
		expect([outcome(lost), unknownStatuses(lost)]).toEqual(['in-progress', []]);
	});

	it('shows a word it does not know as it is, and a value that is not a word without failing', () => {
		expect(statusView('frobnicating')).toEqual({phase: 'unknown', glyph: '?', label: 'frobnicating'});
		expect(statusView({status: 'active'})).toMatchObject({phase: 'unknown', label: 'unreadable'});
	});

	it('does not take an unknown word as done, nor as failed', () => {
		const install = (statuses: Record<string, string>) => ({id: 'inl1', component_statuses: statuses});
		expect(outcome(snapshotOf([install({a: 'active', b: 'frobnicating'})]))).toBe('in-progress');
		expect(outcome(snapshotOf([install({a: 'active', b: 'deleted'})]))).toBe('succeeded');
	});
});
