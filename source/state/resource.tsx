// Resources: SWR with the explorer's refresh and retry policy. A level reads its data through
// `useEndpoint` or `usePagedEndpoint` (the endpoints are defined in endpoints.ts); only mounted
// levels poll (the covered ones with polling switched off, see ui/shell/app.tsx), and a failed
// refresh keeps the last good data.
import React, {createContext, useCallback, useContext, useState, type ReactNode} from 'react';
import useSWR, {SWRConfig, unstable_serialize, type SWRConfiguration} from 'swr';
import useSWRInfinite, {unstable_serialize as serializePages} from 'swr/infinite';
import type {FirstAnswer} from './first-screen.js';
import type {NuonClient} from '../api/client.js';
import {RawDataContext} from './raw-data.js';
import {useRefreshWhenUncovered} from './on-screen.js';
import {isRetryable} from '../api/errors.js';
import type * as api from '../api/resources.js';
import {inOrg, keyLabel, listInOrg, pageKeys, type CacheKey, type PagedKey} from './cache-keys.js';
import type {Endpoint, PagedEndpoint} from './endpoints.js';
import {retryDelay} from '../domain/backoff.js';

const ClientContext = createContext<NuonClient | undefined>(undefined);

export function useClient(): NuonClient {
	const client = useContext(ClientContext);
	if (!client) throw new Error('useClient outside DataProvider');
	return client;
}

/** How long to wait before retrying a failed request: Retry-After, else backoff up to 60 s. */
export function errorRetryDelay(error: unknown, retryCount: number, refreshMs: number): number | undefined {
	return isRetryable(error) ? retryDelay(error, retryCount, refreshMs) : undefined;
}

export function swrOptions(refreshMs: number): SWRConfiguration {
	return {
		provider: () => new Map(),
		dedupingInterval: Math.min(2000, refreshMs / 2),
		revalidateOnFocus: false,
		revalidateOnReconnect: false,
		keepPreviousData: true,
		onErrorRetry: (error, _key, _config, revalidate, {retryCount}) => {
			const delay = errorRetryDelay(error, retryCount, refreshMs);
			if (delay !== undefined) setTimeout(() => void revalidate({retryCount}), delay).unref?.();
		},
	};
}

/** `firstScreen`: data the first screen shows before its own requests answer (see first-screen.ts). */
export function DataProvider({
	client,
	refreshMs,
	firstScreen = [],
	children,
}: {
	client: NuonClient;
	refreshMs: number;
	firstScreen?: readonly FirstAnswer[];
	children: ReactNode;
}) {
	// SWR retries the screens' requests (onErrorRetry above); the client retrying under it would
	// turn one failure into several requests per attempt.
	useState(() => client.setRetries(0));
	const fallback = Object.fromEntries(
		firstScreen.map(answer => [
			answer.paged ? serializePages(pageKeys(answer.key as string)) : unstable_serialize(answer.key),
			answer.data,
		]),
	);
	return (
		<ClientContext.Provider value={client}>
			<SWRConfig value={{...swrOptions(refreshMs), fallback}}>{children}</SWRConfig>
		</ClientContext.Provider>
	);
}

/** What every level shows about its data: the header and stale marker read it. */
export interface Resource<T> {
	data?: T;
	error?: unknown;
	isLoading: boolean;
	isValidating: boolean;
	/** When data last arrived (ms). */
	updatedAt?: number;
	refresh: () => void;
	/** What a resource combined from several requests could not get (see RefreshState). */
	partial?: string;
}

function useUpdatedAt(): [number | undefined, () => void] {
	const [updatedAt, setUpdatedAt] = useState<number>();
	return [updatedAt, useCallback(() => setUpdatedAt(Date.now()), [])];
}

/**
 * What an endpoint answers for `params` (none: nothing is fetched), with the explorer's refresh
 * and retry policy; `options` adds to the endpoint's own.
 */
export function useEndpoint<Params, T>(
	endpoint: Endpoint<Params, T>,
	params: Params | undefined,
	options?: SWRConfiguration,
): Resource<T> {
	const client = useClient();
	return useResource(
		params === undefined ? undefined : endpoint.key(params),
		() => endpoint.fetch(client, params!),
		{
			...endpoint.options,
			...options,
		},
	);
}

function useResource<T>(
	key: CacheKey<T> | undefined,
	fetcher: () => Promise<T>,
	options: SWRConfiguration,
): Resource<T> {
	const {orgId} = useClient();
	const [updatedAt, touch] = useUpdatedAt();
	const swr = useSWR<T>(key ? inOrg(orgId, key) : null, fetcher, {...options, onSuccess: touch});
	const raw = useContext(RawDataContext);
	if (key && swr.data !== undefined) raw?.set(keyLabel(key), swr.data);
	const refresh = useCallback(() => void swr.mutate(), [swr.mutate]);
	useRefreshWhenUncovered(refresh);
	return {
		data: swr.data,
		error: swr.error,
		isLoading: swr.isLoading,
		isValidating: swr.isValidating,
		updatedAt,
		refresh,
	};
}

export interface PagedResource<T> extends Resource<T[]> {
	hasMore: boolean;
	loadMore: () => void;
}

/** A paged list: the first page shows at once, further pages load on request; polling refreshes loaded pages.
 * */
export function usePagedEndpoint<Params, T>(
	endpoint: PagedEndpoint<Params, T>,
	params: Params,
): PagedResource<T> {
	const client = useClient();
	return usePagedResource(endpoint.key(params), offset => endpoint.fetchPage(client, params, offset));
}

function usePagedResource<T>(
	key: PagedKey<T>,
	fetchPage: (offset: number) => Promise<api.Page<T>>,
): PagedResource<T> {
	const {orgId} = useClient();
	const [updatedAt, touch] = useUpdatedAt();
	// A refresh (a poll, r) reads every loaded page again (revalidateAll); growing by a page must not:
	// SWR's setSize revalidates every page too, so 25 pages loaded one by one cost 325 requests. While
	// the list grows to `growingTo` pages, revalidateAll is off: only the missing page is read.
	const [growingTo, setGrowingTo] = useState<number>();
	const growing = growingTo !== undefined;
	const swr = useSWRInfinite(pageKeys<T>(listInOrg(orgId, key)), ([, offset]) => fetchPage(offset), {
		revalidateAll: !growing,
		revalidateFirstPage: !growing,
		onSuccess: touch,
	});
	const pages = swr.data;
	const last = pages?.at(-1);
	const hasMore = !!last?.hasNext;
	const {setSize, size} = swr;
	React.useEffect(() => {
		if (growingTo === undefined) return;
		void setSize(growingTo).finally(() => setGrowingTo(undefined));
	}, [growingTo, setSize]);
	const loadMore = useCallback(() => {
		if (hasMore && !growing && pages?.length === size) setGrowingTo(size + 1);
	}, [hasMore, growing, pages?.length, size]);
	const data = React.useMemo(() => pages?.flatMap(page => page.items), [pages]);
	const raw = useContext(RawDataContext);
	if (data !== undefined) raw?.set(keyLabel(key), data);
	const refresh = useCallback(() => void swr.mutate(), [swr.mutate]);
	useRefreshWhenUncovered(refresh);
	return {
		data,
		error: swr.error,
		isLoading: swr.isLoading,
		isValidating: swr.isValidating,
		updatedAt,
		refresh,
		hasMore,
		loadMore,
	};
}
