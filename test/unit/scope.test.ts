// Start flags resolved against the demo API: an install by id, by name, or by a part of its name.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {resolveScope} from '../../source/watch/scope.js';

let demo: DemoServer;
let client: NuonClient;
beforeAll(async () => {
	demo = await startDemoServer();
	client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId});
});
afterAll(async () => {
	await client.close();
	await demo.close();
});

it('suggests the installs a name could mean when it is only part of several', async () => {
	const matches = demo.scenario.installs
		.filter(install => install.name.includes('acme-corp'))
		.map(install => install.name);
	expect(matches.length).toBeGreaterThan(1);
	await expect(resolveScope(client, {install: 'acme-corp'})).rejects.toThrow(
		`No install "acme-corp" in this org; did you mean ${matches.slice(0, 10).join(', ')}?`,
	);
	await expect(resolveScope(client, {install: 'no-such-install'})).rejects.toThrow(
		'No install "no-such-install" in this org.',
	);
});

it('takes a part of a name that only one install has', async () => {
	const install = demo.scenario.installs[3]!;
	const scope = await resolveScope(client, {install: install.name.slice(0, -1)});
	expect(scope.install?.id).toBe(install.id);
});

it(
	'takes a part of an app’s or a component’s name that only one has, in any case, and names the ' +
		'candidates otherwise',
	async () => {
		const app = demo.scenario.apps.find(found => found.catalog.name.toLowerCase().includes('relay'))!;
		expect((await resolveScope(client, {app: 'RELAY'})).app?.id).toBe(app.id);
		const install = demo.scenario.installs[0]!;
		const component = install.components.find(ic => ic.component.name === 'vpc-network')!.component;
		expect((await resolveScope(client, {install: install.id, component: 'vpc'})).component).toEqual({
			id: component.id,
			name: 'vpc-network',
		});
		await expect(resolveScope(client, {install: install.id, component: 'AP'})).rejects.toThrow(
			/No component "AP" in .*; did you mean .*api-image/,
		);
		await expect(resolveScope(client, {app: 'nope'})).rejects.toThrow(
			/No app "nope" in this org; there are: .+/,
		);
	},
);
