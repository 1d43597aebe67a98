// The embedded demo API: a node:http server that answers the endpoints the explorer uses, shaped
// like the real Nuon API (auth headers, paging headers, trace ids, JSON errors).
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import {randomBytes} from 'node:crypto';
import type {AddressInfo} from 'node:net';
import {API_VERSION, type DemoApi} from './api-mode.js';
import {Scenario, type ScenarioOptions} from './scenario.js';

export {API_VERSION, type DemoApi} from './api-mode.js';
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 10;

interface Request {
	params: string[];
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	t: number;
	api: DemoApi;
}

type Answer = {status: number; body: unknown; headers?: Record<string, string>} | {list: unknown[]} | {status: number; text: string; type: string};
type Handler = (scenario: Scenario, request: Request) => Answer;

const notFound = (what: string): Answer => ({status: 404, body: {error: 'not found', user_error: true, description: `${what} not found`}});
const ok = (body: unknown): Answer => ({status: 200, body});

function withInstall(handler: (scenario: Scenario, install: NonNullable<ReturnType<Scenario['findInstall']>>, request: Request) => Answer): Handler {
	return (scenario, request) => {
		const install = scenario.findInstall(request.params[0]!);
		return install ? handler(scenario, install, request) : notFound(`install ${request.params[0]}`);
	};
}

const found = (body: unknown, what: string): Answer => (body === undefined ? notFound(what) : ok(body));

const LOG_PAGE = 100;

/**
 * Log records after (order=asc) or before (order=desc) the nanosecond cursor in X-Nuon-API-Offset,
 * 100 at most; X-Nuon-API-Next is the next cursor, empty when fewer than 100 came back.
 */
function logs(scenario: Scenario, {params, query, headers, t, api}: Request): Answer {
	const records = scenario.logRecords(params[0]!, t);
	if (!records) return notFound(`log stream ${params[0]}`);
	const offset = String(headers['x-nuon-api-offset'] ?? '');
	const cursor = /^\d+$/.test(offset) ? BigInt(offset) : undefined;
	// Before 2025-11-19 the server ignored `order` and always read forward from the offset.
	const descending = api === 'today' && query.get('order') === 'desc';
	const page = descending
		? records.filter(r => cursor === undefined || r.ns < cursor).reverse().slice(0, LOG_PAGE)
		: records.filter(r => cursor === undefined || r.ns > cursor).slice(0, LOG_PAGE);
	const next = page.length === LOG_PAGE ? String(page.at(-1)!.ns) : '';
	return {status: 200, body: page.map(r => r.record), headers: {'x-nuon-api-next': next}};
}

const orgOf = (headers: IncomingMessage['headers']) => String(headers['x-nuon-org-id'] ?? '');

const search = (query: URLSearchParams) => (name: string) => name.toLowerCase().includes((query.get('q') ?? '').toLowerCase());

const ROUTES: Array<[RegExp, Handler]> = [
	[/^\/v1\/general\/cli-config$/, () => ok({dashboard_url: 'https://app.nuon.co', auth_domain: 'auth.nuon.co', auth_audience: 'api.nuon.co', auth_client_id: 'demo'})],
	[/^\/v1\/apps$/, scenario => ({list: scenario.apps.map(app => scenario.app(app))})],
	[/^\/v1\/orgs$/, scenario => ({list: scenario.orgs()})],
	[
		/^\/v1\/installs$/,
		(scenario, {query, headers, t}) => ({list: scenario.installsOf(orgOf(headers)).filter(i => search(query)(i.name)).map(i => scenario.install(i, t))}),
	],
	[
		/^\/v1\/apps\/([^/]+)\/installs$/,
		(scenario, {params, query, headers, t}) => {
			const app = scenario.apps.find(a => a.id === params[0] || a.catalog.name === params[0]);
			if (!app) return notFound(`app ${params[0]}`);
			return {list: scenario.installsOf(orgOf(headers)).filter(i => i.app === app && search(query)(i.name)).map(i => scenario.install(i, t))};
		},
	],
	[
		/^\/v1\/apps\/([^/]+)\/components$/,
		(scenario, {params}) => {
			const app = scenario.apps.find(a => a.id === params[0] || a.catalog.name === params[0]);
			return app ? {list: app.components.map(c => scenario.component(c))} : notFound(`app ${params[0]}`);
		},
	],
	[/^\/v1\/installs\/([^/]+)$/, withInstall((scenario, install, {t}) => ok(scenario.install(install, t)))],
	[
		/^\/v1\/installs\/([^/]+)\/components$/,
		withInstall((scenario, install, {t}) => ({list: install.components.map(ic => scenario.installComponent(install, ic, t))})),
	],
	// Removed on 2025-11-17: today the path falls through to the component route below.
	[
		/^\/v1\/installs\/([^/]+)\/components\/summary$/,
		withInstall((scenario, install, {t, api}) => (api === 'today' ? notFound('install component summary') : {list: install.components.map(ic => scenario.componentSummary(install, ic, t))})),
	],
	[
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)$/,
		withInstall((scenario, install, {params, t}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const latest = scenario.latestDeploy(install, ic, t);
			return ok({...scenario.installComponent(install, ic, t), install_deploys: latest ? [latest] : []});
		}),
	],
	[
		// Today's server ends this query with GORM's First: it answers the newest deploy only (404 if none).
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys$/,
		withInstall((scenario, install, {params, t, api}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const deploys = scenario.componentDeploys(ic, t);
			if (api === 'today') return deploys.length ? ok(deploys.slice(0, 1)) : notFound('install deploy');
			return {list: deploys};
		}),
	],
	[/^\/v1\/installs\/([^/]+)\/deploys$/, withInstall((scenario, install, {t}) => ({list: scenario.installDeploys(install, t)}))],
	[
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys\/latest$/,
		withInstall((scenario, install, {params, t}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const deploy = scenario.latestDeploy(install, ic, t);
			return deploy ? ok(deploy) : notFound('install deploy');
		}),
	],
	[
		/^\/v1\/runner-jobs\/([^/]+)$/,
		(scenario, {params, t}) => found(scenario.runnerJob(params[0]!, t), `runner job ${params[0]}`),
	],
	[
		/^\/v1\/runner-jobs\/([^/]+)\/executions$/,
		(scenario, {params, t}) => {
			const executions = scenario.executions(params[0]!, t);
			// Not really paged: up to 1000, newest first, whatever the limit.
			return executions ? ok(executions.slice(0, 1000)) : notFound(`runner job ${params[0]}`);
		},
	],
	[
		/^\/v1\/runner-jobs\/([^/]+)\/plan$/,
		(scenario, {params, t, api}) => {
			const plan = scenario.plan(params[0]!, t);
			if (plan === undefined) return notFound('plan');
			// Today the plan itself is the body, as text; the contract says a JSON string.
			return api === 'today' ? {status: 200, text: plan, type: 'text/plain; charset=utf-8'} : ok(plan);
		},
	],
	[
		/^\/v1\/installs\/([^/]+)\/action-workflows\/latest-runs$/,
		withInstall((scenario, install, {t}) => ({list: scenario.latestRuns(install, t)})),
	],
	[
		/^\/v1\/installs\/([^/]+)\/action-workflows\/runs\/([^/]+)$/,
		withInstall((scenario, install, {params, t}) => found(scenario.actionRun(install, params[1]!, t), `action workflow run ${params[1]}`)),
	],
	[/^\/v1\/log-streams\/([^/]+)$/, (scenario, {params, t}) => found(scenario.logStream(params[0]!, t), `log stream ${params[0]}`)],
	[/^\/v1\/log-streams\/([^/]+)\/logs$/, (scenario, request) => logs(scenario, request)],
	[
		/^\/v1\/installs\/([^/]+)\/deploys\/([^/]+)$/,
		withInstall((scenario, install, {params, t}) => {
			const deploy = scenario.deploy(params[1]!, t);
			return deploy && deploy.install_id === install.id ? ok(deploy) : notFound(`deploy ${params[1]}`);
		}),
	],
];

