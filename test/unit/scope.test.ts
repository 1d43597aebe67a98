// Start flags resolved against the demo API: an install by id, by name, or by a part of its name.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {resolveScope} from '../../source/watch/scope.js';
import {demoForFile} from '../helpers/demo-server.js';
import {firstInstall, installsMatching, listedInstalls} from '../helpers/scenario.js';

let client: NuonClient;
const demo = demoForFile();
beforeAll(() => {
	client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId});
});
afterAll(() => client.close());

it('suggests the installs a name could mean when it is only part of several', async () => {
	// A first install's name less its environment (`acme-corp` of `acme-corp-prod`) is part of several.
	const part = firstInstall(demo.scenario).name.replace(/-[^-]+$/, '');
	const matches = installsMatching(demo.scenario, part).map(install => install.name);
	expect(matches.length).toBeGreaterThan(1);
	await expect(resolveScope(client, {install: part})).rejects.toThrow(
		`No install "${part}" in this org; did you mean ${matches.slice(0, 10).join(', ')}?`,
	);
	await expect(resolveScope(client, {install: 'no-such-install'})).rejects.toThrow(
		'No install "no-such-install" in this org.',
	);
});

it('takes a part of a name that only one install has', async () => {
	const install = listedInstalls(demo.scenario).find(
		found => installsMatching(demo.scenario, found.name.slice(0, -1)).length === 1,
	)!;
	const scope = await resolveScope(client, {install: install.name.slice(0, -1)});
	expect(scope.install?.id).toBe(install.id);
});

it(
	'takes a part of an app’s or a component’s name that only one has, in any case, and names the ' +
		'candidates otherwise',
	async () => {
		const app = demo.scenario.apps.find(found => found.catalog.name.toLowerCase().includes('relay'))!;
		expect((await resolveScope(client, {app: 'RELAY'})).app?.id).toBe(app.id);
		const install = firstInstall(demo.scenario);
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
