// The cache keys of the explorer's resources, shared by the data hooks and the first-screen warm-up.
// Every key is scoped to the org it was asked for (`inOrg`), so that after `:org` nothing cached
// for the old org can answer for the new one.
import type {Page} from '../api/resources.js';

export const inOrg = (orgId: string, key: unknown): unknown[] => [orgId, key];
/** A paged list's key is a string (useSWRInfinite adds the offset). */
export const listInOrg = (orgId: string, key: string): string => `${orgId}|${key}`;

export const APPS_KEY = 'apps';
export const CLI_CONFIG_KEY = 'cli-config';
export const ACCOUNTS_KEY = 'accounts';
export const installsKey = (appId: string | undefined, query?: string) =>
	`installs:${appId ?? '*'}:${query ?? ''}`;
export const componentsKey = (installId: string) => ['components', installId];
export const latestDeployKey = (installId: string, componentId: string) => [
	'latest-deploy',
	installId,
	componentId,
];

/** The key of each page of a paged list: [list key, offset], none past the last page. */
export const pageKeys =
	<T>(key: string | undefined) =>
	(_index: number, previous: Page<T> | null) => {
		if (!key || (previous && !previous.hasNext)) return null;
		return [key, previous ? (previous.nextOffset ?? previous.offset + previous.items.length) : 0] as const;
	};
