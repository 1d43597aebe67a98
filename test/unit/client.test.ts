// The client against the demo server over real HTTP, with faults injected in front of it.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {afterEach, describe, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {NuonApiError, describeError} from '../../source/api/errors.js';
import {getLatestDeploy, listAll, listInstallsPage} from '../../source/api/resources.js';
import {demoForFile} from '../helpers/demo-server.js';

type Fault = (request: IncomingMessage, response: ServerResponse) => boolean;
let fault: Fault | undefined;
const seen: IncomingMessage[] = [];
const demo = demoForFile({
	installCount: 250,
	intercept: (request, response) => {
		seen.push(request);
		return fault?.(request, response) ?? false;
	},
});
afterEach(() => {
	fault = undefined;
	seen.length = 0;
});

const client = (options: Partial<ConstructorParameters<typeof NuonClient>[0]> = {}) =>
	new NuonClient({
		baseUrl: demo.url,
		token: 'secret-token',
		orgId: demo.scenario.orgId,
		backoffMs: 20,
		timeoutMs: 2000,
		...options,
	});

/** Answers the first `times` requests with `answer`, then lets them through. */
function failTimes(times: number, answer: (response: ServerResponse) => void): Fault {
	let left = times;
	return (_request, response) => {
		if (left <= 0) return false;
		left--;
		answer(response);
		return true;
	};
}

const reject = (error: Promise<unknown>) =>
	error.then(
		() => expect.unreachable('should have failed'),
		(e: unknown) => e as NuonApiError,
	);

