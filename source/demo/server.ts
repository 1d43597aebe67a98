// The embedded demo API: a node:http server that answers the endpoints the explorer uses, shaped
// like the real Nuon API (auth headers, paging headers, trace ids, JSON errors).
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {randomBytes} from 'node:crypto';
import type {AddressInfo} from 'node:net';
import {API_VERSION, NEWEST_DEMO_API, since, type DemoApi} from './api-mode.js';
import {Scenario, type ScenarioOptions} from './scenario.js';
import type {Answer, Handler} from './route-kit.js';
import {
	NEWEST_POST_ROUTES,
	NEWEST_ROUTES,
	PATCH_ROUTES,
	POST_ROUTES,
	ROUTES,
	TODAYS_POST_ROUTES,
	TODAYS_ROUTES,
} from './routes.js';
import {RUNNER_ROUTES, TODAYS_RUNNER_ROUTES} from './runner-routes.js';
import {contractPage, todaysPage} from './paging.js';

export {API_VERSION, type DemoApi} from './api-mode.js';

export interface DemoServerOptions extends ScenarioOptions {
	/** Which server to play (default today's). */
	api?: DemoApi;
	port?: number;
	host?: string;
	/**
	 * Seen before routing; returns true when it took the request over (fault injection), in which
	 * case it may still hand it on later with `proceed`.
	 */
	intercept?: (request: IncomingMessage, response: ServerResponse, proceed: () => void) => boolean;
}

export interface DemoServer {
	url: string;
	scenario: Scenario;
	server: Server;
	close(): Promise<void>;
}

export function handle(
	scenario: Scenario,
	request: IncomingMessage,
	response: ServerResponse,
	api: DemoApi = NEWEST_DEMO_API,
): void {
	const traceId = randomBytes(8).toString('hex');
	const sendText = (status: number, text: string, type: string, headers: Record<string, string> = {}) => {
		response.writeHead(status, {
			'content-type': type,
			'content-length': Buffer.byteLength(text),
			'x-nuon-api-version': API_VERSION[api],
			'x-nuon-trace-id': traceId,
			...headers,
		});
		response.end(text);
	};
	const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
		sendText(status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
	const url = new URL(request.url ?? '/', 'http://demo');
	if (request.method !== 'GET' && request.method !== 'POST' && request.method !== 'PATCH') {
		send(405, {
			error: 'method not allowed',
			user_error: true,
			description: `the demo API does not take ${request.method}`,
		});
		return;
	}
	if (!/^Bearer \S+/.test(request.headers.authorization ?? '')) {
		send(401, {error: 'unauthorized', user_error: true, description: 'missing or invalid token'});
		return;
	}
	if (!request.headers['x-nuon-org-id']) {
		send(400, {error: 'missing org', user_error: true, description: 'X-Nuon-Org-ID header is required'});
		return;
	}
	const answer = (routes: Array<[RegExp, Handler]>, body?: unknown) => {
		const t = scenario.clock();
		for (const [pattern, handler] of routes) {
			const match = pattern.exec(url.pathname);
			if (!match) continue;
			reply(
				handler(scenario, {
					params: match.slice(1).map(decodeURIComponent),
					query: url.searchParams,
					headers: request.headers,
					t,
					api,
					body,
				}),
			);
			return;
		}
		// The server's router answers an unknown path with plain text, not the API's JSON error.
		sendText(404, '404 page not found', 'text/plain');
	};
	const reply = (answer: Answer) => {
		if ('list' in answer) {
			const each = (items: readonly unknown[]) =>
				answer.each ? items.map(answer.each as (item: unknown) => unknown) : items;
			// Before 2025-08-28 lists paged only when asked to with this header; today it is not read.
			if (since(api, '2025-12')) {
				const {items, headers} = todaysPage(answer.list, url.searchParams);
				send(200, each(items), headers);
			} else if (request.headers['x-nuon-pagination-enabled'] === 'true') {
				const {items, headers} = contractPage(answer.list, url.searchParams);
				send(200, each(items), headers);
			} else {
				send(200, each(answer.list));
			}
		} else if ('text' in answer) {
			sendText(answer.status, answer.text, answer.type);
		} else if ('gzipJson' in answer) {
			const zipped = process.getBuiltinModule('node:zlib').gzipSync(JSON.stringify(answer.gzipJson));
			response.writeHead(answer.status, {
				'content-type': 'application/json',
				'content-encoding': 'gzip',
				'content-length': zipped.length,
				'x-nuon-api-version': API_VERSION[api],
				'x-nuon-trace-id': traceId,
			});
			response.end(zipped);
		} else {
			send(answer.status, answer.body, answer.headers);
		}
	};
	if (request.method === 'GET') {
		answer(
			since(api, '2025-12')
				? [
						...(since(api, '2026') ? NEWEST_ROUTES : []),
						...ROUTES,
						...RUNNER_ROUTES,
						...TODAYS_ROUTES,
						...TODAYS_RUNNER_ROUTES,
					]
				: [...ROUTES, ...RUNNER_ROUTES],
		);
		return;
	}
	const chunks: Buffer[] = [];
	request.on('data', (chunk: Buffer) => chunks.push(chunk));
	request.on('end', () => {
		let body: unknown;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch {
			body = undefined;
		}
		if (request.method === 'PATCH') answer(PATCH_ROUTES, body);
		else answer(postRoutes(api), body);
	});
}

/** The writes each server takes (its step routes first: they are matched in order). */
const postRoutes = (api: DemoApi): Array<[RegExp, Handler]> =>
	since(api, '2026')
		? [...NEWEST_POST_ROUTES, ...POST_ROUTES]
		: since(api, '2025-12')
			? [...TODAYS_POST_ROUTES, ...POST_ROUTES]
			: POST_ROUTES;

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
	const scenario = new Scenario(options);
	const answer = (request: IncomingMessage, response: ServerResponse) => {
		if (response.destroyed || response.headersSent) return;
		try {
			handle(scenario, request, response, options.api);
		} catch (error) {
			response.writeHead(500, {'content-type': 'application/json'});
			response.end(JSON.stringify({error: 'internal error', description: (error as Error).message}));
		}
	};
	const server = createServer((request, response) => {
		if (options.intercept?.(request, response, () => answer(request, response))) return;
		answer(request, response);
	});
	server.keepAliveTimeout = 60_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		scenario,
		server,
		close: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
