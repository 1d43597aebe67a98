// The explorer's resources, one definition per endpoint: its cache key (the namespace is its name
// in the table below, so no two share one) and its fetch. The data hooks (data.tsx), the prefetch,
// the first screen (first-screen.ts, before React is loaded: nothing here loads it), the levels'
// pure parts and the raw-data view all go through these.
import type {SWRConfiguration} from 'swr';
import type {NuonClient} from '../api/client.js';
import * as api from '../api/resources.js';
import {seePastDriftChecks} from './drift-checks.js';
import {readPlan, type ApprovalPlan} from '../domain/approval-plan.js';
import {queueOrder, type QueuedApproval} from '../domain/approval-queue.js';
import {type ApprovalQueue, fetchApprovalQueue} from './approval-queue.js';
import {fetchRunner, type RunnerData} from './fetch-runner.js';
import {cacheKey, pagedKey, type CacheKey, type PagedKey} from './cache-keys.js';
import {
	appComponentsKeepingLast,
	fetchComponents,
	fetchWorkflow,
	orNull,
	readAccounts,
	type Components,
	type WorkflowData,
} from './fetchers.js';

export interface Endpoint<Params, T> {
	key: (params: Params) => CacheKey<T>;
	fetch: (client: NuonClient, params: Params) => Promise<T>;
	/** How the screens poll it, where that is not the explorer's interval. */
	options?: SWRConfiguration;
}

export interface PagedEndpoint<Params, T> {
	key: (params: Params) => PagedKey<T>;
	fetchPage: (client: NuonClient, params: Params, offset: number) => Promise<api.Page<T>>;
}

interface Spec<Params, T> {
	/** What tells one thing of this resource from another. */
	parts: (params: Params) => readonly string[];
	fetch: (client: NuonClient, params: Params) => Promise<T>;
	options?: SWRConfiguration;
}

interface PagedSpec<Params, T> {
	parts: (params: Params) => readonly string[];
	fetchPage: (client: NuonClient, params: Params, offset: number) => Promise<api.Page<T>>;
}

// biome-ignore lint/suspicious/noExplicitAny: a table of specs of every parameter and data type
type AnySpec = Spec<any, any>;
// biome-ignore lint/suspicious/noExplicitAny: as above, for the paged lists
type AnyPagedSpec = PagedSpec<any, any>;

/** Each spec with its key, whose namespace is its name in the table. */
function withKeys<Specs extends Record<string, AnySpec>>(specs: Specs) {
	return Object.fromEntries(
		Object.entries(specs).map(([name, {parts, fetch, options}]) => [
			name,
			{key: (params: unknown) => cacheKey(name, parts(params)), fetch, options},
		]),
	) as {[Name in keyof Specs]: Specs[Name] extends Spec<infer P, infer T> ? Endpoint<P, T> : never};
}

function withPagedKeys<Specs extends Record<string, AnyPagedSpec>>(specs: Specs) {
	return Object.fromEntries(
		Object.entries(specs).map(([name, {parts, fetchPage}]) => [
			name,
			{key: (params: unknown) => pagedKey(name, parts(params)), fetchPage},
		]),
	) as {[Name in keyof Specs]: Specs[Name] extends PagedSpec<infer P, infer T> ? PagedEndpoint<P, T> : never};
}

type None = Record<string, never>;
type Install = {installId: string};
type InstallComponent = {installId: string; componentId: string};
type Job = {jobId: string};
type Run = {installId: string; runId: string};
type Approval = {workflowId: string; stepId: string; approvalId: string};
/** What the board had of each app, kept for an app whose request fails (see appComponentsKeepingLast). */
type AppComponents = {appIds: readonly string[]; last?: {current: Map<string, api.Component[]>}};

const ONCE = {refreshInterval: 0};

