// README's "Supported servers" table tells the truth about the demo: each row (keyed by its first
// cell) has a probe that asks the demo playing each server what the row's "today's server" and
// "August 2025" cells say it answers. A row without a probe, a probe without a row, or a probe whose
// check fails is a failure. One demo server per era for the whole file.
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import type {DemoApi} from '../../source/demo/api-mode.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import type {Scenario} from '../../source/demo/scenario.js';
import {seenAt} from '../../source/demo/writes.js';
import type {DemoInstall, DemoInstallComponent} from '../../source/demo/world.js';
import type {Install, InstallDeploy} from '../../source/api/resources.js';
import {
	AWAITING,
	FAILED,
	failedComponent,
	firstInstall,
	queuedInstall,
	workflowWithManySteps,
} from '../helpers/scenario.js';
import {isKnownWord, phaseOf} from '../../source/domain/status.js';
import {appendNewer, emptyBuffer} from '../../source/domain/logs.js';
import {bothDemoServers, SERVER_VERSIONS} from '../helpers/both-servers.js';

// ---- The README's table ---------------------------------------------------------------------------

interface Row {
	/** The first cell, as written (backticks kept): the probe's key. */
	key: string;
	/** The cells of the 2026, December 2025 and August 2025 servers. */
	newest: string;
	today: string;
	august: string;
	client: string;
}

