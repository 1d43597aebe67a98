// Faults the demo API can inject, for trying the explorer (and testing it) against a misbehaving
// API, for example:
//   --demo-faults latency=2000,error-rate=0.2,429-every=10,reset-every=15,hang-every=20,html-502,
//                 bad-json-every=25,expire-token-after=60
import type {IncomingMessage, ServerResponse} from 'node:http';
import {randomBytes} from 'node:crypto';
import {random} from './random.js';
import type {Faults} from '../demo-options.js';

export type {Faults};

export type Intercept = (request: IncomingMessage, response: ServerResponse, proceed: () => void) => boolean;

const HTML_502 =
	'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad ' +
	'Gateway</h1></center><hr><center>nginx</center></body></html>';

/** An intercept for the demo server that injects the faults; `enabled()` turns it off and on. */
export function faultInjector(
	faults: Faults,
	{seed = 11, now = Date.now}: {seed?: number; now?: () => number} = {},
): Intercept & {enabled: boolean} {
	const rand = random(seed);
	const started = now();
	let count = 0;
	const every = (n: number | undefined) => !!n && count % n === 0;
	const intercept = ((request, response, proceed) => {
		if (!intercept.enabled) return false;
		count++;
		const traceId = randomBytes(8).toString('hex');
		const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			response
				.writeHead(status, {'content-type': 'application/json', 'x-nuon-trace-id': traceId, ...headers})
				.end(JSON.stringify(body));
		};
		const act = () => {
			if (faults.expireTokenAfter !== undefined && now() - started >= faults.expireTokenAfter * 1000) {
				json(401, {error: 'unauthorized', user_error: true, description: 'token expired'});
			} else if (every(faults.hangEvery)) {
				// never answer; the client's timeout must notice
			} else if (every(faults.resetEvery)) {
				request.socket.destroy();
			} else if (every(faults.every429)) {
				json(
					429,
					{error: 'rate limited', user_error: true, description: 'too many requests'},
					{'retry-after': String(faults.retryAfter ?? 2)},
				);
			} else if (every(faults.badJsonEvery)) {
				response
					.writeHead(200, {'content-type': 'application/json', 'x-nuon-trace-id': traceId})
					.end('{"id": "inl', 'utf8');
			} else if (faults.errorRate && rand() < faults.errorRate) {
				if (faults.html502)
					response.writeHead(502, {'content-type': 'text/html', 'x-nuon-trace-id': traceId}).end(HTML_502);
				else
					json(500, {
						error: 'internal error',
						user_error: false,
						description: 'the control plane had a problem',
					});
			} else {
				proceed();
			}
		};
		if (faults.latency) setTimeout(act, faults.latency);
		else act();
		return true;
	}) as Intercept & {enabled: boolean};
	intercept.enabled = true;
	return intercept;
}
