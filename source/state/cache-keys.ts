// The cache keys of the explorer's resources. A key is made only by its resource's definition
// (state/endpoints.ts): its namespace (the resource's name in that table, unique by construction),
// then the parts that tell its things apart, typed by what it caches. So two resources never share
// a key, and a raw array does not pass for one. Every key is scoped to the org it was asked for
// (`inOrg`), so that after `:org` nothing cached for the old org can answer for the new one.
import type {Page} from '../api/resources.js';

declare const CACHES: unique symbol;

/** A resource's key: [namespace, ...parts], caching a `T`. */
export type CacheKey<T> = readonly string[] & {readonly [CACHES]?: T};
/** A paged list's key is a string (useSWRInfinite adds the offset); its pages hold `T`s. */
export type PagedKey<T> = string & {readonly [CACHES]?: Page<T>};

export const cacheKey = <T>(namespace: string, parts: readonly string[]): CacheKey<T> => [
	namespace,
	...parts,
];
export const pagedKey = <T>(namespace: string, parts: readonly string[]): PagedKey<T> =>
	JSON.stringify([namespace, ...parts]);

/** How the raw-data view names what a key cached: "components inl1". */
export const keyLabel = (key: CacheKey<unknown> | PagedKey<unknown>): string =>
	(typeof key === 'string' ? (JSON.parse(key) as string[]) : key).join(' ');

export const inOrg = (orgId: string, key: CacheKey<unknown>): unknown[] => [orgId, key];
export const listInOrg = (orgId: string, key: PagedKey<unknown>): string => `${orgId}|${key}`;

/** The key of each page of a paged list: [list key, offset], none past the last page. */
export const pageKeys =
	<T>(key: string | undefined) =>
	(_index: number, previous: Page<T> | null) => {
		if (!key || (previous && !previous.hasNext)) return null;
		return [key, previous ? (previous.nextOffset ?? previous.offset + previous.items.length) : 0] as const;
	};
