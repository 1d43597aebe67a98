// `--labels k:v[,k2:v2]`: the installs a session's lists keep to. Sent as `labels` (API 0.19.894,
// get_org_installs.go and get_app_installs.go) and checked here too, since an older server ignores it.
import type {NuonClient} from './client.js';
import {hasLabels, labelsQuery, type Labels} from '../domain/labels.js';
import type {Query} from './client-options.js';

const filters = new WeakMap<NuonClient, Labels>();

/** Every installs list this client reads from now on keeps to the installs with these labels. */
export const narrowToLabels = (client: NuonClient, labels: Labels): void => void filters.set(client, labels);

export const labelsFilterOf = (client: NuonClient): Labels | undefined => filters.get(client);

/** The query parameter that asks the server for them (none without a filter). */
export const labelsParameter = (client: NuonClient): Query => {
	const labels = filters.get(client);
	return labels ? {labels: labelsQuery(labels)} : {};
};

/** The installs of an answer that carry the labels, whatever the server did with the parameter. */
export function keepLabelled<T extends {labels?: unknown}>(client: NuonClient, installs: T[]): T[] {
	const labels = filters.get(client);
	return labels ? installs.filter(install => hasLabels(install, labels)) : installs;
}
