// watch --until-done's lines and exit codes against a fake API: unknown statuses, the JSON events.
import {describe, expect, it} from 'vitest';
import {MockAgent} from 'undici';
import {NuonClient} from '../../source/api/client.js';
import {WATCH_EXIT} from '../../source/watch/exit-codes.js';
import {watchRollout} from '../../source/watch/until-done.js';
import {formatTransition} from '../../source/watch/watch-lines.js';
import type {Scope} from '../../source/watch/scope.js';
import {demoForFile} from '../helpers/demo-server.js';
import {componentAwaitingApproval, installAwaitingApproval} from '../helpers/scenario.js';

/** A fake API whose one install has these component statuses (or whose installs are these). */
function watchedApi(
	statuses: Record<string, string> | object[],
	status = 200,
	/** Called before each answer of the installs list with how many it has sent (to change `statuses`). */
	beforeList?: (sent: number) => void,
): {client: NuonClient; agent: MockAgent; requests: string[]} {
	const agent = new MockAgent();
	agent.disableNetConnect();
	const installs = Array.isArray(statuses)
		? statuses
		: [{id: 'inl1', name: 'prod-eu', app_id: 'app1', component_statuses: statuses}];
	const answers: Record<string, unknown> = {
		'/v1/installs': installs,
		'/v1/apps/app1/components': [
			{id: 'cmp1', name: 'api'},
			{id: 'cmp2', name: 'worker'},
		],
	};
	const requests: string[] = [];
	agent
		.get('http://watch.invalid')
		.intercept({path: () => true, method: 'GET'})
		.reply(options => {
			requests.push(options.path);
			const path = new URL(options.path, 'http://x').pathname;
			if (path === '/v1/installs')
				beforeList?.(requests.filter(p => p.startsWith('/v1/installs?')).length - 1);
			const body =
				status === 200
					? (answers[new URL(options.path, 'http://x').pathname] ?? [])
					: {error: 'forbidden', description: 'no access'};
			return {
				statusCode: status,
				data: JSON.stringify(body),
				responseOptions: {headers: {'content-type': 'application/json'}},
			};
		})
		.persist();
	return {
		agent,
		requests,
		client: new NuonClient({baseUrl: 'http://watch.invalid', token: 't', orgId: 'o', dispatcher: agent}),
	};
}

const FAST = {fastMs: 20, slowMs: 20, maxBackoffMs: 100};

