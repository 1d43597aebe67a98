// README's "Supported servers" table tells the truth about the demo: each row (keyed by its first
// cell) has a probe that asks the demo playing each server what the row's "today's server" and
// "August 2025" cells say it answers. A row without a probe, a probe without a row, or a probe whose
// check fails is a failure. One demo server per era for the whole file.
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import type {DemoApi} from '../../source/demo/api-mode.js';
import type {DemoServer} from '../../source/demo/server.js';
import type {DemoInstall, DemoInstallComponent} from '../../source/demo/world.js';
import type {InstallDeploy} from '../../source/api/resources.js';
import {phaseOf} from '../../source/domain/status.js';
import {appendNewer, emptyBuffer} from '../../source/domain/logs.js';
import {bothDemoServers, SERVER_VERSIONS} from '../helpers/both-servers.js';

// ---- The README's table ---------------------------------------------------------------------------

interface Row {
	/** The first cell, as written (backticks kept): the probe's key. */
	key: string;
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
		return {key: cells[0] ?? '', today: cells[1] ?? '', august: cells[2] ?? '', client: cells[3] ?? ''};
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
	/** A GET with a token and the org; `paged: true` adds `x-nuon-pagination-enabled: true` as nuon-tui does. */
	get(path: string, options?: {paged?: boolean; headers?: Record<string, string>}): Promise<Answer>;
	/** The first install component, across the org, for which `pick` finds something. */
	find<T>(pick: (install: DemoInstall, ic: DemoInstallComponent) => T | undefined): {install: DemoInstall; ic: DemoInstallComponent; found: T};
	latestDeploy(install: DemoInstall, ic: DemoInstallComponent): InstallDeploy | undefined;
}

type Check = (probe: Probe, row: Row) => Promise<void>;

/** Every status word of the contract's enums. */
const CONTRACT_STATUS_WORDS = new Set(
	Object.entries((JSON.parse(readFileSync(new URL('../../source/api/nuon-openapi.json', import.meta.url), 'utf8')) as {components: {schemas: Record<string, {enum?: string[]}>}}).components.schemas)
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
const PROBES: Record<string, Record<DemoApi, Check>> = {
	'`GET /v1/installs/{id}/components/summary`': {
		async today({get, demo}) {
			const install = demo.scenario.installs[0]!;
			const answer = await get(`/v1/installs/${install.id}/components/summary`);
			expect(answer.status).toBe(404);
		},
		async '2025-08'({get, demo}) {
			const install = demo.scenario.installs[0]!;
			const answer = await get(`/v1/installs/${install.id}/components/summary`, {paged: true, headers: {}});
			expect(answer.status).toBe(200);
			expect(Array.isArray(answer.json) && answer.json.length).toBeGreaterThan(0);
		},
	},
	'the plan (`GET /v1/runner-jobs/{id}/plan`)': {
		async today(probe) {
			const {plan, answer} = await planOf(probe);
			expect(answer.type).toMatch(/^text\/plain/);
			expect(answer.text).toBe(plan);
		},
		async '2025-08'(probe) {
			const {plan, answer} = await planOf(probe);
			expect(answer.type).toMatch(/^application\/json/);
			expect(answer.json).toBe(plan);
		},
	},
	paging: {
		async today({get, demo}) {
			// Without the header the list still pages.
			const unasked = await get('/v1/installs?limit=2');
			expect(unasked.json).toHaveLength(2);
			expect(unasked.headers.get('x-nuon-page-next')).toBe('true');
			const asked = await get('/v1/installs?limit=2', {paged: true});
			expect(asked.json).toHaveLength(2);
			expect(demo.scenario.installsOf(demo.scenario.orgId).length).toBeGreaterThan(2);
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
		async today(probe) {
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
		async today(probe) {
			const routes = await latestRunRoutes(probe);
			for (const [path, status] of Object.entries(routes)) expect(status, path).toBe(200);
		},
		async '2025-08'(probe) {
			const routes = await latestRunRoutes(probe);
			for (const [path, status] of Object.entries(routes)) expect(status, path).toBe(path.includes('/action-workflows/') || /\/installs\/[^/]+\/deploys\//.test(path) ? 200 : 404);
		},
	},
	'status words': {
		async today(_probe, row) {
			// Every word the cell names is in nuon-tui's one status table.
			const words = backticked(row.today);
			expect(words.length).toBeGreaterThan(0);
			expect(words.filter(word => phaseOf(word) === 'unknown')).toEqual([]);
		},
		async '2025-08'({get, demo}) {
			// The demo playing August 2025 sends only the contract's words.
			const installs = (await get('/v1/installs?limit=100', {paged: true})).json as Array<{id: string; component_statuses?: Record<string, string>}>;
			const words = new Set(installs.flatMap(install => Object.values(install.component_statuses ?? {})));
			const install = demo.scenario.installs[0]!;
			const components = (await get(`/v1/installs/${install.id}/components`, {paged: true})).json as Array<{status?: string; status_v2?: {status?: string}}>;
			for (const component of components) for (const word of [component.status, component.status_v2?.status]) if (word) words.add(word);
			expect(words.size).toBeGreaterThan(0);
			expect([...words].filter(word => !CONTRACT_STATUS_WORDS.has(word))).toEqual([]);
		},
	},
	'log timestamps': {
		async today(probe) {
			// RFC 3339 to the nanosecond (the server, Go's RFC3339Nano, drops trailing zeros).
			const {asc} = await logPages(probe);
			for (const record of asc) expect(record.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/);
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

// ---- What probes share --------------------------------------------------------------------------

/** A runner job's plan from the scenario, and what the demo answers for it. */
async function planOf(probe: Probe): Promise<{plan: string; answer: Answer}> {
	const {found} = probe.find((install, ic) => {
		const job = probe.latestDeploy(install, ic)?.runner_jobs?.find(j => j.id && probe.demo.scenario.plan(j.id, probe.t) !== undefined);
		return job ? {id: job.id!, plan: probe.demo.scenario.plan(job.id!, probe.t)!} : undefined;
	});
	return {plan: found.plan, answer: await probe.get(`/v1/runner-jobs/${found.id}/plan`)};
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

// ---- The tests ----------------------------------------------------------------------------------

const rows = supportedServerRows(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'));
/** Scenario seconds: the rollout has settled, so every deploy has its jobs, plans and logs. */
const T = 200;

it('README has a Supported servers table', () => {
	expect(rows.length).toBeGreaterThan(0);
	for (const row of rows) expect([row.key, row.today, row.august].every(Boolean), row.key).toBe(true);
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
	it.each(rows.filter(row => row.key in PROBES).map(row => [row.key, row] as const))('%s', async (_key, row) => {
		const demo = servers[api];
		demo.scenario.setClock(T);
		const probe: Probe = {
			api,
			demo,
			t: T,
			async get(path, {paged = false, headers = {}} = {}) {
				const response = await fetch(demo.url + path, {
					headers: {authorization: 'Bearer demo', 'x-nuon-org-id': demo.scenario.orgId, ...(paged ? {'x-nuon-pagination-enabled': 'true'} : {}), ...headers},
				});
				const text = await response.text();
				let json: unknown;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				return {status: response.status, type: response.headers.get('content-type') ?? '', text, json, headers: response.headers};
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
		await PROBES[row.key]![api](probe, row);
	});
});
