// An approval is known by its workflow, its step and its own id: a server that repeats an approval id
// across workflows must not make the queue's rows one install, nor let one Space mark them all.
import type {ServerResponse} from 'node:http';
import {afterEach, describe, expect, it} from 'vitest';
import {handle, startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {renderExplorer} from '../helpers/render-app.js';

const REPEATED = 'aprrepeatedrepeatedrepeat1';

let demo: DemoServer | undefined;
let app: ReturnType<typeof renderExplorer> | undefined;
afterEach(async () => {
	await app?.cleanup();
	await demo?.close();
	app = demo = undefined;
});

/** The demo, except that every approval id its workflow routes send is one and the same. */
async function repeatingDemo(api: (typeof SERVER_VERSIONS)[number]) {
	const server: DemoServer = await startDemoServer({
		api,
		intercept: (request, response) => {
			if (request.method !== 'GET' || !request.url?.startsWith('/v1/workflows/')) return false;
			let status = 0;
			let headers: Record<string, string | number> = {};
			let body = '';
			const capture = {
				writeHead: (code: number, sent: typeof headers) => {
					status = code;
					headers = sent;
				},
				end: (text: string | Buffer) => {
					body = String(text);
				},
			};
			handle(server.scenario, request, capture as unknown as ServerResponse, api);
			const repeated = body.replace(/"apr[0-9a-z]+"/g, `"${REPEATED}"`);
			response.writeHead(status, {...headers, 'content-length': Buffer.byteLength(repeated)});
			response.end(repeated);
			return true;
		},
	});
	demo = server;
	return server;
}

describe.each(SERVER_VERSIONS)('an approval id the %s server repeats across workflows', api => {
	it('keeps one row per workflow step, each its own install, and Space marks one', async () => {
		const server = await repeatingDemo(api);
		server.scenario.setClock(100); // the last wave's four plans wait, after an older one
		app = renderExplorer(server, {size: {columns: 160, rows: 40}});
		await app.waitFor('Installs');
		await app.press('Q');
		await app.waitFor(/Approvals · 5 waiting \(5\)/, 20_000);
		await app.press('r'); // read again with the last answer in hand: an id must not merge rows
		await app.waitFor(/Approvals · 5 waiting \(5\)/, 20_000);
		const rows = app
			.frame()
			.split('\n')
			.filter(line => / ago /.test(line))
			.map(line => /^\W*(\S+)/.exec(line.replace(/[│›●]/g, ' '))?.[1]);
		expect(rows).toHaveLength(5);
		expect(new Set(rows).size).toBe(5);
		await app.press(' ');
		await app.waitFor(/1 marked/);
		expect(app.frame().match(/●/g)).toHaveLength(1);
	});
});