describe('watch --until-done', () => {
	it('reports a status word it does not know once and keeps waiting until --timeout', async () => {
		const {client, agent} = watchedApi({cmp1: 'active', cmp2: 'frobnicating'});
		const lines: string[] = [];
		const code = await watchRollout({
			client,
			scope: {},
			untilDone: true,
			timeoutMs: 300,
			output: 'text',
			write: line => lines.push(line),
			writeError: () => {},
			settings: {fastMs: 20, slowMs: 20, maxBackoffMs: 100},
		});
		expect(code).toBe(WATCH_EXIT.timeout);
		expect(lines.filter(line => line.includes('"frobnicating", which nuon-tui does not know'))).toHaveLength(
			1,
		);
		expect(lines.at(-1)).toMatch(/timed out before the rollout finished/);
		expect(lines.at(-1)).not.toMatch(/failed:/);
		await agent.close();
	});

	describe('a deploy Nuon holds for a person to retry or skip (2026’s failed-pending-retry)', () => {
		const watch = (client: NuonClient, lines: string[], output: 'text' | 'json' = 'text') =>
			watchRollout({
				client,
				scope: {},
				untilDone: true,
				timeoutMs: 10_000,
				output,
				write: line => lines.push(line),
				writeError: () => {},
				settings: FAST,
			});

		it('is a failure: not waited on once nothing else moves, exit 1 naming it', async () => {
			const statuses = {cmp1: 'executing', cmp2: 'failed-pending-retry'};
			const {client, agent} = watchedApi(statuses, 200, sent => {
				if (sent === 2) statuses.cmp1 = 'active';
			});
			const lines: string[] = [];
			expect(await watch(client, lines)).toBe(WATCH_EXIT.failed);
			expect(lines.join('\n')).toMatch(/api executing → active/);
			expect(lines.at(-1)).toMatch(
				/rollout finished with failures[\s\S]*failed: prod-eu › worker \(failed-pending-retry\)/,
			);
			const json: string[] = [];
			expect(await watch(client, json, 'json')).toBe(WATCH_EXIT.failed);
			expect(JSON.parse(json.at(-1)!)).toMatchObject({
				result: 'failed',
				failed: [{component: 'worker', status: 'failed-pending-retry'}],
			});
			await agent.close();
		});

		it('says so when it appears, and follows a retry someone makes while others still move', async () => {
			const statuses = {cmp1: 'executing', cmp2: 'executing'};
			const {client, agent} = watchedApi(statuses, 200, sent => {
				if (sent === 1) statuses.cmp2 = 'failed-pending-retry';
				if (sent === 2) statuses.cmp2 = 'retrying';
				if (sent === 3) Object.assign(statuses, {cmp1: 'active', cmp2: 'active'});
			});
			const lines: string[] = [];
			expect(await watch(client, lines)).toBe(WATCH_EXIT.succeeded);
			expect(lines.join('\n')).toMatch(
				/worker executing → failed-pending-retry {2}failed: Nuon waits for someone to retry or skip it/,
			);
			expect(lines.join('\n')).toMatch(/worker failed-pending-retry → retrying/);
			await agent.close();
		});

		it('ends as usual when it ends error', async () => {
			const statuses = {cmp1: 'executing', cmp2: 'failed-pending-retry'};
			const {client, agent} = watchedApi(statuses, 200, sent => {
				if (sent === 1) statuses.cmp2 = 'error';
				if (sent === 2) statuses.cmp1 = 'active';
			});
			const lines: string[] = [];
			expect(await watch(client, lines)).toBe(WATCH_EXIT.failed);
			expect(lines.at(-1)).toMatch(/failed: prod-eu › worker \(error\)/);
			await agent.close();
		});
	});

	it('ends with a JSON done event that has its time and each failure as fields', async () => {
		const {client, agent} = watchedApi({cmp1: 'active', cmp2: 'error'});
		const lines: string[] = [];
		const code = await watchRollout({
			client,
			scope: {},
			untilDone: true,
			output: 'json',
			write: line => lines.push(line),
			writeError: () => {},
		});
		expect(code).toBe(WATCH_EXIT.failed);
		const done = JSON.parse(lines.at(-1)!);
		expect(done).toMatchObject({
			event: 'done',
			result: 'failed',
			counts: {error: 1, active: 1},
			failed: [
				{install: 'prod-eu', install_id: 'inl1', component: 'worker', component_id: 'cmp2', status: 'error'},
			],
		});
		expect(Date.parse(done.time)).toBeGreaterThan(Date.now() - 60_000);
		await agent.close();
	});

	it(
		'waits while a deploy waits for approval; with --fail-on-approval stops at once with exit code 4, ' +
			'naming it',
		async () => {
			const {client, agent} = watchedApi({cmp1: 'active', cmp2: 'pending-approval'});
			const settings = {fastMs: 20, slowMs: 20, maxBackoffMs: 100};
			const waited: string[] = [];
			expect(
				await watchRollout({
					client,
					scope: {},
					untilDone: true,
					timeoutMs: 200,
					output: 'text',
					write: line => waited.push(line),
					writeError: () => {},
					settings,
				}),
			).toBe(WATCH_EXIT.timeout);
			// The text names the state as every screen does; the JSON below keeps the server's word.
			expect(waited.join('\n')).toMatch(
				/1 approve · 1 active[\s\S]*waiting for approval: prod-eu › worker \(approve\)/,
			);
			expect(waited.join('\n')).not.toContain('pending-approval');
			const stopped: string[] = [];
			expect(
				await watchRollout({
					client,
					scope: {},
					untilDone: true,
					failOnApproval: true,
					output: 'json',
					write: line => stopped.push(line),
					writeError: () => {},
					settings,
				}),
			).toBe(WATCH_EXIT.approval);
			expect(JSON.parse(stopped.at(-1)!)).toMatchObject({
				event: 'done',
				result: 'approval',
				awaiting_approval: [{install: 'prod-eu', component: 'worker', status: 'pending-approval'}],
			});
			await agent.close();
		},
	);

	it(
		'with no deploy status from either source, exits 5 "nothing to watch" after the first answer ' +
			'instead of 0',
		async () => {
			const installs = Array.from({length: 2500}, (_, k) => ({id: `inl${k}`, name: `i${k}`, app_id: 'app1'}));
			const {client, agent, requests} = watchedApi(installs);
			const lines: string[] = [];
			expect(
				await watchRollout({
					client,
					scope: {},
					untilDone: true,
					output: 'json',
					write: line => lines.push(line),
					writeError: () => {},
					settings: FAST,
				}),
			).toBe(WATCH_EXIT['nothing-to-watch']);
			expect(WATCH_EXIT['nothing-to-watch']).toBe(5);
			expect(JSON.parse(lines.at(-1)!)).toMatchObject({
				event: 'done',
				result: 'nothing-to-watch',
				reason: expect.stringContaining('2500 installs, none with a deploy status'),
			});
			expect(requests.filter(path => path.startsWith('/v1/installs'))).toHaveLength(1);
			await agent.close();
		},
	);

	it('watches from the listed latest deploys where an install carries no component_statuses', async () => {
		const deployed = (status: string) => ({install_deploys: [{id: 'ind1', status}]});
		const {client, agent} = watchedApi([
			{
				id: 'inl1',
				name: 'prod-eu',
				app_id: 'app1',
				install_components: [
					{component_id: 'cmp1', ...deployed('active')},
					{component_id: 'cmp2', ...deployed('error')},
				],
			},
		]);
		const lines: string[] = [];
		expect(
			await watchRollout({
				client,
				scope: {},
				untilDone: true,
				output: 'text',
				write: line => lines.push(line),
				writeError: () => {},
				settings: FAST,
			}),
		).toBe(WATCH_EXIT.failed);
		expect(lines.at(-1)).toMatch(
			/rollout finished with failures: 1 error · 1 active\nfailed: prod-eu › worker \(error\)$/,
		);
		await agent.close();
	});

	it.each([
		[401, 'the API token is invalid or expired'],
		[403, 'this token may not read this org'],
	])(
		'stops at the first %i with exit code 6 and says why on stdout, instead of retrying forever',
		async (status, why) => {
			const {client, agent, requests} = watchedApi({}, status);
			const lines: string[] = [];
			const errors: string[] = [];
			expect(
				await watchRollout({
					client,
					scope: {},
					untilDone: true,
					output: 'json',
					write: line => lines.push(line),
					writeError: line => errors.push(line),
					settings: FAST,
				}),
			).toBe(6);
			expect(JSON.parse(lines.at(-1)!)).toMatchObject({
				event: 'done',
				result: 'access-denied',
				reason: expect.stringContaining(why),
			});
			expect(requests).toHaveLength(1);
			expect(errors.join('\n')).not.toContain('retrying');
			const text: string[] = [];
			expect(
				await watchRollout({
					client,
					scope: {},
					untilDone: false,
					output: 'text',
					write: line => text.push(line),
					writeError: () => {},
					settings: FAST,
				}),
			).toBe(WATCH_EXIT['access-denied']);
			expect(text.at(-1)).toMatch(/stopped: access denied: /);
			await agent.close();
		},
	);

	it(
		'keeps every text line one line: a name with a tab and a line break, an empty name printed as ' +
			'its id',
		async () => {
			const {client, agent} = watchedApi([
				{id: 'inl1', name: 'tab\tand\nnewline', app_id: 'app1', component_statuses: {cmp1: 'error'}},
				{id: 'inl2', name: '', app_id: 'app1', component_statuses: {cmp1: 'error'}},
			]);
			const lines: string[] = [];
			expect(
				await watchRollout({
					client,
					scope: {},
					untilDone: true,
					output: 'text',
					write: line => lines.push(...line.split('\n')),
					writeError: () => {},
					settings: FAST,
				}),
			).toBe(WATCH_EXIT.failed);
			expect(lines.at(-1)).toBe('failed: tab  and newline › api (error), inl2 › api (error)');
			expect(lines).toHaveLength(3);
			const names = {install: () => 'tab  and\nnewline', component: () => 'api'};
			expect(
				formatTransition(
					{at: 0, installId: 'inl1', componentId: 'cmp1', from: 'planning', to: 'error'},
					names,
					'failed:\nhelm',
					'text',
				),
			).not.toContain('\n');
			await agent.close();
		},
	);

	describe(
		"against the demo playing today's server, where component_statuses never say " + 'pending-approval',
		() => {
			const demo = demoForFile({api: '2025-12'});
			/** The install whose Terraform plan waits for a person, a minute into the wait (its other components
			 * done). */
			const waiting = () => {
				const install = installAwaitingApproval(demo.scenario);
				const ic = componentAwaitingApproval(install);
				demo.scenario.setClock(ic.rollout!.schedule.approval!.requestedAt + 60);
				return {install, component: ic.component};
			};
			const watch = (scope: Scope, more: Partial<Parameters<typeof watchRollout>[0]> = {}) => {
				const lines: string[] = [];
				const client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId});
				return watchRollout({
					client,
					scope,
					untilDone: true,
					output: 'json',
					write: line => lines.push(line),
					writeError: () => {},
					settings: FAST,
					...more,
				}).then(code => ({code, done: JSON.parse(lines.at(-1)!)}));
			};

			it.each(['org', 'app', 'install'] as const)(
				'--until-done does not end while a plan waits (%s), and --fail-on-approval exits 4 naming it',
				async scopeKind => {
					const {install, component} = waiting();
					const scope: Scope =
						scopeKind === 'org'
							? {}
							: scopeKind === 'app'
								? {app: {id: install.app.id, name: install.app.catalog.name}}
								: {install: {id: install.id, name: install.name}};
					expect((await watch(scope, {timeoutMs: 400})).code).toBe(WATCH_EXIT.timeout);
					const {code, done} = await watch(scope, {failOnApproval: true});
					expect(code).toBe(WATCH_EXIT.approval);
					expect(done).toMatchObject({
						result: 'approval',
						awaiting_approval: [
							{install: install.name, component: component.name, status: 'pending-approval'},
						],
					});
				},
			);
		},
	);
});
