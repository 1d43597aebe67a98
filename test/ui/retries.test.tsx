import {renderApp} from '../helpers/render-app.js';
import {expect, it, vi} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {demoForFile} from '../helpers/demo-server.js';

let installRequests = 0;
const demo = demoForFile({
	intercept: (request, response) => {
		if (!request.url!.startsWith('/v1/installs?')) return false;
		installRequests++;
		response.writeHead(502, {'content-type': 'application/json'}).end('{"error":"bad gateway"}');
		return true;
	},
});

it('a 502 under a screen is asked again by SWR only, not also by the client beneath it', async () => {
	// The client as the CLI makes it: with its own retries (3) for one-shot requests.
	const client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId, backoffMs: 10});
	const app = renderApp(client, {orgLabel: 'demo', apiLabel: 'demo'});
	try {
		await vi.waitFor(() => expect(app.lastFrame()).toMatch(/Could not load installs: .*502/), {
			timeout: 5000,
		});
		await new Promise(resolve => setTimeout(resolve, 300)); // time for client retries, had there been any
		expect(installRequests).toBe(1);
	} finally {
		app.unmount();
		await client.close();
	}
});