describe('NuonClient', () => {
	it('sends the bearer token and the org header, and always a limit on lists', async () => {
		const page = await listInstallsPage(client(), 0);
		expect(page.items).toHaveLength(100);
		expect(page.hasNext).toBe(true);
		expect(seen[0]!.headers.authorization).toBe('Bearer secret-token');
		expect(seen[0]!.headers['x-nuon-org-id']).toBe(demo.scenario.orgId);
		expect(new URL(seen[0]!.url!, 'http://x').searchParams.get('limit')).toBe('100');
	});

	it('follows X-Nuon-Page-Next to the end of a list', async () => {
		const all = await listAll(client(), '/v1/installs');
		expect(all).toHaveLength(250);
		expect(seen).toHaveLength(3);
	});

	it('retries 502, 503 and 504 with backoff, then succeeds', async () => {
		let status = 501;
		fault = failTimes(3, response => {
			status++;
			response.writeHead(status, {'content-type': 'application/json'}).end('{}');
		});
		const page = await listInstallsPage(client(), 0);
		expect(page.items.length).toBeGreaterThan(0);
		expect(seen).toHaveLength(4);
	});

	it('honours Retry-After on a 429', async () => {
		fault = failTimes(1, response => response.writeHead(429, {'retry-after': '1'}).end());
		const started = Date.now();
		await listInstallsPage(client(), 0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(seen).toHaveLength(2);
	});

	it('hands a long Retry-After to the caller instead of waiting it out', async () => {
		fault = failTimes(1, response => response.writeHead(429, {'retry-after': '120'}).end());
		const error = await reject(listInstallsPage(client(), 0));
		expect(error.status).toBe(429);
		expect(error.retryAfterMs).toBe(120_000);
		expect(seen).toHaveLength(1);
	});

	it('does not retry other 4xx, and carries the API error, description and trace id', async () => {
		fault = failTimes(1, response =>
			response.writeHead(403, {'content-type': 'application/json', 'x-nuon-trace-id': 'trace-403'}).end(
				JSON.stringify({
					error: 'forbidden',
					user_error: true,
					description: 'you are not a member of this org',
				}),
			),
		);
		const error = await reject(listInstallsPage(client(), 0));
		expect(seen).toHaveLength(1);
		expect(error).toBeInstanceOf(NuonApiError);
		expect(error).toMatchObject({
			status: 403,
			apiError: 'forbidden',
			description: 'you are not a member of this org',
			traceId: 'trace-403',
		});
		expect(describeError(error)).toBe(
			'HTTP 403 forbidden: you are not a member of this org — this token may not read this org: check the ' +
				'org id (--org, NUON_ORG_ID, org_id) (trace trace-403)',
		);
	});

	it('turns an HTML page from a proxy into an error, not a crash', async () => {
		fault = failTimes(10, response =>
			response.writeHead(502, {'content-type': 'text/html'}).end('<html><body>Bad Gateway</body></html>'),
		);
		const error = await reject(listInstallsPage(client({retries: 1}), 0));
		expect(error.status).toBe(502);
		expect(error.message).toBe('HTTP 502 bad gateway: an HTML page from a proxy');
		expect(seen).toHaveLength(2);
	});

	it('reports a 200 whose body is not JSON as an unreadable response', async () => {
		fault = failTimes(1, response =>
			response.writeHead(200, {'content-type': 'application/json'}).end('{"id": "trunc'),
		);
		const error = await reject(listInstallsPage(client(), 0));
		expect(error.kind).toBe('bad-response');
		expect(error.message).toMatch(/Unreadable response/);
	});

	it('times out a request that never answers, retries it, and says so', async () => {
		fault = () => true; // never answers
		const started = Date.now();
		const error = await reject(listInstallsPage(client({timeoutMs: 300, retries: 1}), 0));
		expect(error.kind).toBe('timeout');
		expect(error.message).toBe('No answer from the API within 0.3s');
		expect(seen).toHaveLength(2);
		expect(Date.now() - started).toBeLessThan(3000);
	});

	it('retries a connection reset', async () => {
		fault = failTimes(1, response => response.socket?.destroy());
		const page = await listInstallsPage(client(), 0);
		expect(page.items.length).toBeGreaterThan(0);
		expect(seen).toHaveLength(2);
	});

	it(
		'says a 401 means a bad or expired token, with the way to get a new one, and never shows the ' + 'token',
		async () => {
			fault = failTimes(1, response =>
				response.writeHead(401, {'content-type': 'application/json'}).end('{"error":"unauthorized"}'),
			);
			const error = await reject(listInstallsPage(client(), 0));
			expect(describeError(error)).toMatch(/401 token invalid or expired.*nuon auth login/);
			expect(describeError(error)).not.toMatch(/retrying/);
			expect(JSON.stringify({...error, message: error.message})).not.toContain('secret-token');
		},
	);

	it(
		'after a long 429, holds every request until Retry-After has passed, without asking ' + 'the API',
		async () => {
			// Long: over the most this client waits for (100 ms), so it holds requests rather than waiting.
			fault = failTimes(1, response => response.writeHead(429, {'retry-after': '0.5'}).end());
			const shared = client({maxRetryAfterMs: 100});
			await reject(listInstallsPage(shared, 0));
			const blocked = await reject(listInstallsPage(shared, 0));
			expect(blocked.status).toBe(429);
			expect(blocked.message).toMatch(/waiting 1s/);
			expect(seen).toHaveLength(1);
			await new Promise(resolve => setTimeout(resolve, 550));
			await listInstallsPage(shared, 0);
			expect(seen).toHaveLength(2);
		},
	);

	it('after a 401, stops sending the token at all', async () => {
		fault = failTimes(1, response => response.writeHead(401).end());
		const shared = client();
		await reject(listInstallsPage(shared, 0));
		expect((await reject(listInstallsPage(shared, 0))).status).toBe(401);
		expect(seen).toHaveLength(1);
	});

	it('sanitizes every string of a response', async () => {
		fault = failTimes(1, response =>
			response.writeHead(200, {'content-type': 'application/json'}).end(
				JSON.stringify({
					id: 'ind1',
					status: 'active\u001B[2J',
					status_description: '\u001B]0;owned\u0007ok',
					runner_jobs: [],
				}),
			),
		);
		const deploy = await getLatestDeploy(client(), 'inl', 'cmp');
		expect(deploy).toMatchObject({status: 'active', status_description: 'ok'});
	});

	it('asks once when the same document is asked for again while it is on its way', async () => {
		const shared = client();
		const [first, second] = await Promise.all([listInstallsPage(shared, 0), listInstallsPage(shared, 0)]);
		expect(second.items).toEqual(first.items);
		expect(seen).toHaveLength(1);
		await listInstallsPage(shared, 0);
		expect(seen).toHaveLength(2); // an answer that has arrived is not kept: the next ask is a fresh request
		await listInstallsPage(shared, 100);
		expect(seen).toHaveLength(3);
		await shared.close();
	});

	it('keeps a warmed-up answer for its first taker only', async () => {
		const warm = client();
		let asked: Promise<unknown> | undefined;
		warm.warmUp(() => {
			asked = listInstallsPage(warm, 0);
		});
		await asked;
		expect(seen).toHaveLength(1);
		expect((await listInstallsPage(warm, 0)).items).toHaveLength(100);
		expect(seen).toHaveLength(1); // taken from the warm-up
		await listInstallsPage(warm, 0);
		expect(seen).toHaveLength(2);
		await warm.close();
	});

	it('hands a warmed-up failure to its taker, not to the process', async () => {
		fault = failTimes(1, response =>
			response.writeHead(404, {'content-type': 'application/json'}).end('{"error":"not found"}'),
		);
		const warm = client();
		warm.warmUp(() => void getLatestDeploy(warm, 'inl-missing', 'cmp').catch(() => {}));
		await new Promise(resolve => setTimeout(resolve, 100));
		const error = await reject(getLatestDeploy(warm, 'inl-missing', 'cmp'));
		expect(error.status).toBe(404);
		expect(seen).toHaveLength(1);
		await warm.close();
	});
});
