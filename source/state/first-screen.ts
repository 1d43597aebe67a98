// The first screen's data, asked for before the UI is loaded: the requests travel while Ink and
// React are evaluated, and what has arrived when the UI mounts is in its first frame (SWR's
// `fallback`, built by DataProvider), so a fast API never shows a loading frame. The levels' own
// requests take these answers (NuonClient.warmUp) instead of asking again. Nothing here loads
// React or SWR: the cache keys are serialized by the provider, once the UI is loaded.
import {subscribe, unsubscribe} from 'node:diagnostics_channel';
import type {NuonClient} from '../api/client.js';
import * as api from '../api/resources.js';
import {fetchComponents, orNull} from './fetchers.js';
import {
	APPS_KEY,
	CLI_CONFIG_KEY,
	componentsKey,
	inOrg,
	installsKey,
	latestDeployKey,
	listInOrg,
} from './cache-keys.js';
import type {Location} from './navigation.js';

/** One answer for the first screen: its cache key (a paged list's key is the list's, without pages). */
export interface FirstAnswer {
	key: unknown;
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

export function askForFirstScreen(client: NuonClient, location: Location): FirstScreen {
	const answers: FirstAnswer[] = [];
	const asked: Promise<unknown>[] = [];
	const {orgId} = client;
	const sending = countSent();
	const ask = <T>(key: unknown, fetch: () => Promise<T>, paged = false) =>
		asked.push(
			fetch().then(
				data => answers.push({key, paged, data}),
				() => {},
			),
		);
	client.warmUp(() => {
		ask(inOrg(orgId, CLI_CONFIG_KEY), () => api.getCliConfig(client));
		switch (location.kind) {
			case 'installs':
			case 'board':
				ask(
					listInOrg(orgId, installsKey(location.appId)),
					async () => [await api.listInstallsPage(client, 0, location.appId)],
					true,
				);
				ask(inOrg(orgId, APPS_KEY), () => api.listApps(client));
				return;
			case 'components':
				ask(inOrg(orgId, componentsKey(location.installId)), () =>
					fetchComponents(client, location.installId),
				);
				return;
			case 'deploy':
				ask(
					inOrg(orgId, latestDeployKey(location.installId, location.componentId)),
					orNull(() => api.getLatestDeploy(client, location.installId, location.componentId)),
				);
				return;
		}
	});
	const settled = Promise.all(asked);
	return {answers, settled, sent: sending.until(asked.length, settled)};
}
