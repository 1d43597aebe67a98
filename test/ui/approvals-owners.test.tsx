// Every approval that waits reaches the queue and `nuon-tui approvals`, whatever owns it: a deploy's
// plan, a sandbox reprovision's (December 2025 on: found from the installs list's sandbox runs), a
// rollout group's (2026: the org's pending approvals, read in one route with no workflow read per
// approval); and where the installs list hides components past the tenth, the queue says so.
import {afterEach, describe, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import type {Install} from '../../source/api/types.js';
import {isWaiting} from '../../source/domain/approval-queue.js';
import {handle, startDemoServer, type DemoApi, type DemoServer} from '../../source/demo/server.js';
import {fetchApprovalQueue} from '../../source/state/approval-queue.js';
import {listApprovals} from '../../source/watch/list-approvals.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {ENTER, renderExplorer} from '../helpers/render-app.js';
import {writableDemo} from '../helpers/writable-demo.js';

/** Once the rollout has settled (every deploy's plan answered), the sandbox reprovision and the group
 * plan wait (the demo's plan-runs.ts). */
const SETTLED_BUT_PLANS = 400;
const WAITING: Record<DemoApi, number> = {'2026': 2, '2025-12': 1, '2025-08': 0};

let demo: DemoServer | undefined;
let app: ReturnType<typeof renderExplorer> | undefined;
afterEach(async () => {
	await app?.cleanup();
	await demo?.close();
	app = demo = undefined;
});

async function recordingDemo(api: DemoApi, at: number) {
	const paths: string[] = [];
	demo = await startDemoServer({
		api,
		intercept: request => {
			paths.push((request.url ?? '').split('?')[0]!);
			return false;
		},
	});
	demo.scenario.setClock(at);
	const client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId, retries: 0});
	return {demo, client, paths};
}

describe.each(SERVER_VERSIONS)('approvals of every owner on the %s server', api => {
	it('the queue counts what waits: the sandbox reprovision (and on 2026 the group plan) too', async () => {
		const {demo} = await recordingDemo(api, SETTLED_BUT_PLANS);
		app = renderExplorer(demo, {size: {columns: 220, rows: 40}});
		await app.waitFor('Installs');
		await app.press('Q');
		const queue = await app.waitFor(new RegExp(`Approvals · ${WAITING[api]} waiting`), 20_000);
		if (api === '2025-08') return;
		expect(queue).toMatch(/umbrella-staging +sandbox +Terraform/);
		if (api === '2026') expect(queue).toMatch(/install group +plan instal\S* +Group plan .*3 installs/);
	});

	it('nuon-tui approvals prints them, exit 4 while the sandbox one waits (0 where none does)', async () => {
		const {client} = await recordingDemo(api, SETTLED_BUT_PLANS);
		const lines: string[] = [];
		const errors: string[] = [];
		const code = await listApprovals({
			client,
			scope: async () => ({}),
			output: 'json',
			write: line => lines.push(line),
			writeError: line => errors.push(line),
		});
		expect(code).toBe(WAITING[api] ? 4 : 0);
		const owners = lines.map(line => JSON.parse(line) as {owner_type: string; install: string});
		expect(owners).toHaveLength(WAITING[api]);
		if (api !== '2025-08')
			expect(owners).toContainEqual(
				expect.objectContaining({owner_type: 'install_sandbox_runs', install: 'umbrella-staging'}),
			);
		if (api === '2026')
			expect(owners).toContainEqual(
				expect.objectContaining({owner_type: 'app_branch_runs', install_count: 3}),
			);
	});
});

describe.each(['2026', '2025-12'] as const)('the sandbox plan on the %s server', api => {
	it('is approved from the queue: one request, and the row says who answered', async () => {
		const {demo: server, posts} = await writableDemo(api);
		server.scenario.setClock(SETTLED_BUT_PLANS);
		app = renderExplorer(server, {size: {columns: 220, rows: 40}});
		await app.waitFor('Installs');
		await app.press('Q');
		await app.waitFor(/› +umbrella-staging +sandbox/, 20_000); // the oldest, first
		await app.press('a');
		await app.waitFor(/Type 2 and Enter/);
		await app.press('2', ENTER);
		await app.waitFor(/✓ 1 of 1 approved: umbrella-staging › sandbox/);
		expect(posts).toEqual([expect.stringMatching(/\/approvals\/apr\w+\/response$/)]);
		await app.press('r');
		await app.waitFor(/umbrella-staging +sandbox .*approved/, 20_000);
	});
});