export const ENDPOINTS = withKeys({
	apps: {
		parts: () => [],
		fetch: client => api.listApps(client),
		options: {refreshInterval: 60_000},
	} satisfies Spec<None, api.App[]>,
	orgs: {parts: () => [], fetch: client => api.listOrgs(client), options: ONCE} satisfies Spec<
		None,
		api.Org[]
	>,
	/** The org's accounts (who answered an approval): asked once a session, see readAccounts. */
	accounts: {
		parts: () => [],
		fetch: client => readAccounts(client),
		options: {refreshInterval: 0, revalidateIfStale: false},
	} satisfies Spec<None, api.Account[]>,
	/** Where the dashboard is (for links): asked once. */
	cliConfig: {parts: () => [], fetch: client => api.getCliConfig(client), options: ONCE} satisfies Spec<
		None,
		api.CliConfig
	>,
	/** The `:install` line's completions: the server's search, ten at most. */
	installSearch: {
		parts: ({query}) => [query],
		fetch: async (client, {query}) =>
			(await api.listInstallsPage(client, 0, undefined, query || undefined, 10)).items,
		options: ONCE,
	} satisfies Spec<{query: string}, api.Install[]>,
	/** An install's components as they are listed (the `:component` line's completions). */
	installComponents: {
		parts: ({installId}) => [installId],
		fetch: (client, {installId}) => api.listInstallComponents(client, installId),
		options: ONCE,
	} satisfies Spec<Install, api.InstallComponent[]>,
	/** An install's components with their status and dependencies (the components level). */
	components: {
		parts: ({installId}) => [installId],
		fetch: (client, {installId}) => fetchComponents(client, installId),
	} satisfies Spec<Install, Components>,
	/** The components of the given apps (the board's columns): they rarely change, so polled slowly. */
	appComponents: {
		parts: ({appIds}) => [appIds.join(',')],
		fetch: (client, {appIds, last}) => appComponentsKeepingLast(client, appIds, last ?? {current: new Map()}),
	} satisfies Spec<AppComponents, Map<string, api.Component[]>>,
	/** The latest deploy; `null` when the component was never deployed (the API's 404). */
	latestDeploy: {
		parts: ({installId, componentId}) => [installId, componentId],
		fetch: (client, {installId, componentId}) =>
			orNull(() => api.getLatestDeploy(client, installId, componentId))(),
	} satisfies Spec<InstallComponent, api.InstallDeploy | null>,
	deploy: {
		parts: ({installId, deployId}) => [installId, deployId],
		fetch: (client, {installId, deployId, componentId}) =>
			api.getDeploy(client, installId, deployId, componentId),
	} satisfies Spec<{installId: string; deployId: string; componentId?: string}, api.InstallDeploy>,
	executions: {
		parts: ({jobId}) => [jobId],
		fetch: (client, {jobId}) => api.listExecutions(client, jobId),
	} satisfies Spec<Job, api.JobExecutions>,
	/** A job's plan; `null` when the job produced none. A plan does not change: fetched once. */
	plan: {
		parts: ({jobId}) => [jobId],
		fetch: (client, {jobId}) => orNull(() => api.getPlan(client, jobId))(),
		options: ONCE,
	} satisfies Spec<Job, string | null>,
	latestRuns: {
		parts: ({installId}) => [installId],
		fetch: (client, {installId}) => api.listLatestRuns(client, installId),
	} satisfies Spec<Install, api.InstallActionWorkflow[]>,
	actionRun: {
		parts: ({installId, runId}) => [installId, runId],
		fetch: (client, {installId, runId}) => api.getActionRun(client, installId, runId),
	} satisfies Spec<Run, api.ActionWorkflowRun>,
	/** A workflow and its steps in run order. */
	workflow: {
		parts: ({workflowId}) => [workflowId],
		fetch: (client, {workflowId}) => fetchWorkflow(client, workflowId),
	} satisfies Spec<{workflowId: string}, WorkflowData>,
	/** One step as its own route has it (with its policy check): read again only when its status changes. */
	workflowStep: {
		parts: ({workflowId, stepId, status}) => [workflowId, stepId, status],
		fetch: (client, {workflowId, stepId}) => api.getWorkflowStep(client, workflowId, stepId),
		options: ONCE,
	} satisfies Spec<{workflowId: string; stepId: string; status: string}, api.WorkflowStep>,
	/** The plan of a step's approval, read whatever shape it came in; it does not change. */
	approvalPlan: {
		parts: ({workflowId, stepId, approvalId}) => [workflowId, stepId, approvalId],
		fetch: async (client, {workflowId, stepId, approvalId}) =>
			readPlan(await api.getApprovalContents(client, workflowId, stepId, approvalId)),
		options: {...ONCE, revalidateOnFocus: false},
	} satisfies Spec<Approval, ApprovalPlan>,
	/** An install's runner, its health and its job queue (see fetch-runner.ts). */
	runner: {
		parts: ({runnerId}) => [runnerId],
		fetch: (client, {runnerId}) => fetchRunner(client, runnerId),
	} satisfies Spec<{runnerId: string}, RunnerData>,
	/**
	 * Every approval waiting across the org (or an app); the last answer's plans are not read again.
	 * `installs`: the org's installs list as the screens have it (`PAGED_ENDPOINTS.installs`, which the
	 * board polls), else it is asked for. It has no poll of its own: it is read again when that list
	 * changes (useApprovalQueue), so a poll reads the waiting workflows once, not once for the list's
	 * change and again on a timer of its own.
	 */
	approvalQueue: {
		options: ONCE,
		parts: ({appId}) => [appId ?? '*'],
		fetch: async (client, {appId, last, installs}) => {
			const found = await fetchApprovalQueue(client, {
				appId,
				installs: installs?.current,
				previous: last?.current,
			});
			const queue: ApprovalQueue = Object.assign(queueOrder(found), {unlisted: found.unlisted});
			if (last) last.current = queue;
			return queue;
		},
	} satisfies Spec<
		{
			appId?: string;
			last?: {current: QueuedApproval[] | undefined};
			installs?: {current: readonly api.Install[] | undefined};
		},
		ApprovalQueue
	>,
});

