// watch --until-done's lines and exit codes against a fake API: unknown statuses, the JSON events.
import {describe, expect, it} from 'vitest';
import {MockAgent} from 'undici';
import {NuonClient} from '../../source/api/client.js';
import {watchRollout, WATCH_EXIT} from '../../source/watch/until-done.js';

/** A fake API whose one install has these component statuses. */
function watchedApi(statuses: Record<string, string>): {client: NuonClient; agent: MockAgent} {
	const agent = new MockAgent();
	agent.disableNetConnect();
	const installs = [{id: 'inl1', name: 'prod-eu', app_id: 'app1', component_statuses: statuses}];
	const answers: Record<string, unknown> = {'/v1/installs': installs, '/v1/apps/app1/components': [{id: 'cmp1', name: 'api'}, {id: 'cmp2', name: 'worker'}]};
	agent
		.get('http://watch.invalid')
		.intercept({path: () => true, method: 'GET'})
		.reply(options => ({statusCode: 200, data: JSON.stringify(answers[new URL(options.path, 'http://x').pathname] ?? []), responseOptions: {headers: {'content-type': 'application/json'}}}))
		.persist();
	return {agent, client: new NuonClient({baseUrl: 'http://watch.invalid', token: 't', orgId: 'o', dispatcher: agent})};
}

describe('watch --until-done', () => {
	it('reports a status word it does not know once and keeps waiting until --timeout', async () => {
		const {client, agent} = watchedApi({cmp1: 'active', cmp2: 'frobnicating'});
		const lines: string[] = [];
		const code = await watchRollout({client, scope: {}, untilDone: true, timeoutMs: 300, output: 'text', write: line => lines.push(line), writeError: () => {}, settings: {fastMs: 20, slowMs: 20, maxBackoffMs: 100}});
		expect(code).toBe(WATCH_EXIT.timeout);
		expect(lines.filter(line => line.includes('"frobnicating", which nuon-tui does not know'))).toHaveLength(1);
		expect(lines.at(-1)).toMatch(/timed out before the rollout finished/);
		expect(lines.at(-1)).not.toMatch(/failed:/);
		await agent.close();
	});

	it('ends with a JSON done event that has its time and each failure as fields', async () => {
		const {client, agent} = watchedApi({cmp1: 'active', cmp2: 'error'});
		const lines: string[] = [];
		const code = await watchRollout({client, scope: {}, untilDone: true, output: 'json', write: line => lines.push(line), writeError: () => {}});
		expect(code).toBe(WATCH_EXIT.failed);
		const done = JSON.parse(lines.at(-1)!);
		expect(done).toMatchObject({event: 'done', result: 'failed', counts: {error: 1, active: 1}, failed: [{install: 'prod-eu', install_id: 'inl1', component: 'worker', component_id: 'cmp2', status: 'error'}]});
		expect(Date.parse(done.time)).toBeGreaterThan(Date.now() - 60_000);
		await agent.close();
	});

	it('waits while a deploy waits for approval; with --fail-on-approval stops at once with exit code 4, naming it', async () => {
		const {client, agent} = watchedApi({cmp1: 'active', cmp2: 'pending-approval'});
		const settings = {fastMs: 20, slowMs: 20, maxBackoffMs: 100};
		const waited: string[] = [];
		expect(await watchRollout({client, scope: {}, untilDone: true, timeoutMs: 200, output: 'text', write: line => waited.push(line), writeError: () => {}, settings})).toBe(WATCH_EXIT.timeout);
		const stopped: string[] = [];
		expect(await watchRollout({client, scope: {}, untilDone: true, failOnApproval: true, output: 'json', write: line => stopped.push(line), writeError: () => {}, settings})).toBe(WATCH_EXIT.approval);
		expect(JSON.parse(stopped.at(-1)!)).toMatchObject({event: 'done', result: 'approval', awaiting_approval: [{install: 'prod-eu', component: 'worker', status: 'pending-approval'}]});
		await agent.close();
	});
});