describe('the 2026 server', () => {
	it('answers the queue in one route: no workflow is read per waiting approval, each plan once', async () => {
		const {client, paths} = await recordingDemo('2026', 100); // the last wave's four plans, and one older
		const queue = await fetchApprovalQueue(client);
		expect(queue.filter(isWaiting)).toHaveLength(5);
		expect(paths.filter(path => path === '/v1/workflows/pending-approvals')).toHaveLength(1);
		expect(paths.filter(path => /^\/v1\/workflows\/(?!pending-approvals$)[^/]+$/.test(path))).toEqual([]);
		paths.length = 0;
		await fetchApprovalQueue(client, {previous: queue});
		expect(paths).toEqual(['/v1/installs', '/v1/workflows/pending-approvals']);
	});
});

describe('an install with more than 10 components', () => {
	/** The org's list as December 2025 sends it for such an install: its first 10 components only,
	 * `component_statuses` naming all 12. */
	const truncated = (server: DemoServer): Install => {
		const install = server.scenario.listedInstall(server.scenario.installs[0]!, 100, '2025-12');
		const statuses = Object.fromEntries(Array.from({length: 12}, (_, index) => [`cmp${index}`, 'active']));
		return {
			...install,
			name: 'wide-install',
			component_statuses: statuses,
			install_components: Array.from(
				{length: 10},
				(_, index) => (install.install_components ?? [])[index % 2]!,
			),
		};
	};

	it('is named as not searched past its tenth component on December 2025', async () => {
		const {demo, client} = await recordingDemo('2025-12', SETTLED_BUT_PLANS);
		const queue = await fetchApprovalQueue(client, {installs: [truncated(demo)]});
		expect(queue.unlisted).toEqual(['wide-install']);
	});

	it("is named in the queue's title and on approvals' stderr, as December 2025 sends it", async () => {
		const server: DemoServer = await startDemoServer({
			api: '2025-12',
			// The org's list, with 12 components in the first install's component_statuses.
			intercept: (request, response) => {
				if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/v1/installs') return false;
				let status = 0;
				let headers: Record<string, string | number> = {};
				let body = '';
				const capture = {
					writeHead: (code: number, sent: typeof headers) => {
						status = code;
						headers = sent;
					},
					end: (text: string) => {
						body = text;
					},
				};
				handle(server.scenario, request, capture as never, '2025-12');
				const installs = JSON.parse(body) as Install[];
				if (installs[0]) installs[0] = {...truncated(server), name: installs[0].name, id: installs[0].id};
				const text = JSON.stringify(installs);
				response.writeHead(status, {...headers, 'content-length': Buffer.byteLength(text)});
				response.end(text);
				return true;
			},
		});
		demo = server;
		server.scenario.setClock(SETTLED_BUT_PLANS);
		const first = server.scenario.installs[0]!.name;
		const client = new NuonClient({
			baseUrl: server.url,
			token: 't',
			orgId: server.scenario.orgId,
			retries: 0,
		});
		const errors: string[] = [];
		await listApprovals({
			client,
			scope: async () => ({}),
			output: 'text',
			write: () => {},
			writeError: line => errors.push(line),
		});
		expect(errors).toContain(
			`nuon-tui: not searched: the components past the tenth of ${first} (this server lists the latest ` +
				"deploys of an install's first 10 components only)",
		);
		app = renderExplorer(server, {size: {columns: 220, rows: 40}});
		await app.waitFor('Installs');
		await app.press('Q');
		await app.waitFor(`⚠ not searched past 10 components: ${first}`, 20_000);
	});

	it('is not on 2026, whose pending approvals cover every component', async () => {
		const {demo, client} = await recordingDemo('2026', SETTLED_BUT_PLANS);
		const queue = await fetchApprovalQueue(client, {installs: [truncated(demo)]});
		expect(queue.unlisted).toBeUndefined();
	});
});