export const PAGED_ENDPOINTS = withPagedKeys({
	/** Installs (one app's or all), or, with `query`, the server's search results (`q`). */
	installs: {
		parts: ({appId, query}) => [appId ?? '*', query ?? ''],
		fetchPage: async (client, {appId, query}, offset) => {
			const page = await api.listInstallsPage(client, offset, appId, query || undefined);
			await seePastDriftChecks(client, page.items);
			return page;
		},
	} satisfies PagedSpec<{appId?: string; query?: string}, api.Install>,
	/** A component's deploys to an install, newest first. */
	deploys: {
		parts: ({installId, componentId}) => [installId, componentId],
		fetchPage: (client, {installId, componentId}, offset) =>
			api.listComponentDeploysPage(client, installId, componentId, offset),
	} satisfies PagedSpec<InstallComponent, api.InstallDeploy>,
	workflows: {
		parts: ({installId}) => [installId],
		fetchPage: (client, {installId}, offset) => api.listInstallWorkflowsPage(client, installId, offset),
	} satisfies PagedSpec<Install, api.Workflow>,
});

/** A request of an endpoint for some parameters, said before it is made (the first screen's). */
export type Ask =
	| {paged: false; endpoint: Endpoint<unknown, unknown>; params: unknown}
	| {paged: true; endpoint: PagedEndpoint<unknown, unknown>; params: unknown};

export const ask = <Params, T>(endpoint: Endpoint<Params, T>, params: Params): Ask =>
	({paged: false, endpoint, params}) as Ask;
/** The first page of a paged list. */
export const askFirstPage = <Params, T>(endpoint: PagedEndpoint<Params, T>, params: Params): Ask =>
	({paged: true, endpoint, params}) as Ask;
