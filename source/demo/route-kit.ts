// What every route of the demo API is made of: the request it reads, the answers it gives (a body, a
// list to page, text, gzipped JSON), a 404 in the API's shape or the router's.
import type {IncomingMessage} from 'node:http';
import {since, type DemoApi} from './api-mode.js';
import type {Scenario} from './scenario.js';

export interface Request {
	params: string[];
	/** A POST's body, parsed (undefined when it is not JSON). */
	body?: unknown;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	t: number;
	api: DemoApi;
}

/** `each`: what an item of the list is sent as, made only for the items of the page asked for. */
export type Answer =
	| {status: number; body: unknown; headers?: Record<string, string>}
	| {list: unknown[]; each?: (item: never) => unknown}
	| {status: number; text: string; type: string}
	| {status: number; gzipJson: unknown};
export type Handler = (scenario: Scenario, request: Request) => Answer;

export const notFound = (what: string): Answer => ({
	status: 404,
	body: {error: 'not found', user_error: true, description: `${what} not found`},
});
export const ok = (body: unknown): Answer => ({status: 200, body});

/** What a route behind a feature flag answers an org without it, since 2026 (features/errors.go,
 * ErrFeatureNotEnabled, rendered by stderr's handler as a user error). */
export const featureNotEnabled = (feature: string): Answer => ({
	status: 400,
	body: {
		error: `feature not enabled: ${feature}`,
		user_error: true,
		description: `This operation requires the '${feature}' feature to be enabled for your organization`,
	},
});

export function withInstall(
	handler: (
		scenario: Scenario,
		install: NonNullable<ReturnType<Scenario['findInstall']>>,
		request: Request,
	) => Answer,
): Handler {
	return (scenario, request) => {
		const install = scenario.findInstall(request.params[0]!);
		return install ? handler(scenario, install, request) : notFound(`install ${request.params[0]}`);
	};
}

export const found = (body: unknown, what: string): Answer =>
	body === undefined ? notFound(what) : ok(body);

/** What gin answers for a path no route of the public API has. */
export const routerNotFound: Answer = {status: 404, text: '404 page not found', type: 'text/plain'};

/** Today's shape of an object (todays-shapes.ts) on today's server, the full one on the contract's. */
export const shaped = <T>(api: Request['api'], object: T, today: (object: T) => T): T =>
	since(api, '2025-12') ? today(object) : object;
