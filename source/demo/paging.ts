// How each server the demo plays pages a list: `offset`, `limit`, `page` and the X-Nuon-Page-* headers.

export interface PagedAnswer<T> {
	items: T[];
	headers: Record<string, string>;
}

/** Go's strconv.Atoi: an integer, or undefined for anything else ("10.5", "abc", ""). */
const atoi = (value: string | null): number | undefined =>
	value !== null && /^[+-]?\d+$/.test(value) ? Number(value) : undefined;

/**
 * Today's server. middlewares/pagination/offset_pagination.go reads the query: `limit` 10 unless
 * an integer is given, at most 100 (0 and negative ones are taken as they are); `page` above 0
 * overrides `offset` with (page-1)×limit. `x-nuon-pagination-enabled` is no longer read. The
 * query then asks for limit+1 rows (db/plugins/pagination: no LIMIT when that is negative, no
 * OFFSET unless above 0), and db/handle_paginated_response.go drops the extra row, setting
 * X-Nuon-Page-Next, -Offset, -Limit, and -Number when a page was asked for.
 */
export function todaysPage<T>(all: readonly T[], query: URLSearchParams): PagedAnswer<T> {
	const asked = atoi(query.get('limit'));
	const limit = asked === undefined ? 10 : Math.min(100, asked);
	const page = atoi(query.get('page')) ?? 0;
	const offset = page > 0 ? (page - 1) * limit : (atoi(query.get('offset')) ?? 0);
	const start = Math.max(0, offset);
	let items = limit + 1 >= 0 ? all.slice(start, start + limit + 1) : all.slice(start);
	const next = items.length > limit;
	if (next) items = items.slice(0, -1);
	return {
		items,
		headers: {
			'x-nuon-page-next': String(next),
			'x-nuon-page-offset': String(offset),
			'x-nuon-page-limit': String(limit),
			...(page > 0 ? {'x-nuon-page-number': String(page)} : {}),
		},
	};
}

/** August 2025's server, when asked to page (`x-nuon-pagination-enabled: true`): offset, limit (default 10,
 * at most 100), page (1-based, overrides offset). */
export function contractPage<T>(all: readonly T[], query: URLSearchParams): PagedAnswer<T> {
	const limit = Math.min(100, Math.max(1, Number(query.get('limit')) || 10));
	const page = Number(query.get('page'));
	const offset = page >= 1 ? (page - 1) * limit : Math.max(0, Number(query.get('offset')) || 0);
	return {
		items: all.slice(offset, offset + limit),
		headers: {
			'x-nuon-page-next': String(offset + limit < all.length),
			'x-nuon-page-offset': String(offset),
			'x-nuon-page-limit': String(limit),
		},
	};
}
