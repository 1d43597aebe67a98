// The first screen's data, asked for before the UI is loaded: the requests travel while Ink and
// React are evaluated, and what has arrived when the UI mounts is in its first frame (SWR's
// `fallback`, built by DataProvider), so a fast API never shows a loading frame. The levels' own
// requests take these answers (NuonClient.warmUp) instead of asking again. Nothing here loads
// React or SWR: the cache keys are serialized by the provider, once the UI is loaded.
import {subscribe, unsubscribe} from 'node:diagnostics_channel';
import type {NuonClient} from '../api/client.js';
import {inOrg, listInOrg} from './cache-keys.js';
import {ENDPOINTS, ask, type Ask} from './endpoints.js';
import {firstScreenAsks, type Location} from './locations.js';

/** One answer for the first screen: its cache key (a paged list's key is the list's, without pages). */
export interface FirstAnswer {
	key: unknown[] | string;
	paged: boolean;
	data: unknown;
}

export interface FirstScreen {
	/** The answers, filled in as they arrive. */
	answers: FirstAnswer[];
	/** Settles once every answer is in (or failed: the level meets the error itself). */
	settled: Promise<unknown>;
	/**
	 * Settles once every request has been written to its socket (or has settled). Evaluating the UI
	 * keeps the event loop busy, so a request still connecting then would wait for it to finish.
	 */
	sent: Promise<unknown>;
}

/** undici publishes here when it has written a request's headers to its socket. */
const SENT_CHANNEL = 'undici:client:sendHeaders';

/** Counts the requests written from now on; `until` settles once `count` are (or `settled` has). */
function countSent() {
	let sent = 0;
	let check = () => {};
	const onSent = () => {
		sent++;
		check();
	};
	subscribe(SENT_CHANNEL, onSent);
	return {
		until(count: number, settled: Promise<unknown>): Promise<unknown> {
			const allSent = new Promise<void>(resolve => {
				check = () => {
					if (sent >= count) resolve();
				};
				check();
			});
			const done = Promise.race([allSent, settled]);
			void done.finally(() => unsubscribe(SENT_CHANNEL, onSent));
			return done;
		},
	};
}

/**
 * Asks for what the level at `location` shows first (its line of FIRST_SCREEN in locations.ts says
 * what), and where the dashboard is.
 */
export function askForFirstScreen(client: NuonClient, location: Location): FirstScreen {
	const answers: FirstAnswer[] = [];
	const asked: Promise<unknown>[] = [];
	const {orgId} = client;
	const sending = countSent();
	const send = (request: Ask) => {
		const [key, fetch] = request.paged
			? [
					listInOrg(orgId, request.endpoint.key(request.params)),
					async () => [await request.endpoint.fetchPage(client, request.params, 0)],
				]
			: [
					inOrg(orgId, request.endpoint.key(request.params)),
					() => request.endpoint.fetch(client, request.params),
				];
		asked.push(
			fetch().then(
				data => answers.push({key, paged: request.paged, data}),
				() => {},
			),
		);
	};
	client.warmUp(() => {
		for (const request of [ask(ENDPOINTS.cliConfig, {}), ...firstScreenAsks(location)]) send(request);
	});
	const settled = Promise.all(asked);
	return {answers, settled, sent: sending.until(asked.length, settled)};
}