/** The rows of the first table under `## Supported servers`. */
function supportedServerRows(readme: string): Row[] {
	const section = readme.split(/^## Supported servers\s*$/m)[1]?.split(/^## /m)[0] ?? '';
	const lines = section.split('\n').filter(line => line.trim().startsWith('|'));
	// The header, its rule, then the rows.
	return lines.slice(2).map(line => {
		const cells = line
			.trim()
			.replace(/^\||\|$/g, '')
			.split(/(?<!\\)\|/)
			.map(cell => cell.trim().replaceAll('\\|', '|'));
		return {
			key: cells[0] ?? '',
			newest: cells[1] ?? '',
			today: cells[2] ?? '',
			august: cells[3] ?? '',
			client: cells[4] ?? '',
		};
	});
}

// ---- What a probe gets ----------------------------------------------------------------------------

interface Answer {
	status: number;
	type: string;
	text: string;
	/** The body parsed as JSON, or undefined when it is not JSON. */
	json: unknown;
	headers: Headers;
}

interface Probe {
	api: DemoApi;
	demo: DemoServer;
	/** Scenario time the probes read at (the clock is set there before each probe). */
	t: number;
	/** A GET with a token and the org; `paged: true` adds `x-nuon-pagination-enabled: true` as nuon-tui does.
	 * */
	get(path: string, options?: {paged?: boolean; headers?: Record<string, string>}): Promise<Answer>;
	/** The first install component, across the org, for which `pick` finds something. */
	find<T>(pick: (install: DemoInstall, ic: DemoInstallComponent) => T | undefined): {
		install: DemoInstall;
		ic: DemoInstallComponent;
		found: T;
	};
	latestDeploy(install: DemoInstall, ic: DemoInstallComponent): InstallDeploy | undefined;
}

type Check = (probe: Probe, row: Row) => Promise<void>;

/** A row's checks by server; the 2026 server is checked as December 2025's unless it has its own. */
type ByServer = {'2025-08': Check; '2025-12': Check; '2026'?: Check};
const checkFor = (probes: ByServer, api: DemoApi): Check => probes[api] ?? probes['2025-12'];

/** Every status word of the contract's enums. */
const CONTRACT_STATUS_WORDS = new Set(
	Object.entries(
		(
			JSON.parse(readFileSync(new URL('../../source/api/nuon-openapi.json', import.meta.url), 'utf8')) as {
				components: {schemas: Record<string, {enum?: string[]}>};
			}
		).components.schemas,
	)
		.filter(([name, schema]) => /status/i.test(name) && schema.enum)
		.flatMap(([, schema]) => schema.enum!),
);

/** The backticked words of a cell. */
const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map(match => match[1]!);

// ---- The probes -------------------------------------------------------------------------------------
//
// To add one: add an entry below keyed by the new README row's first cell, exactly as written
// (backticks included), with a `today` and a `2025-08` check. Each check gets `probe` (get, find,
// latestDeploy, the demo and its scenario time t) and the README `row` (its cells, to read words
// from), and throws (expect) when the demo playing that server does not do what the row's cell
// says. Keep checks to a few requests: the whole file shares one demo server per era.
const PROBES: Record<string, ByServer> = {
	"an install's status": {
		async '2026'({get}) {
			const installs = (await get('/v1/installs', {paged: true})).json as Install[];
			for (const install of installs) {
				expect(install).not.toHaveProperty('status');
				expect(install).not.toHaveProperty('status_description');
				expect(install.lifecycle_phase).toMatchObject({phase: 'provisioned', updated_at: expect.any(Number)});
				expect(install.composite_health_status).toEqual(expect.any(String));
				expect(phaseOf(install.composite_health_status)).not.toBe('unknown');
				expect(install).toHaveProperty('composite_component_status');
			}
		},
		async '2025-12'({get}) {
			const installs = (await get('/v1/installs', {paged: true})).json as Install[];
			expect(installs[0]).toMatchObject({status: 'active', status_description: expect.any(String)});
			for (const field of ['lifecycle_phase', 'composite_health_status', 'labels', 'app_branch_id'])
				expect(installs[0]).not.toHaveProperty(field);
		},
		async '2025-08'(probe) {
			await PROBES["an install's status"]!['2025-12'](probe, {} as Row);
		},
	},
	'install labels (`labels=k:v`)': {
		async '2026'({get}) {
			const all = (await get('/v1/installs?limit=100', {paged: true})).json as Install[];
			expect(all[0]!.labels).toMatchObject({tier: expect.any(String), region: expect.any(String)});
			const [key, value] = Object.entries(all.at(-1)!.labels!)[0]!;
			const kept = (await get(`/v1/installs?limit=100&labels=${key}:${value}`, {paged: true}))
				.json as Install[];
			expect(kept.length).toBeGreaterThan(0);
			expect(kept.length).toBeLessThan(all.length);
			expect(kept.every(install => install.labels?.[key] === value)).toBe(true);
		},
		async '2025-12'({get}) {
			const all = (await get('/v1/installs?limit=100', {paged: true})).json as Install[];
			const asked = (await get('/v1/installs?limit=100&labels=tier:prod', {paged: true})).json as Install[];
			expect(asked).toHaveLength(all.length);
			expect(all[0]).not.toHaveProperty('labels');
		},
		async '2025-08'(probe) {
			await PROBES['install labels (`labels=k:v`)']!['2025-12'](probe, {} as Row);
		},
	},
	'leaving the components out of `GET /v1/installs`': {
		async '2025-12'({get}) {
			for (const query of ['', '&include_components=false']) {
				const installs = (await get(`/v1/installs?limit=100${query}`, {paged: true})).json as Install[];
				expect(installs.every(install => (install.install_components ?? []).length > 0)).toBe(true);
				expect(Math.max(...installs.map(install => install.install_components!.length))).toBeLessThanOrEqual(
					10,
				);
			}
		},
		async '2025-08'({get, demo}) {
			const installs = (await get('/v1/installs?limit=100', {paged: true})).json as Install[];
			const count = (id: string | undefined) =>
				demo.scenario.installs.find(i => i.id === id)!.components.length;
			expect(installs.every(install => install.install_components?.length === count(install.id))).toBe(true);
		},
	},
	"a runner's health in the installs lists": {
		async '2025-12'({get}) {
			const installs = (await get('/v1/installs')).json as Install[];
			expect(installs[0]).toMatchObject({runner_status: 'active', runner_id: expect.stringMatching(/^run/)});
			expect(installs[0]).not.toHaveProperty('runner_group');
		},
		async '2025-08'({get}) {
			const installs = (await get('/v1/installs', {paged: true})).json as Install[];
			expect(installs[0]).toMatchObject({runner_status: 'active', runner_id: expect.stringMatching(/^run/)});
		},
	},
	"a runner's latest heartbeat": {
		async '2025-12'({get, demo}) {
			const runnerId = `run${demo.scenario.installs[0]!.id.slice(3)}`;
			const beats = await get(`/v1/runners/${runnerId}/heart-beats/latest`);
			expect(beats.status).toBe(200);
			expect(beats.json).toMatchObject({install: {process: 'install', runner_id: runnerId}});
			expect((await get(`/v1/runners/${runnerId}/latest-heart-beat`)).json).toMatchObject({
				runner_id: runnerId,
			});
		},
		async '2025-08'({get, demo}) {
			const runnerId = `run${demo.scenario.installs[0]!.id.slice(3)}`;
			expect((await get(`/v1/runners/${runnerId}/heart-beats/latest`)).status).toBe(404);
			expect((await get(`/v1/runners/${runnerId}/latest-heart-beat`)).json).toMatchObject({
				runner_id: runnerId,
			});
		},
	},
	'`GET /v1/installs/{id}/components/summary`': {
		async '2025-12'({get, demo}) {
			const install = firstInstall(demo.scenario);
			const answer = await get(`/v1/installs/${install.id}/components/summary`);
			expect(answer.status).toBe(404);
		},
		async '2025-08'({get, demo}) {
			const install = firstInstall(demo.scenario);
			const answer = await get(`/v1/installs/${install.id}/components/summary`, {paged: true, headers: {}});
			expect(answer.status).toBe(200);
			expect(Array.isArray(answer.json) && answer.json.length).toBeGreaterThan(0);
		},
	},
	"a runner job's plan": {
		async '2025-12'(probe) {
			const {id, plan, answer} = await planOf(probe);
			expect(answer.type).toMatch(/^text\/plain/);
			expect(answer.text).toBe(plan);
			const composite = await probe.get(`/v1/runner-jobs/${id}/composite-plan`);
			expect(composite.json).toEqual({deploy_plan: JSON.parse(plan)});
		},
		async '2025-08'(probe) {
			const {id, plan, answer} = await planOf(probe);
			expect(answer.type).toMatch(/^application\/json/);
			expect(answer.json).toBe(plan);
			expect(await probe.get(`/v1/runner-jobs/${id}/composite-plan`)).toMatchObject({
				status: 404,
				type: 'text/plain',
			});
		},
	},
	paging: {
		async '2025-12'({get, demo}) {
			// Without the header the list still pages.
			const unasked = await get('/v1/installs?limit=2');
			expect(unasked.json).toHaveLength(2);
			expect(unasked.headers.get('x-nuon-page-next')).toBe('true');
			const asked = await get('/v1/installs?limit=2', {paged: true});
			expect(asked.json).toHaveLength(2);
			const all = demo.scenario.installsOf(demo.scenario.orgId).length;
			expect(all).toBeGreaterThan(10);
			// limit 10 unless given, at most 100; page overrides offset and is named back.
			const headers = (answer: Answer) =>
				['next', 'offset', 'limit', 'number'].map(name => answer.headers.get(`x-nuon-page-${name}`));
			expect((await get('/v1/installs')).json).toHaveLength(10);
			const capped = await get('/v1/installs?limit=500');
			expect([(capped.json as unknown[]).length, headers(capped)[2]]).toEqual([Math.min(100, all), '100']);
			expect(headers(await get('/v1/installs?limit=2&offset=7&page=2'))).toEqual(['true', '2', '2', '2']);
		},
		async '2025-08'({get, demo}) {
			const all = demo.scenario.installsOf(demo.scenario.orgId).length;
			expect(all).toBeGreaterThan(2);
			// Without the header: the whole list, limit ignored, no paging headers.
			const unasked = await get('/v1/installs?limit=2');
			expect(unasked.json).toHaveLength(all);
			expect(unasked.headers.get('x-nuon-page-next')).toBeNull();
			const asked = await get('/v1/installs?limit=2', {paged: true});
			expect(asked.json).toHaveLength(2);
			expect(asked.headers.get('x-nuon-page-next')).toBe('true');
		},
	},
	'`order` on logs': {
		async '2025-12'(probe) {
			// Newest first.
			const {all, desc} = await logPages(probe);
			expect(desc.map(r => r.id)).toEqual(all.toReversed().slice(0, desc.length));
		},
		async '2025-08'(probe) {
			// `desc` ignored: oldest first, as `asc`.
			const {all, asc, desc} = await logPages(probe);
			expect(desc.map(r => r.id)).toEqual(all.slice(0, desc.length));
			expect(desc.map(r => r.id)).toEqual(asc.map(r => r.id));
		},
	},
	'latest runs, an action run, a deploy by id': {
		async '2025-12'(probe) {
			const routes = await latestRunRoutes(probe);
			for (const [path, status] of Object.entries(routes)) expect(status, path).toBe(200);
		},
		async '2025-08'(probe) {
			const routes = await latestRunRoutes(probe);
			for (const [path, status] of Object.entries(routes))
				expect(status, path).toBe(
					path.includes('/action-workflows/') || /\/installs\/[^/]+\/deploys\//.test(path) ? 200 : 404,
				);
		},
	},
	"a runner job's executions (`GET /v1/runner-jobs/{id}/executions`)": {
		async '2025-12'(probe) {
			const job = retriedJob(probe);
			expect(await probe.get(`/v1/runner-jobs/${job.id}/executions`)).toMatchObject({
				status: 404,
				type: 'text/plain',
				text: '404 page not found',
			});
			const whole = (await probe.get(`/v1/runner-jobs/${job.id}`)).json as {
				executions: unknown[];
				execution_count: number;
			};
			expect([whole.executions.length, whole.execution_count]).toEqual([1, job.execution_count]);
		},
		async '2025-08'(probe) {
			const job = retriedJob(probe);
			expect(
				((await probe.get(`/v1/runner-jobs/${job.id}/executions`, {paged: true})).json as unknown[]).length,
			).toBe(job.execution_count);
		},
	},
	"a deploy's runner jobs (`runner_jobs`)": {
		async '2025-12'(probe) {
			const jobs = (await deployById(probe)).runner_jobs as Array<Record<string, unknown>>;
			expect(jobs.length).toBeGreaterThan(0);
			expect(jobs.filter(job => 'execution_count' in job || 'outputs' in job || 'executions' in job)).toEqual(
				[],
			);
		},
		async '2025-08'(probe) {
			const jobs = (await deployById(probe)).runner_jobs as Array<Record<string, unknown>>;
			expect(jobs.every(job => typeof job.execution_count === 'number')).toBe(true);
		},
	},
	"a component's latest deploy (`…/components/{cid}/deploys/latest`)": {
		async '2025-12'(probe) {
			const latest = await latestOf(probe);
			expect(RELATIONS.filter(key => key in latest)).toEqual([]);
			expect([
				latest.install_id,
				'component_id' in latest,
				(latest.created_by as {email?: string} | undefined)?.email,
			]).toEqual(['', false, expect.any(String)]);
		},
		async '2025-08'(probe) {
			const latest = await latestOf(probe);
			expect(RELATIONS.filter(key => !(key in latest))).toEqual([]);
			expect(latest.component_id).toBeTruthy();
		},
	},
	'a deploy by id': {
		async '2025-12'(probe) {
			const deploy = await deployById(probe);
			expect('created_by' in deploy).toBe(false);
			const run = (deploy.action_workflow_runs as Array<Record<string, unknown>>)[0]!;
			expect(['log_stream', 'steps', 'config', 'install_action_workflow'].filter(key => key in run)).toEqual(
				[],
			);
		},
		async '2025-08'(probe) {
			const deploy = await deployById(probe);
			expect('created_by' in deploy).toBe(true);
			expect((deploy.action_workflow_runs as Array<Record<string, unknown>>)[0]).toHaveProperty('log_stream');
		},
	},
	'install components (`GET /v1/installs/{id}/components`)': {
		async '2025-12'({get, demo}) {
			const install = firstInstall(demo.scenario);
			const components = (await get(`/v1/installs/${install.id}/components`, {paged: true})).json as Array<{
				component: Record<string, unknown>;
			}>;
			expect(components.filter(found => 'dependencies' in found.component)).toEqual([]);
			const appComponents = (await get(`/v1/apps/${install.app.id}/components`, {paged: true}))
				.json as Array<{dependencies?: string[]}>;
			expect(appComponents.some(component => component.dependencies?.length)).toBe(true);
		},
		async '2025-08'({get, demo}) {
			const install = firstInstall(demo.scenario);
			const components = (await get(`/v1/installs/${install.id}/components`, {paged: true})).json as Array<{
				component: {dependencies?: string[]};
			}>;
			expect(components.some(found => found.component.dependencies?.length)).toBe(true);
		},
	},
	"an install's latest action runs (`/actions/latest-runs`)": {
		async '2025-12'({get, demo}) {
			const install = firstInstall(demo.scenario);
			const runs = (
				(await get(`/v1/installs/${install.id}/actions/latest-runs`, {paged: true})).json as Array<{
					runs: Array<Record<string, unknown>>;
				}>
			).flatMap(workflow => workflow.runs);
			expect(runs.length).toBeGreaterThan(0);
			expect(runs.filter(run => ['log_stream', 'steps', 'config'].some(key => key in run))).toEqual([]);
			expect(runs.filter(run => 'execution_count' in (run.runner_job as object))).toEqual([]);
		},
		async '2025-08'({get, demo}) {
			const install = firstInstall(demo.scenario);
			const runs = (
				(await get(`/v1/installs/${install.id}/action-workflows/latest-runs`, {paged: true})).json as Array<{
					runs: Array<Record<string, unknown>>;
				}>
			).flatMap(workflow => workflow.runs);
			expect(runs.length).toBeGreaterThan(0);
			expect(runs.every(run => ['log_stream', 'steps', 'config'].every(key => key in run))).toBe(true);
		},
	},
	"a workflow's steps (`GET /v1/workflows/{id}/steps`)": {
		async '2026'(probe) {
			const {steps, workflowId} = await stepsOf(probe);
			const first = await probe.get(`/v1/workflows/${workflowId}/steps`);
			expect([(first.json as unknown[]).length, first.headers.get('x-nuon-page-next')]).toEqual([10, 'true']);
			const all = await probe.get(`/v1/workflows/${workflowId}/steps?limit=100`);
			expect(all.json).toEqual(steps);
		},
		async '2025-12'(probe) {
			const {steps, workflowId} = await stepsOf(probe);
			const answer = await probe.get(`/v1/workflows/${workflowId}/steps?limit=2`, {paged: true});
			expect([answer.json, answer.headers.get('x-nuon-page-next')]).toEqual([steps, null]);
		},
		'2025-08': probe =>
			PROBES["a workflow's steps (`GET /v1/workflows/{id}/steps`)"]!['2025-12'](probe, {} as Row),
	},
	'status words': {
		async '2026'(_probe, row) {
			const words = backticked(row.newest);
			expect(words).toEqual(expect.arrayContaining(['failed-pending-retry', 'warning', 'unknown']));
			expect(words.filter(word => !isKnownWord(word))).toEqual([]);
		},
		async '2025-12'(_probe, row) {
			// Every word the cell names is in nuon-tui's one status table.
			const words = backticked(row.today);
			expect(words.length).toBeGreaterThan(0);
			expect(words.filter(word => phaseOf(word) === 'unknown')).toEqual([]);
		},
		async '2025-08'({get, demo}) {
			// The demo playing August 2025 sends only the contract's words.
			const installs = (await get('/v1/installs?limit=100', {paged: true})).json as Array<{
				id: string;
				component_statuses?: Record<string, string>;
			}>;
			const words = new Set(installs.flatMap(install => Object.values(install.component_statuses ?? {})));
			const install = firstInstall(demo.scenario);
			const components = (await get(`/v1/installs/${install.id}/components`, {paged: true})).json as Array<{
				status?: string;
				status_v2?: {status?: string};
			}>;
			for (const component of components)
				for (const word of [component.status, component.status_v2?.status]) if (word) words.add(word);
			expect(words.size).toBeGreaterThan(0);
			expect([...words].filter(word => !CONTRACT_STATUS_WORDS.has(word))).toEqual([]);
		},
	},
	'log timestamps': {
		async '2025-12'(probe) {
			// RFC 3339 to the nanosecond (the server, Go's RFC3339Nano, drops trailing zeros).
			const {asc} = await logPages(probe);
			for (const record of asc)
				expect(record.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/);
			expect(asc.some(record => /\.\d{9}Z$/.test(record.timestamp))).toBe(true);
		},
		async '2025-08'() {
			// Not promised: a record whose timestamp does not parse is kept, where it arrived.
			const buffer = appendNewer(emptyBuffer(), [
				{id: 'a', timestamp: '2025-08-01T10:00:00.000000001Z', body: 'first'},
				{id: 'b', timestamp: 'yesterday', body: 'untimed'},
				{id: 'c', timestamp: '2025-08-01T10:00:00.000000002Z', body: 'last'},
			]);
			expect(buffer.lines.map(line => line.plain)).toEqual(['first', 'untimed', 'last']);
		},
	},
};

// ---- The writes: each on a demo of its own, so the shared one stays as the reads expect --------------

interface Written {
	status: number;
	type: string;
	text: string;
}

/**
 * A demo of the probe's era whose clock all but stands still at `at` (it moves when the probe says),
 * the rollout's workflow of the install `pick` finds with its steps, and a way to write to it.
 */
async function writableWorkflow(api: DemoApi, pick: (scenario: Scenario) => DemoInstall, at: number) {
	const demo = await startDemoServer({api, speed: 0.001});
	demo.scenario.setClock(at);
	const workflowId = pick(demo.scenario).workflowIds[0]!;
	const steps = () => demo.scenario.workflowSteps(workflowId, demo.scenario.clock())!;
	const send = async (method: string, path: string, body: unknown): Promise<Written> => {
		const response = await fetch(demo.url + path, {
			method,
			body: JSON.stringify(body),
			headers: {
				authorization: 'Bearer demo',
				'x-nuon-org-id': demo.scenario.orgId,
				'content-type': 'application/json',
			},
		});
		return {
			status: response.status,
			type: response.headers.get('content-type') ?? '',
			text: await response.text(),
		};
	};
	const status = () => demo.scenario.workflow(workflowId, demo.scenario.clock())?.status?.status;
	return {demo, workflowId, steps, send, status, [Symbol.asyncDispose]: () => demo.close()};
}

/** Answers the waiting approval with `type`, then lets Nuon act: the workflow's status and the
 * step's. */
async function answerPlan(
	api: DemoApi,
	type: string,
): Promise<{answered: Written; workflow: unknown; step: unknown}> {
	await using w = await writableWorkflow(api, AWAITING.install, AWAITING.at);
	const step = w.steps().find(found => found.approval?.id)!;
	const answered = await w.send(
		'POST',
		`/v1/workflows/${w.workflowId}/steps/${step.id}/approvals/${step.approval!.id}/response`,
		{response_type: type, note: ''},
	);
	w.demo.scenario.setClock(AWAITING.at + 20);
	return {
		answered,
		workflow: w.status(),
		step: w.steps().find(found => found.id === step.id)?.status?.status,
	};
}

/** Skips install 3's failed step through `path` (relative to the workflow) with `body(stepId)`: the answer
 * and the step's status after. */
async function skipFailed(
	api: DemoApi,
	path: (stepId: string) => string,
	body: (stepId: string) => unknown,
): Promise<{answer: Written; step: unknown; statuses: unknown[]}> {
	await using w = await writableWorkflow(api, FAILED.install, FAILED.at);
	const failed = w.steps().find(found => found.status?.status === 'error')!;
	const answer = await w.send('POST', `/v1/workflows/${w.workflowId}${path(failed.id!)}`, body(failed.id!));
	const statuses = w.steps().map(step => step.status?.status);
	return {answer, step: w.steps().find(found => found.id === failed.id)?.status?.status, statuses};
}

/** The same check for both servers (it reads `probe.api`). */
const both = (check: Check): ByServer => ({'2025-12': check, '2025-08': check});

const WRITE_PROBES: Record<string, ByServer> = {
	'retry and skip of a failed step': {
		async '2026'() {
			// The retry route reads no body: a skip sent there retries the step (SDK 0.19.894).
			const retried = await skipFailed(
				'2026',
				id => `/steps/${id}/retry`,
				id => ({step_id: id, operation: 'skip-step'}),
			);
			expect(retried.answer).toMatchObject({status: 201, text: expect.stringContaining('"retryable":true')});
			expect(retried.statuses).not.toContain('user-skipped');
			expect(retried.statuses.at(-1)).not.toBe('error'); // a new attempt, not yet failed
			expect(
				await skipFailed(
					'2026',
					id => `/steps/${id}/skip`,
					() => undefined,
				),
			).toMatchObject({
				answer: {status: 201, text: expect.stringContaining('"skippable":true')},
				step: 'user-skipped',
			});
		},
		async '2025-12'() {
			// Without step_id in the body the skip is taken and nothing is skipped.
			expect(
				await skipFailed(
					'2025-12',
					id => `/steps/${id}/retry`,
					() => ({operation: 'skip-step'}),
				),
			).toMatchObject({answer: {status: 201}, step: 'error'});
			expect(
				await skipFailed(
					'2025-12',
					id => `/steps/${id}/retry`,
					id => ({step_id: id, operation: 'skip-step'}),
				),
			).toMatchObject({answer: {status: 201}, step: 'user-skipped'});
			expect(
				await skipFailed(
					'2025-12',
					() => '/retry',
					id => ({step_id: id, operation: 'skip-step'}),
				),
			).toMatchObject({answer: {status: 201}, step: 'user-skipped'});
			// A step that has not failed: 400.
			await using w = await writableWorkflow('2025-12', AWAITING.install, AWAITING.at);
			const waiting = w.steps().find(found => found.approval?.id)!;
			expect(waiting.retryable).toBe(true);
			expect(
				(
					await w.send('POST', `/v1/workflows/${w.workflowId}/steps/${waiting.id}/retry`, {
						step_id: waiting.id,
						operation: 'retry-step',
					})
				).status,
			).toBe(400);
		},
		async '2025-08'() {
			expect(
				await skipFailed(
					'2025-08',
					id => `/steps/${id}/retry`,
					id => ({step_id: id, operation: 'skip-step'}),
				),
			).toMatchObject({answer: {status: 404, type: 'text/plain'}, step: 'error'});
			expect(
				await skipFailed(
					'2025-08',
					() => '/retry',
					id => ({step_id: id, operation: 'skip-step'}),
				),
			).toMatchObject({answer: {status: 201}, step: 'user-skipped'});
		},
	},
	'answers to a plan': {
		async '2025-12'() {
			const skipped = await answerPlan('2025-12', 'deny-skip-current');
			expect(skipped).toMatchObject({answered: {status: 201}, step: 'approval-denied'});
			expect(skipped.workflow).not.toBe('error');
			expect(await answerPlan('2025-12', 'deny')).toMatchObject({
				answered: {status: 201},
				workflow: 'error',
				step: 'approval-denied',
			});
			expect(await answerPlan('2025-12', 'whatever')).toMatchObject({
				answered: {status: 201},
				workflow: 'error',
			});
			expect(await answerPlan('2025-12', 'retry')).toMatchObject({
				answered: {status: 201},
				step: 'approval-retry',
			});
		},
		async '2025-08'() {
			expect(await answerPlan('2025-08', 'deny-skip-current')).toMatchObject({
				answered: {status: 201},
				workflow: 'error',
				step: 'approval-denied',
			});
			expect(await answerPlan('2025-08', 'skip')).toMatchObject({answered: {status: 201}, workflow: 'error'});
			expect(await answerPlan('2025-08', 'retry')).toMatchObject({
				answered: {status: 201},
				step: 'approval-retry',
			});
		},
	},
	'a second answer': both(async ({api}) => {
		await using w = await writableWorkflow(api, AWAITING.install, AWAITING.at);
		const step = w.steps().find(found => found.approval?.id)!;
		const path = `/v1/workflows/${w.workflowId}/steps/${step.id}/approvals/${step.approval!.id}/response`;
		expect((await w.send('POST', path, {response_type: 'approve'})).status).toBe(201);
		const second = await w.send('POST', path, {response_type: 'deny'});
		expect([second.status, second.text]).toEqual([400, expect.stringContaining('already has a response')]);
		// A cancelled workflow's approval still takes an answer, which does nothing.
		await using c = await writableWorkflow(api, AWAITING.install, AWAITING.at);
		const waiting = c.steps().find(found => found.approval?.id)!;
		expect((await c.send('POST', `/v1/workflows/${c.workflowId}/cancel`, {})).status).toBe(202);
		expect(
			(
				await c.send(
					'POST',
					`/v1/workflows/${c.workflowId}/steps/${waiting.id}/approvals/${waiting.approval!.id}/response`,
					{response_type: 'approve'},
				)
			).status,
		).toBe(201);
		c.demo.scenario.setClock(AWAITING.at + 20);
		expect(c.status()).toBe('cancelled');
	}),
	'cancel of a queued workflow': both(async ({api}) => {
		await using w = await writableWorkflow(api, queuedInstall, 0);
		expect(w.status()).toBe('pending');
		const answer = await w.send('POST', `/v1/workflows/${w.workflowId}/cancel`, {});
		expect([answer.status, answer.text]).toEqual([202, api === '2026' ? '{}' : 'truetrue']);
		expect(w.status()).toBe('cancelled');
		expect((await w.send('POST', `/v1/workflows/${w.workflowId}/cancel`, {})).status).toBe(400);
	}),
	"a step's policy check": both(async ({api}) => {
		await using w = await writableWorkflow(api, firstInstall, 400);
		const workflowId = firstInstall(w.demo.scenario).workflowIds.find(id =>
			w.demo.scenario.workflowSteps(id, 400)?.some(step => step.policy_validation),
		)!;
		const step = w.demo.scenario.workflowSteps(workflowId, 400)!.find(found => found.policy_validation)!;
		const get = async (path: string) => JSON.parse((await w.send('GET', path, undefined)).text) as unknown;
		const workflow = (await get(`/v1/workflows/${workflowId}`)) as {
			steps: Array<{id: string; policy_validation?: unknown}>;
		};
		expect(workflow.steps.find(found => found.id === step.id)).not.toHaveProperty('policy_validation');
		expect(await get(`/v1/workflows/${workflowId}/steps/${step.id}`)).toHaveProperty('policy_validation');
		expect(
			((await get(`/v1/workflows/${workflowId}/steps`)) as Array<{id: string}>).find(
				found => found.id === step.id,
			),
		).toHaveProperty('policy_validation');
	}),
	'approve all': both(async ({api}) => {
		await using w = await writableWorkflow(api, AWAITING.install, AWAITING.at);
		const step = w.steps().find(found => found.approval?.id)!;
		expect(
			(await w.send('PATCH', `/v1/workflows/${w.workflowId}`, {approval_option: 'approve-all'})).status,
		).toBe(200);
		// Just after Nuon's next look at the approval (every 15 s from when it was asked).
		const asked = AWAITING.install(w.demo.scenario).components.find(ic => ic.rollout?.schedule.approval)!
			.rollout!.schedule.approval!.requestedAt;
		w.demo.scenario.setClock(seenAt(asked, AWAITING.at) + 1);
		const after = w.steps().find(found => found.id === step.id)!;
		expect(after.approval?.response).toMatchObject({type: 'approve', note: 'auto-approved'});
		expect(w.status()).toBe('approved');
		expect(w.demo.scenario.workflow(w.workflowId, w.demo.scenario.clock())).toMatchObject({
			approval_option: 'approve-all',
		});
	}),
};
Object.assign(PROBES, WRITE_PROBES);

/** The org's installs list while the demo's Terraform plan waits for a person, and that install and
 * component. */
async function whileAPlanWaits(probe: Probe) {
	const {
		install,
		ic,
		found: schedule,
	} = probe.find((_, c) =>
		c.rollout?.schedule.approval?.type === 'terraform_plan' ? c.rollout.schedule : undefined,
	);
	probe.demo.scenario.setClock(schedule.approval!.requestedAt + 1);
	const listed = ((await probe.get('/v1/installs?limit=100', {paged: true})).json as Install[]).find(
		found => found.id === install.id,
	)!;
	const deploys = listed.install_components?.find(
		found => found.component_id === ic.component.id,
	)?.install_deploys;
	return {install, ic, listed, deploys};
}

const LISTED_PROBES: Record<string, ByServer> = {
	"an install's `component_statuses` while a deploy syncs, plans and waits for an approval": {
		async '2025-12'(probe) {
			const {ic, listed, deploys} = await whileAPlanWaits(probe);
			expect(listed.component_statuses?.[ic.component.id]).toBe('active');
			expect(deploys?.[0]?.status).toBe('pending-approval');
		},
		async '2025-08'(probe) {
			const {ic, listed} = await whileAPlanWaits(probe);
			expect(listed.component_statuses?.[ic.component.id]).toBe('pending-approval');
		},
	},
	'which installs lists carry the latest deploys': {
		async '2025-12'(probe) {
			const {install, listed, deploys} = await whileAPlanWaits(probe);
			expect(deploys).toHaveLength(1);
			expect(listed.install_components!.length).toBeLessThanOrEqual(10);
			expect(deploys![0]).toMatchObject({install_id: '', status: 'pending-approval'});
			expect(deploys![0]).not.toHaveProperty('runner_jobs');
			const byApp = (await probe.get(`/v1/apps/${install.app.id}/installs?limit=100`, {paged: true}))
				.json as Install[];
			expect(byApp.some(found => found.install_components)).toBe(false);
			expect(
				((await probe.get(`/v1/installs/${install.id}`)).json as Install).install_components,
			).toBeUndefined();
		},
		async '2025-08'(probe) {
			const {install, ic, listed, deploys} = await whileAPlanWaits(probe);
			expect(listed.install_components).toHaveLength(install.components.length);
			expect(deploys!.map(deploy => deploy.id)).toEqual(ic.deployIds);
		},
	},
	// Nothing names a release: the listed deploy has its build's id (and a release step's id only when
	// a release made it, not an install workflow), neither the build nor its OCI tag.
	"a release's name": both(async probe => {
		const {deploys} = await whileAPlanWaits(probe);
		expect(deploys![0]!.build_id).toEqual(expect.any(String));
		expect(deploys![0]).not.toHaveProperty('release_id'); // this plan's deploy is a workflow's step
		expect(deploys![0]).not.toHaveProperty('oci_artifact');
		expect(deploys![0]).not.toHaveProperty('component_build');
	}),
	"the org's waiting approvals (`GET /v1/workflows/pending-approvals`)": {
		async '2026'(probe) {
			probe.demo.scenario.setClock(PLANS_WAIT);
			const answer = await probe.get('/v1/workflows/pending-approvals?limit=1');
			expect(answer.headers.get('x-nuon-page-next')).toBe('true');
			const all = (await probe.get('/v1/workflows/pending-approvals?limit=100')).json as Array<
				Record<string, unknown>
			>;
			expect(all.map(approval => approval.owner_type).sort()).toEqual([
				'app_branch_runs',
				'install_sandbox_runs',
			]);
			for (const approval of all) {
				expect(approval).not.toHaveProperty('response');
				expect(approval).not.toHaveProperty('contents');
				expect(approval.workflow_step).toMatchObject({id: approval.workflow_step_id, owner_type: 'installs'});
			}
		},
		async '2025-12'(probe) {
			probe.demo.scenario.setClock(PLANS_WAIT);
			const answer = await probe.get('/v1/workflows/pending-approvals');
			expect(answer.status).toBe(404);
			expect(answer.json).toMatchObject({description: expect.stringMatching(/^workflow pending-approvals/)});
		},
		async '2025-08'(probe) {
			expect((await probe.get('/v1/workflows/pending-approvals', {paged: true})).status).toBe(404);
		},
	},
	'a sandbox plan waiting for approval': {
		async '2025-12'(probe) {
			probe.demo.scenario.setClock(PLANS_WAIT);
			const installs = (await probe.get('/v1/installs?limit=100')).json as Array<Record<string, unknown>>;
			const waiting = installs.flatMap(install =>
				((install.install_sandbox_runs ?? []) as Array<Record<string, unknown>>).slice(0, 1),
			);
			expect(waiting).toEqual([
				expect.objectContaining({run_type: 'reprovision', status: 'pending-approval'}),
			]);
			const workflow = (await probe.get(`/v1/workflows/${waiting[0]!.install_workflow_id}`)).json as {
				steps: Array<{step_target_id: string; approval: {owner_type: string}}>;
			};
			expect(workflow.steps[0]).toMatchObject({
				step_target_id: waiting[0]!.id,
				approval: {owner_type: 'install_sandbox_runs'},
			});
		},
		async '2025-08'(probe) {
			probe.demo.scenario.setClock(PLANS_WAIT);
			const installs = (await probe.get('/v1/installs', {paged: true})).json as Array<
				Record<string, unknown>
			>;
			expect(installs.some(install => install.install_sandbox_runs)).toBe(false);
		},
	},
};
Object.assign(PROBES, LISTED_PROBES);

/** The first drift check that found drift in the org's installs list, at the first of the hours it is at. */
async function driftedCheck(probe: Probe) {
	for (const t of [600, 1200, 1800, 2400, 3000, 3600]) {
		probe.demo.scenario.setClock(t);
		for (const install of probe.demo.scenario.installs)
			for (const ic of install.components) {
				const listed = probe.demo.scenario
					.listedInstall(install, t, probe.api)
					.install_components?.find(found => found.id === ic.id)?.install_deploys?.[0];
				if (listed?.status === 'drifted') return {install, ic, deploy: listed as Record<string, unknown>};
			}
	}
	return undefined;
}

const DRIFT_PROBES: Record<string, ByServer> = {
	'drift checks': {
		async '2025-12'(probe) {
			const found = await driftedCheck(probe);
			expect(found).toBeDefined();
			const {install, ic, deploy} = found!;
			// Nothing but its status and its workflow says it is a drift check.
			expect(deploy).toMatchObject({plan_only: false, install_deploy_type: 'apply'});
			expect((await probe.get(`/v1/workflows/${deploy.workflow_id}`)).json).toMatchObject({
				type: 'drift_run',
				plan_only: true,
			});
			const objects = (await probe.get(`/v1/installs/${install.id}/drifted-objects`)).json as unknown[];
			expect(objects).toContainEqual(
				expect.objectContaining({
					target_type: 'install_deploy',
					target_id: deploy.id,
					install_component_id: ic.id,
				}),
			);
			const components = (await probe.get(`/v1/installs/${install.id}/components`, {paged: true}))
				.json as Array<Record<string, unknown>>;
			expect(components.find(found => found.id === ic.id)?.drifted_object).toMatchObject({
				target_id: deploy.id,
			});
			expect((await probe.get(`/v1/installs/${install.id}`)).json).toMatchObject({
				drifted_objects: expect.arrayContaining([expect.objectContaining({target_id: deploy.id})]),
			});
			// A deploy like any other: the install's deploys list it, and it reads by id.
			const deploys = (await probe.get(`/v1/installs/${install.id}/deploys`, {paged: true}))
				.json as unknown[];
			expect(deploys).toContainEqual(expect.objectContaining({id: deploy.id, status: 'drifted'}));
			expect((await probe.get(`/v1/installs/${install.id}/deploys/${deploy.id}`)).json).toMatchObject({
				id: deploy.id,
				install_id: install.id,
			});
		},
		async '2025-08'(probe) {
			expect(await driftedCheck(probe)).toBeUndefined();
			const install = probe.demo.scenario.installs[0]!;
			expect((await probe.get(`/v1/installs/${install.id}/drifted-objects`)).status).toBe(404);
		},
	},
};
Object.assign(PROBES, DRIFT_PROBES);

/** Once the rollout has settled, a sandbox reprovision's plan (and on 2026 a group's) waits: plan-runs.ts */
const PLANS_WAIT = 400;

// ---- Why it failed, a feature the org lacks, an install's deploys --------------------------------

/** The failed rollout deploy's answer by id, its failed job's, and a deploy whose step ran a policy check. */
async function failureAnswers({get, demo, t}: Probe) {
	const install = FAILED.install(demo.scenario);
	const ic = failedComponent(install);
	const deploy = demo.scenario.latestDeploy(install, ic, t)!;
	const byId = (await get(`/v1/installs/${install.id}/deploys/${deploy.id}`)).json as InstallDeploy & {
		composite_error?: unknown;
	};
	const failedJob = byId.runner_jobs!.find(job => job.status === 'failed')!;
	const job = (await get(`/v1/runner-jobs/${failedJob.id}`)).json;
	const checked = demo.scenario.installs
		.flatMap(each => each.components.map(found => ({install: each, ic: found})))
		.flatMap(each => demo.scenario.componentDeploys(each.ic, t).map(found => ({...each, deploy: found})))
		.find(each => demo.scenario.deployPolicy(each.deploy.id!))!;
	const policed = (await get(`/v1/installs/${checked.install.id}/deploys/${checked.deploy.id}`)).json;
	return {byId, listedJob: failedJob, job, policed};
}

/** A runner's jobs from the base table; a failed one with its reason where `reasons` says so. */
async function runnerJobsSent({get, demo}: Probe, reasons: boolean) {
	const runnerId = `run${FAILED.install(demo.scenario).id.slice(3)}`;
	const jobs = (await get(`/v1/runners/${runnerId}/jobs?limit=100`, {paged: true})).json as Array<
		Record<string, unknown>
	>;
	expect(jobs.length).toBeGreaterThan(0);
	for (const job of jobs)
		for (const key of ['executions', 'execution_count', 'outputs']) expect(job).not.toHaveProperty(key);
	const failed = jobs.find(job => job.status === 'failed');
	expect(failed).toBeDefined();
	expect(failed!.composite_error !== undefined).toBe(reasons);
}

const FAILURE_PROBES: Record<string, ByServer> = {
	'why a deploy or a runner job failed': {
		async '2026'(probe) {
			const {byId, listedJob, job, policed} = await failureAnswers(probe);
			const reason = {type: expect.any(String), severity: 'error', message: expect.any(String)};
			expect(byId.composite_error).toMatchObject({...reason, sections: expect.any(Array)});
			expect(listedJob).toMatchObject({composite_error: reason});
			expect(job).toMatchObject({composite_error: reason});
			expect(policed).toMatchObject({
				policy_reports: [{violations: expect.arrayContaining([expect.objectContaining({severity: 'warn'})])}],
			});
		},
		async '2025-12'(probe) {
			const {byId, listedJob, job, policed} = await failureAnswers(probe);
			for (const sent of [byId, listedJob, job]) expect(sent).not.toHaveProperty('composite_error');
			expect(policed).not.toHaveProperty('policy_reports');
		},
		async '2025-08'(probe) {
			await FAILURE_PROBES['why a deploy or a runner job failed']!['2025-12'](probe, {} as Row);
		},
	},
	'a feature the org lacks': {
		async '2026'({get, demo}) {
			const answer = await get(`/v1/apps/${firstInstall(demo.scenario).app.id}/branches`);
			expect(answer.status).toBe(400);
			expect(answer.json).toMatchObject({
				error: 'feature not enabled: app-branches',
				description: "This operation requires the 'app-branches' feature to be enabled for your organization",
			});
		},
		...both(async ({get, demo}) => {
			const answer = await get(`/v1/apps/${firstInstall(demo.scenario).app.id}/branches`, {paged: true});
			expect([answer.status, answer.json]).toEqual([200, []]);
		}),
	},
	"plan-only workflows in an install's workflows (`GET /v1/installs/{id}/workflows`)": both(
		async ({get, demo}) => {
			const install = firstInstall(demo.scenario);
			const list = async (query: string) =>
				(await get(`/v1/installs/${install.id}/workflows${query}`, {paged: true})).json as Array<{
					id: string;
					plan_only?: boolean;
				}>;
			const all = await list('');
			// The demo's workflows are none of them plan-only: the filter leaves the list as it is.
			expect(all.every(workflow => workflow.plan_only === false)).toBe(true);
			expect((await list('?planonly=false')).map(w => w.id)).toEqual(all.map(w => w.id));
		},
	),
	"a runner's jobs (`GET /v1/runners/{id}/jobs`)": {
		'2026': probe => runnerJobsSent(probe, true),
		...both(probe => runnerJobsSent(probe, false)),
	},
	"an install's deploys (the history)": {
		async '2025-12'({get, demo}) {
			const install = firstInstall(demo.scenario);
			const ids = async (path: string) =>
				((await get(`/v1/installs/${install.id}${path}?limit=100`)).json as InstallDeploy[]).map(d => d.id);
			const current = await ids('/components/deploys');
			expect(current.length).toBeGreaterThan(1);
			expect(current).toEqual(await ids('/deploys'));
		},
		async '2025-08'({get, demo}) {
			const install = firstInstall(demo.scenario);
			const current = await get(`/v1/installs/${install.id}/components/deploys`);
			expect(current.status).toBe(404);
			expect(current.json).toBeDefined(); // the install component's JSON 404, not the router's text
			expect((await get(`/v1/installs/${install.id}/deploys`)).status).toBe(200);
		},
	},
};
Object.assign(PROBES, FAILURE_PROBES);

// ---- What probes share --------------------------------------------------------------------------

/** A runner job's plan from the scenario (the JSON text of its deploy plan), and what the demo answers for
 * it. */
async function planOf(probe: Probe): Promise<{id: string; plan: string; answer: Answer}> {
	const {found} = probe.find((install, ic) => {
		const job = probe
			.latestDeploy(install, ic)
			?.runner_jobs?.find(j => j.id && probe.demo.scenario.deployPlan(j.id, probe.t) !== undefined);
		return job
			? {id: job.id!, plan: JSON.stringify(probe.demo.scenario.deployPlan(job.id!, probe.t))}
			: undefined;
	});
	return {...found, answer: await probe.get(`/v1/runner-jobs/${found.id}/plan`)};
}

/** What the screens read from a deploy beside its own fields. */
const RELATIONS = ['runner_jobs', 'action_workflow_runs', 'oci_artifact', 'log_stream'];

/** A runner job the scenario retried (more than one execution). */
const retriedJob = (probe: Probe) =>
	probe.find((install, ic) =>
		probe.latestDeploy(install, ic)?.runner_jobs?.find(job => (job.execution_count ?? 0) > 1),
	).found;

/** A deploy with an action run (a Helm chart's post-deploy run): its install and component. */
const deployWithRun = (probe: Probe) =>
	probe.find((install, ic) =>
		probe.latestDeploy(install, ic)?.action_workflow_runs?.length
			? probe.latestDeploy(install, ic)
			: undefined,
	);

/** That deploy as the era's deploy by id answers it (today's route, else the contract's). */
async function deployById(probe: Probe): Promise<Record<string, unknown>> {
	const {install, ic, found} = deployWithRun(probe);
	const path =
		probe.api !== '2025-08'
			? `/v1/installs/${install.id}/components/${ic.component.id}/deploys/${found.id}`
			: `/v1/installs/${install.id}/deploys/${found.id}`;
	return (await probe.get(path)).json as Record<string, unknown>;
}

/** That component's latest deploy, as the demo answers it. */
async function latestOf(probe: Probe): Promise<Record<string, unknown>> {
	const {install, ic} = deployWithRun(probe);
	return (await probe.get(`/v1/installs/${install.id}/components/${ic.component.id}/deploys/latest`))
		.json as Record<string, unknown>;
}

interface Record_ {
	id: string;
	timestamp: string;
}

/**
 * The first page of a stream with at least a few records, asked forward and newest first, and the
 * ids of all its records (oldest first) from the scenario.
 */
async function logPages(probe: Probe): Promise<{all: string[]; asc: Record_[]; desc: Record_[]}> {
	const {found: streamId} = probe.find((install, ic) => {
		const id = probe.latestDeploy(install, ic)?.log_stream?.id;
		return id && (probe.demo.scenario.logRecords(id, probe.t)?.length ?? 0) >= 3 ? id : undefined;
	});
	const asc = (await probe.get(`/v1/log-streams/${streamId}/logs?order=asc`)).json as Record_[];
	const desc = (await probe.get(`/v1/log-streams/${streamId}/logs?order=desc`)).json as Record_[];
	expect(asc.length).toBeGreaterThanOrEqual(3);
	const all = probe.demo.scenario.logRecords(streamId, probe.t)!.map(r => r.record.id!);
	return {all, asc, desc};
}

/** Each route of the row, the contract's and today's, and the status it answers. */
async function latestRunRoutes(probe: Probe): Promise<Record<string, number>> {
	const {install, found: deploy} = probe.find((i, c) => probe.latestDeploy(i, c));
	const run = probe.demo.scenario.latestRuns(install, probe.t).flatMap(workflow => workflow.runs ?? [])[0];
	expect(run?.id).toBeTruthy();
	const paths = [
		`/v1/installs/${install.id}/action-workflows/latest-runs`,
		`/v1/installs/${install.id}/action-workflows/runs/${run!.id}`,
		`/v1/installs/${install.id}/deploys/${deploy.id}`,
		`/v1/installs/${install.id}/actions/latest-runs`,
		`/v1/installs/${install.id}/actions/runs/${run!.id}`,
		`/v1/installs/${install.id}/components/${deploy.component_id}/deploys/${deploy.id}`,
	];
	const statuses: Record<string, number> = {};
	for (const path of paths) statuses[path] = (await probe.get(path, {paged: true})).status;
	return statuses;
}

/** A workflow with more than 10 steps: the steps its own route reads (whole) after it sends them all. */
async function stepsOf({get, demo, t}: Probe): Promise<{workflowId: string; steps: unknown[]}> {
	const {workflowId} = workflowWithManySteps(demo.scenario, t);
	const workflow = (await get(`/v1/workflows/${workflowId}`)).json as {steps: Array<{id: string}>};
	const steps = demo.scenario.workflowSteps(workflowId, t)!;
	expect(workflow.steps.map(step => step.id)).toEqual(steps.map(step => step.id));
	return {workflowId, steps: JSON.parse(JSON.stringify(steps)) as unknown[]};
}

// ---- The tests ----------------------------------------------------------------------------------

const rows = supportedServerRows(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'));
/** Scenario seconds: the rollout has settled, so every deploy has its jobs, plans and logs. */
const T = 200;

it('README has a Supported servers table', () => {
	expect(rows.length).toBeGreaterThan(0);
	for (const row of rows)
		expect([row.key, row.newest, row.today, row.august].every(Boolean), row.key).toBe(true);
});

it('every row of the Supported servers table has a probe', () => {
	expect(rows.map(row => row.key).filter(key => !(key in PROBES))).toEqual([]);
});

it('every probe has a row in the Supported servers table', () => {
	const keys = new Set(rows.map(row => row.key));
	expect(Object.keys(PROBES).filter(key => !keys.has(key))).toEqual([]);
});

const {servers} = bothDemoServers();

describe.each(SERVER_VERSIONS)('the demo playing the %s server does what the row says', api => {
	it.each(rows.filter(row => row.key in PROBES).map(row => [row.key, row] as const))(
		'%s',
		async (_key, row) => {
			const demo = servers[api];
			demo.scenario.setClock(T);
			const probe: Probe = {
				api,
				demo,
				t: T,
				async get(path, {paged = false, headers = {}} = {}) {
					const response = await fetch(demo.url + path, {
						headers: {
							authorization: 'Bearer demo',
							'x-nuon-org-id': demo.scenario.orgId,
							...(paged ? {'x-nuon-pagination-enabled': 'true'} : {}),
							...headers,
						},
					});
					const text = await response.text();
					let json: unknown;
					try {
						json = JSON.parse(text);
					} catch {
						json = undefined;
					}
					return {
						status: response.status,
						type: response.headers.get('content-type') ?? '',
						text,
						json,
						headers: response.headers,
					};
				},
				find(pick) {
					for (const install of demo.scenario.installs)
						for (const ic of install.components) {
							const found = pick(install, ic);
							if (found !== undefined) return {install, ic, found};
						}
					throw new Error('the demo has nothing this probe needs');
				},
				latestDeploy: (install, ic) => demo.scenario.latestDeploy(install, ic, T),
			};
			await checkFor(PROBES[row.key]!, api)(probe, row);
		},
	);
});
