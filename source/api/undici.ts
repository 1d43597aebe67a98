// The two parts of undici the client uses, from their own modules. undici's index loads all it has
// (fetch, WebSocket, EventSource, proxies, mocks, caches: 245 KB of the bundle more), and all of it
// is compiled and run at start-up, before the first request can leave.
import type {Agent as UndiciAgent, Dispatcher} from 'undici';
import agentModule from 'undici/lib/dispatcher/agent.js';
import requestModule from 'undici/lib/api/api-request.js';

export const Agent = agentModule as typeof UndiciAgent;

/** undici's `request(url, {dispatcher, ...})`, which is this function called on the dispatcher. */
export function request(
	dispatcher: Dispatcher,
	url: URL,
	options: Omit<Dispatcher.RequestOptions, 'origin' | 'path'>,
): Promise<Dispatcher.ResponseData> {
	return requestModule.call(dispatcher, {...options, origin: url.origin, path: url.pathname + url.search});
}
