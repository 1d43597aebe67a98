// Data hooks: SWR with the refresh policy of the explorer. Only mounted hooks poll, and only the
// level on top of the navigation stack is mounted. Failed refreshes keep the last good data.
import React, {createContext, useCallback, useContext, useState, type ReactNode} from 'react';
import useSWR, {SWRConfig, unstable_serialize, useSWRConfig, type SWRConfiguration, type Key} from 'swr';
import useSWRInfinite, {unstable_serialize as serializePages} from 'swr/infinite';
import type {FirstAnswer} from './first-screen.js';
import type {NuonClient} from '../api/client.js';
import {RawDataContext} from './raw-data.js';
import {isRetryable, NuonApiError} from '../api/errors.js';
import {fetchComponents, orNull, type Components} from './fetchers.js';
import * as api from '../api/resources.js';
import {APPS_KEY, CLI_CONFIG_KEY, componentsKey, inOrg, installsKey, latestDeployKey, listInOrg, pageKeys} from './keys.js';
import {backoff} from '../domain/backoff.js';

const ClientContext = createContext<NuonClient | undefined>(undefined);

export function useClient(): NuonClient {
	const client = useContext(ClientContext);
	if (!client) throw new Error('useClient outside DataProvider');
	return client;
}

/** How long to wait before retrying a failed request: Retry-After, else backoff up to 60 s. */
export function errorRetryDelay(error: unknown, retryCount: number, refreshMs: number): number | undefined {
	if (!isRetryable(error)) return undefined;
	if (error instanceof NuonApiError && error.retryAfterMs !== undefined) return error.retryAfterMs;
	return backoff(refreshMs, retryCount - 1, 60_000);
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
export function DataProvider({client, refreshMs, firstScreen = [], children}: {client: NuonClient; refreshMs: number; firstScreen?: readonly FirstAnswer[]; children: ReactNode}) {
	// SWR retries the screens' requests (onErrorRetry above); the client retrying under it would
	// turn one failure into several requests per attempt.
	useState(() => client.setRetries(0));
	const fallback = Object.fromEntries(firstScreen.map(answer => [answer.paged ? serializePages(pageKeys(answer.key as string)) : unstable_serialize(answer.key as Key), answer.data]));
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

/** `key`: what it is within the org (null: nothing to fetch); the org is added here. */
export function useResource<T>(key: Key, fetcher: () => Promise<T>, options: SWRConfiguration = {}): Resource<T> {
	const {orgId} = useClient();
	const [updatedAt, touch] = useUpdatedAt();
	const swr = useSWR<T>(key === null || key === undefined ? null : inOrg(orgId, key), fetcher, {...options, onSuccess: touch});
	const raw = useContext(RawDataContext);
	if (swr.data !== undefined) raw?.set(JSON.stringify(key), swr.data);
	return {
		data: swr.data,
		error: swr.error,
		isLoading: swr.isLoading,
		isValidating: swr.isValidating,
		updatedAt,
		refresh: useCallback(() => void swr.mutate(), [swr.mutate]),
	};
}

export interface PagedResource<T> extends Resource<T[]> {
	hasMore: boolean;
	loadMore: () => void;
}

/** A paged list: the first page shows at once, further pages load on request; polling refreshes loaded pages. */
export function usePagedResource<T>(key: string | undefined, fetchPage: (offset: number) => Promise<api.Page<T>>): PagedResource<T> {
	const {orgId} = useClient();
	const [updatedAt, touch] = useUpdatedAt();
	const swr = useSWRInfinite(pageKeys<T>(key && listInOrg(orgId, key)), ([, offset]) => fetchPage(offset), {revalidateAll: true, revalidateFirstPage: true, onSuccess: touch});
	const pages = swr.data;
	const last = pages?.at(-1);
	const hasMore = !!last?.hasNext;
	const loading = swr.isValidating && pages !== undefined && swr.size > pages.length;
	const {setSize} = swr;
	const loadMore = useCallback(() => {
		if (hasMore && !loading) void setSize(size => size + 1);
	}, [hasMore, loading, setSize]);
	const data = React.useMemo(() => pages?.flatMap(page => page.items), [pages]);
	const raw = useContext(RawDataContext);
	if (data !== undefined) raw?.set(key ?? 'list', data);
	return {
		data,
		error: swr.error,
		isLoading: swr.isLoading,
		isValidating: swr.isValidating,
		updatedAt,
		refresh: useCallback(() => void swr.mutate(), [swr.mutate]),
		hasMore,
		loadMore,
	};
}

// ---- the explorer's resources ---------------------------------------------------------------------

/** Installs (one app's or all), or, with `query`, the server's search results (`q`). */
export function useInstalls(appId: string | undefined, query?: string): PagedResource<api.Install> {
	const client = useClient();
	return usePagedResource(installsKey(appId, query), offset => api.listInstallsPage(client, offset, appId, query || undefined));
}

export function useApps(): Resource<api.App[]> {
	const client = useClient();
	return useResource(APPS_KEY, () => api.listApps(client), {refreshInterval: 60_000});
}

export type {ComponentRow, Components} from './fetchers.js';

export function useComponents(installId: string): Resource<Components> {
	const client = useClient();
	return useResource(componentsKey(installId), () => fetchComponents(client, installId));
}

/**
 * Fills the cache with what the next level will ask for, so Enter shows it at once. Skipped when
 * it is cached already; errors are left for the level itself to meet.
 */
export function usePrefetch(): {components: (installId: string) => void; latestDeploy: (installId: string, componentId: string) => void} {
	const client = useClient();
	const {mutate, cache} = useSWRConfig();
	return React.useMemo(() => {
		const fill = <T,>(within: unknown[], fetch: () => Promise<T>) => {
			const key = inOrg(client.orgId, within);
			if (cache.get(unstable_serialize(key))?.data !== undefined) return;
			fetch().then(
				data => void mutate(key, data, {revalidate: false}),
				() => {},
			);
		};
		return {
			components: installId => fill(componentsKey(installId), () => fetchComponents(client, installId)),
			latestDeploy: (installId, componentId) => fill(latestDeployKey(installId, componentId), orNull(() => api.getLatestDeploy(client, installId, componentId))),
		};
	}, [client, mutate, cache]);
}

/** The latest deploy; `null` when the component was never deployed (the API's 404). No component: nothing is fetched. */
export function useLatestDeploy(installId: string, componentId: string | undefined): Resource<api.InstallDeploy | null> {
	const client = useClient();
	return useResource(componentId && latestDeployKey(installId, componentId), orNull(() => api.getLatestDeploy(client, installId, componentId!)));
}

/** One deploy by id (no id: nothing is fetched). */
export function useDeploy(installId: string, deployId: string | undefined, componentId?: string): Resource<api.InstallDeploy> {
	const client = useClient();
	return useResource(deployId && ['deploy', installId, deployId], () => api.getDeploy(client, installId, deployId!, componentId));
}

export function useExecutions(jobId: string): Resource<api.RunnerJobExecution[]> {
	const client = useClient();
	return useResource(['executions', jobId], () => api.listExecutions(client, jobId));
}

export function useLatestRuns(installId: string): Resource<api.InstallActionWorkflow[]> {
	const client = useClient();
	return useResource(['latest-runs', installId], () => api.listLatestRuns(client, installId));
}

export function useActionRun(installId: string, runId: string): Resource<api.ActionWorkflowRun> {
	const client = useClient();
	return useResource(['action-run', installId, runId], () => api.getActionRun(client, installId, runId));
}

/** A job's plan; `null` when the job produced none. A plan does not change: fetched once. */
export function usePlan(jobId: string): Resource<string | null> {
	const client = useClient();
	return useResource(['plan', jobId], orNull(() => api.getPlan(client, jobId)), {refreshInterval: 0});
}

/** The components of the given apps (the rollout board's columns). They rarely change: polled slowly. */
export function useAppComponents(appIds: readonly string[]): Resource<Map<string, api.Component[]>> {
	const client = useClient();
	const ids = [...new Set(appIds)].sort();
	return useResource(
		ids.length ? ['app-components', ...ids] : null,
		async () => new Map(await Promise.all(ids.map(async id => [id, await api.listAppComponents(client, id)] as const))),
		{refreshInterval: 300_000},
	);
}

/** App id → display name, for labels. */
export function useAppNames(): Map<string, string> {
	const apps = useApps();
	return React.useMemo(() => new Map((apps.data ?? []).map(app => [app.id ?? '', app.display_name || app.name || app.id || ''])), [apps.data]);
}

/** Where the dashboard is (for links); asked once. */
export function useDashboardUrl(): string | undefined {
	const client = useClient();
	return useResource(CLI_CONFIG_KEY, () => api.getCliConfig(client), {refreshInterval: 0}).data?.dashboard_url || undefined;
}

/** What the `:` command line could complete to: install names (a server-side search), apps, components. */
export function useCommandSuggestions(command: string | undefined, argument: string, installId: string | undefined): string[] {
	const client = useClient();
	const installs = useResource(command === 'install' ? ['search-installs', argument] : null, async () => (await api.listInstallsPage(client, 0, undefined, argument || undefined, 10)).items, {refreshInterval: 0});
	const apps = useResource(command === 'app' ? APPS_KEY : null, () => api.listApps(client), {refreshInterval: 0});
	const components = useResource(command === 'component' && installId ? ['components-names', installId] : null, () => api.listInstallComponents(client, installId!), {refreshInterval: 0});
	const orgs = useResource(command === 'org' ? 'orgs' : null, () => api.listOrgs(client), {refreshInterval: 0});
	const names =
		command === 'install'
			? (installs.data ?? []).map(i => i.name ?? '')
			: command === 'app'
				? (apps.data ?? []).map(a => a.name ?? '')
				: command === 'component'
					? (components.data ?? []).map(c => c.component?.name ?? '')
					: command === 'org'
						? (orgs.data ?? []).map(o => o.name ?? o.id ?? '')
						: [];
	const needle = argument.toLowerCase();
	return names.filter(name => name && name.toLowerCase().includes(needle)).slice(0, 8);
}