/** Today's routes that the contract lacks (the contract's own routes for the same things are deprecated). */
const TODAYS_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/installs\/([^/]+)\/actions\/latest-runs$/,
		withInstall((scenario, install, {t}) => ({list: scenario.latestRuns(install, t)})),
	],
	[
		/^\/v1\/installs\/([^/]+)\/actions\/runs\/([^/]+)$/,
		withInstall((scenario, install, {params, t}) => found(scenario.actionRun(install, params[1]!, t), `action run ${params[1]}`)),
	],
	[
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys\/([^/]+)$/,
		withInstall((scenario, install, {params, t}) => {
			const deploy = scenario.deploy(params[2]!, t);
			if (!deploy || deploy.install_id !== install.id) return notFound(`deploy ${params[2]}`);
			return deploy.component_id === params[1] ? ok(deploy) : notFound(`deploy ${params[2]} does not belong to component ${params[1]}`);
		}),
	],
];

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

export function handle(scenario: Scenario, request: IncomingMessage, response: ServerResponse, api: DemoApi = 'today'): void {
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
	const send = (status: number, body: unknown, headers: Record<string, string> = {}) => sendText(status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
	const url = new URL(request.url ?? '/', 'http://demo');
	if (request.method !== 'GET') {
		send(405, {error: 'method not allowed', user_error: true, description: 'the demo API is read-only'});
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
	const t = scenario.clock();
	for (const [pattern, handler] of api === 'today' ? [...ROUTES, ...TODAYS_ROUTES] : ROUTES) {
		const match = pattern.exec(url.pathname);
		if (!match) continue;
		const answer = handler(scenario, {params: match.slice(1).map(decodeURIComponent), query: url.searchParams, headers: request.headers, t, api});
		if ('list' in answer) {
			// Before 2025-08-28 lists paged only when asked to with this header.
			const paged = api === 'today' || request.headers['x-nuon-pagination-enabled'] === 'true';
			if (paged) {
				const {items, headers} = paginate(answer.list, url.searchParams);
				send(200, items, headers);
			} else {
				send(200, answer.list);
			}
		} else if ('text' in answer) {
			sendText(answer.status, answer.text, answer.type);
		} else {
			send(answer.status, answer.body, answer.headers);
		}
		return;
	}
	// The server's router answers an unknown path with plain text, not the API's JSON error.
	sendText(404, '404 page not found', 'text/plain');
}

/** The API's paging: offset, limit (default 10, at most 100), page (1-based, overrides offset). */
export function paginate<T>(all: T[], query: URLSearchParams): {items: T[]; headers: Record<string, string>} {
	const limit = Math.min(MAX_LIMIT, Math.max(1, Number(query.get('limit')) || DEFAULT_LIMIT));
	const page = Number(query.get('page'));
	const offset = page >= 1 ? (page - 1) * limit : Math.max(0, Number(query.get('offset')) || 0);
	const items = all.slice(offset, offset + limit);
	return {
		items,
		headers: {
			'x-nuon-page-next': String(offset + limit < all.length),
			'x-nuon-page-offset': String(offset),
			'x-nuon-page-limit': String(limit),
		},
	};
}

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
	// Imported here, not at the top: the ESM view of node:http costs ~40 ms, and only --demo needs it.
	const {createServer} = await import('node:http');
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
