// Where today's server and the contract's differ: which route this server answers, learnt per session.
import type {NuonClient} from './client.js';
import {NuonApiError} from './errors.js';

/**
 * Which of two routes for the same thing this server answers, learnt once per client (session):
 * `current` (today's route, outside the contract) is tried first; a 404 there tries `legacy` (the
 * contract's), and whichever answered is used from then on. `gone`: an optional route that 404s.
 */
type RouteAnswer = 'current' | 'legacy' | 'gone';
const routeMemory = new WeakMap<NuonClient, Map<string, RouteAnswer>>();

export function memoryOf(client: NuonClient): Map<string, RouteAnswer> {
	let memory = routeMemory.get(client);
	if (!memory) {
		memory = new Map();
		routeMemory.set(client, memory);
	}
	return memory;
}

export async function eitherRoute<T>(
	client: NuonClient,
	name: string,
	[current, legacy]: readonly [string, string],
	fetch: (path: string) => Promise<T>,
): Promise<T> {
	const memory = memoryOf(client);
	const known = memory.get(name);
	if (known === 'legacy') return fetch(legacy);
	try {
		const answer = await fetch(current);
		memory.set(name, 'current');
		return answer;
	} catch (error) {
		if (known === 'current' || !(error instanceof NuonApiError && error.isNotFound)) throw error;
	}
	const answer = await fetch(legacy);
	memory.set(name, 'legacy');
	return answer;
}

export const getData =
	<T>(client: NuonClient) =>
	async (path: string) =>
		(await client.get<T>(path)).data;

/** The routes this client has learnt, for the debug log and tests: name → current or legacy. */
export const learntRoutes = (client: NuonClient): ReadonlyMap<string, RouteAnswer> => memoryOf(client);
