// The first screen's data, asked for before the UI is loaded: the requests travel while Ink and
// React are evaluated, and what has arrived when the UI mounts is in its first frame (SWR's
// `fallback`), so a fast API never shows a loading frame. The levels' own requests take these
// answers (NuonClient.warmUp) instead of asking again.
import {unstable_serialize as serialize} from 'swr';
import {unstable_serialize as serializePages} from 'swr/infinite';
import type {NuonClient} from '../api/client.js';
import * as api from '../api/resources.js';
import {fetchComponents, orNull} from './data.js';
import {APPS_KEY, CLI_CONFIG_KEY, componentsKey, inOrg, installsKey, latestDeployKey, listInOrg, pageKeys} from './keys.js';
import type {Location} from './navigation.js';

export interface FirstScreen {
	/** SWR fallback data, filled in as answers arrive. */
	fallback: Record<string, unknown>;
	/** Settles once every answer is in (or failed: the level meets the error itself). */
	settled: Promise<unknown>;
}

export function askForFirstScreen(client: NuonClient, location: Location): FirstScreen {
	const fallback: Record<string, unknown> = {};
	const asked: Promise<unknown>[] = [];
	const {orgId} = client;
	const ask = <T>(key: string, fetch: () => Promise<T>) =>
		asked.push(
			fetch().then(
				data => (fallback[key] = data),
				() => {},
			),
		);
	client.warmUp(() => {
		ask(serialize(inOrg(orgId, CLI_CONFIG_KEY)), () => api.getCliConfig(client));
		switch (location.kind) {
			case 'installs':
			case 'board':
				ask(serializePages(pageKeys(listInOrg(orgId, installsKey(location.appId)))), async () => [await api.listInstallsPage(client, 0, location.appId)]);
				ask(serialize(inOrg(orgId, APPS_KEY)), () => api.listApps(client));
				return;
			case 'components':
				ask(serialize(inOrg(orgId, componentsKey(location.installId))), () => fetchComponents(client, location.installId));
				return;
			case 'deploy':
				ask(serialize(inOrg(orgId, latestDeployKey(location.installId, location.componentId))), orNull(() => api.getLatestDeploy(client, location.installId, location.componentId)));
				return;
		}
	});
	return {fallback, settled: Promise.all(asked)};
}
