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
	const matches = demo.scenario.installs.filter(install => install.name.includes('acme-corp')).map(install => install.name);
	expect(matches.length).toBeGreaterThan(1);
	await expect(resolveScope(client, {install: 'acme-corp'})).rejects.toThrow(`No install "acme-corp" in this org; did you mean ${matches.slice(0, 10).join(', ')}?`);
	await expect(resolveScope(client, {install: 'no-such-install'})).rejects.toThrow('No install "no-such-install" in this org.');
});

it('takes a part of a name that only one install has', async () => {
	const install = demo.scenario.installs[3]!;
	const scope = await resolveScope(client, {install: install.name.slice(0, -1)});
	expect(scope.install?.id).toBe(install.id);
});
