// Paging of the list endpoints: one page, or every page of a short list.
import type {Query} from './client-options.js';
import type {NuonClient} from './client.js';
import {items} from '../domain/fields.js';

/** The API's largest page. */
export const PAGE_LIMIT = 100;

export interface Page<T> {
	items: T[];
	offset: number;
	hasNext: boolean;
	/** Where the next page starts, when that is not after this page's items (items were left out). */
	nextOffset?: number;
}

/**
 * Servers before 2025-08-28 page only when asked with this header; without it they send the whole
 * list. Today's servers page either way, so it is always sent.
 */
const PAGING_HEADERS = {'x-nuon-pagination-enabled': 'true'};

/**
 * One page of a list endpoint: always sends `limit`, reads `X-Nuon-Page-Next`. An answer with more
 * items than the limit is an unpaged one (an older server ignoring `limit`): it is the whole list.
 */
export async function listPage<T>(
	client: NuonClient,
	path: string,
	offset = 0,
	query: Query = {},
	limit = PAGE_LIMIT,
): Promise<Page<T>> {
	const {data, headers} = await client.get<T[] | null>(path, {
		query: {...query, offset, limit},
		headers: PAGING_HEADERS,
	});
	// Items that are not objects are left out: a list row needs an object to read.
	const rows = items<T & object>(data);
	const unpaged = rows.length > limit;
	return {
		items: rows,
		offset,
		hasNext: !unpaged && headers['x-nuon-page-next'] === 'true' && rows.length > 0,
	};
}

/** Every page of a list endpoint, for short lists (apps, an install's components). */
export async function listAll<T>(
	client: NuonClient,
	path: string,
	query: Query = {},
	maxItems = 5000,
): Promise<T[]> {
	const all: T[] = [];
	for (let offset = 0; ; ) {
		const page = await listPage<T>(client, path, offset, query);
		all.push(...page.items);
		if (!page.hasNext || all.length >= maxItems) return all;
		offset += page.items.length;
	}
}
