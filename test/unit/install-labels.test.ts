// Install labels (2026) and `--labels`: read calmly, parsed as the server parses them, asked of the
// server where it takes them and checked on every answer, so a server that ignores the parameter
// still gives the labelled installs only.
import {afterEach, describe, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {listAllInstalls, listInstallsPage, narrowToLabels} from '../../source/api/resources.js';
import {parseCommand, UsageError} from '../../source/args.js';
import {startDemoServer, type DemoApi, type DemoServer} from '../../source/demo/server.js';
import {hasLabels, labelWords, labelsOf, parseLabels} from '../../source/domain/labels.js';
import {installHealth, installPhase} from '../../source/domain/install.js';
import {filterInstalls} from '../../source/ui/levels/board-rows.js';
import {aLabel, listedInstalls} from '../helpers/scenario.js';

describe('labels', () => {
	it('parses --labels as the server does: key:value pairs, `=` too, the value split at the first', () => {
		expect(parseLabels('tier:prod, region=eu-west-1,url:https://x')).toEqual({
			tier: 'prod',
			region: 'eu-west-1',
			url: 'https://x',
		});
		expect(parseLabels('tier')).toMatch(/key:value pairs/);
		expect(parseLabels('tier:')).toMatch(/key:value pairs/);
		expect(parseLabels(' , ')).toMatch(/at least one/);
	});

	it('reads labels of any shape without failing, each on one line, sorted by key', () => {
		expect(labelsOf({labels: {tier: 'prod', a: 'x\ny', n: 3 as unknown as string}})).toEqual([
			['a', 'x y'],
			['tier', 'prod'],
		]);
		for (const labels of [null, 'tier:prod', ['tier'], 42]) expect(labelWords({labels})).toBe('');
		expect(hasLabels({labels: {tier: 'prod', region: 'eu'}}, {tier: 'prod'})).toBe(true);
		expect(hasLabels({labels: {tier: 'prod'}}, {tier: 'prod', region: 'eu'})).toBe(false);
		expect(hasLabels({}, {tier: 'prod'})).toBe(false);
	});

	it('takes --labels on the explorer, watch and approvals, and refuses a pair without a value', () => {
		for (const argv of [[], ['watch'], ['approvals']])
			expect(parseCommand([...argv, '--labels', 'tier:prod'])).toMatchObject({labels: {tier: 'prod'}});
		expect(parseCommand([])).not.toHaveProperty('labels');
		expect(() => parseCommand(['--labels', 'prod'])).toThrow(UsageError);
	});

	it('the board’s `/` matches key:value', () => {
		const installs = [
			{name: 'a', labels: {tier: 'prod'}},
			{name: 'b', labels: {tier: 'staging'}},
		];
		expect(filterInstalls(installs, 'tier:staging').map(install => install.name)).toEqual(['b']);
	});

	it('reads 2026’s health and lifecycle phase, and the status older servers send in its place', () => {
		expect(installHealth({composite_health_status: 'degraded'})).toBe('degraded');
		expect(installHealth({composite_health_status: 7 as unknown as string})).toBeUndefined();
		expect(
			installPhase({lifecycle_phase: {phase: 'provisioned', description: 'ok'}, status: 'active'}),
		).toEqual({phase: 'provisioned', description: 'ok'});
		expect(installPhase({status: 'active', status_description: 'install is active'})).toEqual({
			phase: 'active',
			description: 'install is active',
		});
		expect(installPhase({lifecycle_phase: 'provisioned' as never})).toEqual({});
	});
});

describe('--labels against each server', () => {
	let demo: DemoServer | undefined;
	afterEach(async () => {
		await demo?.close();
		demo = undefined;
	});

	/** A demo playing `api`, a client narrowed to `labels`, and the installs lists' query strings. */
	async function narrowed(api: DemoApi, labels: Record<string, string>, ignoreLabels = false) {
		const queries: string[] = [];
		demo = await startDemoServer({
			api,
			intercept: (request, _response, proceed) => {
				const url = new URL(request.url ?? '', 'http://demo');
				if (url.pathname === '/v1/installs') queries.push(url.search);
				if (!ignoreLabels) return false;
				// A server that does not know the parameter.
				url.searchParams.delete('labels');
				request.url = url.pathname + url.search;
				proceed();
				return true;
			},
		});
		const client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId, retries: 0});
		narrowToLabels(client, labels);
		return {client, queries, scenario: demo.scenario};
	}

	it('2026: asks the server for them, and gets only those installs', async () => {
		const {client, queries, scenario} = await narrowed('2026', {});
		const {key, value, installs} = aLabel(scenario);
		narrowToLabels(client, {[key]: value});
		const page = await listInstallsPage(client, 0);
		expect(page.items.map(install => install.id)).toEqual(installs.map(install => install.id));
		expect(installs.length).toBeLessThan(listedInstalls(scenario).length);
		expect(queries.at(-1)).toContain(`labels=${encodeURIComponent(`${key}:${value}`)}`);
		await client.close();
	});

	it('a server that ignores it: the labelled installs still, and the next page where it is', async () => {
		const {client, scenario} = await narrowed('2026', {}, true);
		const {key, value, installs} = aLabel(scenario);
		narrowToLabels(client, {[key]: value});
		expect((await listAllInstalls(client)).map(install => install.id)).toEqual(installs.map(i => i.id));
		const page = await listInstallsPage(client, 0, undefined, undefined, 10);
		expect(page.items.every(install => install.labels?.[key] === value)).toBe(true);
		expect(page.nextOffset).toBe(10);
		await client.close();
	});

	it.each(['2025-12', '2025-08'] as const)('%s: installs carry no labels, so none is shown', async api => {
		const {client} = await narrowed(api, {tier: 'prod'});
		expect(await listAllInstalls(client)).toEqual([]);
		await client.close();
	});
});
