// The explorer's resources as hooks, one per thing a level shows, each over its endpoint
// (endpoints.ts), and the prefetch that fills the cache for the next level.
import React from 'react';
import useSWR, {unstable_serialize, useSWRConfig} from 'swr';
import type * as api from '../api/resources.js';
import type {Components, WorkflowData} from './fetchers.js';
import {inOrg} from './cache-keys.js';
import {ENDPOINTS, PAGED_ENDPOINTS, type Endpoint} from './endpoints.js';
import {useClient, useEndpoint, usePagedEndpoint, type PagedResource, type Resource} from './resource.js';
import type {ApprovalPlan} from '../domain/approval-plan.js';
import {workflowFinished} from '../domain/workflow-steps.js';
import type {QueuedApproval} from '../domain/approval-queue.js';
import type {ApprovalQueue} from './approval-queue.js';
import type {RunnerData} from './fetch-runner.js';
import {accountEmails} from '../domain/accounts.js';

export type {ComponentRow, Components, WorkflowData} from './fetchers.js';

/** Installs (one app's or all), or, with `query`, the server's search results (`q`). */
export const useInstalls = (appId: string | undefined, query?: string): PagedResource<api.Install> =>
	usePagedEndpoint(PAGED_ENDPOINTS.installs, {appId, query});

export const useApps = (): Resource<api.App[]> => useEndpoint(ENDPOINTS.apps, {});

export const useComponents = (installId: string): Resource<Components> =>
	useEndpoint(ENDPOINTS.components, {installId});

/**
 * Fills the cache with what the next level will ask for, so Enter shows it at once. Skipped when
 * it is cached already; errors are left for the level itself to meet.
 */
export function usePrefetch(): <Params, T>(endpoint: Endpoint<Params, T>, params: Params) => void {
	const client = useClient();
	const {mutate, cache} = useSWRConfig();
	return React.useCallback(
		<Params, T>(endpoint: Endpoint<Params, T>, params: Params) => {
			const key = inOrg(client.orgId, endpoint.key(params));
			if (cache.get(unstable_serialize(key))?.data !== undefined) return;
			endpoint.fetch(client, params).then(
				data => void mutate(key, data, {revalidate: false}),
				() => {},
			);
		},
		[client, mutate, cache],
	);
}

/** The latest deploy; `null` when the component was never deployed (the API's 404). No component: nothing is
 * fetched. */
export const useLatestDeploy = (
	installId: string,
	componentId: string | undefined,
): Resource<api.InstallDeploy | null> =>
	useEndpoint(ENDPOINTS.latestDeploy, componentId ? {installId, componentId} : undefined);

/** One deploy by id (no id: nothing is fetched). */
export const useDeploy = (
	installId: string,
	deployId: string | undefined,
	componentId?: string,
): Resource<api.InstallDeploy> =>
	useEndpoint(ENDPOINTS.deploy, deployId ? {installId, deployId, componentId} : undefined);

export const useExecutions = (jobId: string): Resource<api.JobExecutions> =>
	useEndpoint(ENDPOINTS.executions, {jobId});

export const useLatestRuns = (installId: string): Resource<api.InstallActionWorkflow[]> =>
	useEndpoint(ENDPOINTS.latestRuns, {installId});

/** Reads an action run by id, once: what only the run by id carries (its log stream), for a key pressed on a
 * run from a list. */
export function useReadActionRun(installId: string): (runId: string) => Promise<api.ActionWorkflowRun> {
	const client = useClient();
	return React.useCallback(
		(runId: string) => ENDPOINTS.actionRun.fetch(client, {installId, runId}),
		[client, installId],
	);
}

export const useActionRun = (installId: string, runId: string): Resource<api.ActionWorkflowRun> =>
	useEndpoint(ENDPOINTS.actionRun, {installId, runId});

/** A job's plan; `null` when the job produced none. A plan does not change: fetched once. */
export const usePlan = (jobId: string): Resource<string | null> => useEndpoint(ENDPOINTS.plan, {jobId});

/** The components of the given apps (the rollout board's columns). They rarely change: polled slowly. */
export function useAppComponents(appIds: readonly string[]): Resource<Map<string, api.Component[]>> {
	const ids = [...new Set(appIds)].sort();
	const last = React.useRef(new Map<string, api.Component[]>());
	const resource = useEndpoint(ENDPOINTS.appComponents, ids.length ? {appIds: ids, last} : undefined, {
		// An app whose components could not be read is asked for again soon, not in five minutes.
		refreshInterval: (data?: Map<string, api.Component[]>) =>
			data && ids.some(id => !data.has(id)) ? MISSING_COMPONENTS_RETRY_MS : 300_000,
	});
	const missing = resource.data ? ids.filter(id => !resource.data!.has(id)).length : 0;
	return missing
		? {...resource, partial: `the components of ${missing} app${missing === 1 ? '' : 's'} (asking again)`}
		: resource;
}

const MISSING_COMPONENTS_RETRY_MS = 3000;

/** App id → display name, for labels. */
export function useAppNames(): Map<string, string> {
	const apps = useApps();
	return React.useMemo(() => appNamesOf(apps.data), [apps.data]);
}

export const appNamesOf = (apps: api.App[] | undefined): Map<string, string> =>
	new Map((apps ?? []).map(app => [app.id ?? '', app.display_name || app.name || app.id || '']));

/**
 * Where the dashboard is (for links); asked once. Only the data is read (SWR re-renders a component
 * for the state it reads): the whole explorer renders under it, and its loading, validating and
 * arrival are nobody's concern.
 */
export function useDashboardUrl(): string | undefined {
	const client = useClient();
	const {key, fetch, options} = ENDPOINTS.cliConfig;
	return (
		useSWR(inOrg(client.orgId, key({})), () => fetch(client, {}), options).data?.dashboard_url || undefined
	);
}

/**
 * Account id → e-mail, read once a session (no request per row): the org's accounts, as
 * useDashboardUrl reads the CLI config. Until it answers, or when it fails, ids are shown instead.
 */
export function useAccountEmails(): ReadonlyMap<string, string> {
	const accounts = useEndpoint(ENDPOINTS.accounts, {}).data;
	return React.useMemo(() => accountEmails(accounts), [accounts]);
}

/**
 * A workflow and its steps in run order: one request, as the server sends the steps (with their
 * approvals) in the workflow; the steps' own route only when it does not. Polling stops once the
 * workflow has finished (`r`, a write and coming back to the screen still refresh it); `followMs`
 * polls it that often whatever its state (after a write, until Nuon has acted on it).
 */
export function useWorkflow(workflowId: string, followMs?: number): Resource<WorkflowData> {
	const {refreshInterval: inherited} = useSWRConfig();
	return useEndpoint(
		ENDPOINTS.workflow,
		{workflowId},
		{
			refreshInterval: (data?: WorkflowData) =>
				followMs ??
				(data && workflowFinished(data.workflow)
					? 0
					: typeof inherited === 'function'
						? inherited(data)
						: (inherited ?? 0)),
			...(followMs === undefined ? {} : {dedupingInterval: followMs / 2}),
		},
	);
}

/**
 * One step as its own route has it: with its policy check, which the workflow's steps lack
 * (installs/service/get_workflow.go). Read again only when the step's status changes.
 */
export const useWorkflowStep = (
	workflowId: string,
	step: api.WorkflowStep | undefined,
): Resource<api.WorkflowStep> =>
	useEndpoint(
		ENDPOINTS.workflowStep,
		step?.id ? {workflowId, stepId: step.id, status: String(step.status?.status ?? '')} : undefined,
	);

/** The plan of a step's approval, read whatever shape it came in; loaded once (it does not change). */
export const useApprovalPlan = (
	workflowId: string,
	stepId: string | undefined,
	approvalId: string | undefined,
): Resource<ApprovalPlan> =>
	useEndpoint(ENDPOINTS.approvalPlan, stepId && approvalId ? {workflowId, stepId, approvalId} : undefined);

/** A component's deploys to an install, newest first, paged. */
export const useDeploys = (installId: string, componentId: string): PagedResource<api.InstallDeploy> =>
	usePagedEndpoint(PAGED_ENDPOINTS.deploys, {installId, componentId});

/** An install's workflows, newest first, paged. */
export const useWorkflows = (installId: string): PagedResource<api.Workflow> =>
	usePagedEndpoint(PAGED_ENDPOINTS.workflows, {installId});

export const useRunner = (runnerId: string): Resource<RunnerData> =>
	useEndpoint(ENDPOINTS.runner, {runnerId});

/**
 * The approvals queue, over the org's installs list the screens share (the board's, the installs
 * list's: one cache entry, polled once however many levels show it), every page of it. The queue is
 * read again when the list changes, and on its own poll for the answers.
 */
export function useApprovalQueue(appId: string | undefined): Resource<ApprovalQueue> {
	const last = React.useRef<QueuedApproval[] | undefined>(undefined);
	const installs = useInstalls(undefined);
	const {hasMore, loadMore} = installs;
	React.useEffect(() => {
		if (hasMore) loadMore();
	}, [hasMore, loadMore]);
	const listed = hasMore ? undefined : installs.data;
	const current = React.useRef(listed);
	current.current = listed;
	const queue = useEndpoint(ENDPOINTS.approvalQueue, listed ? {appId, last, installs: current} : undefined);
	const {refresh} = queue;
	const read = React.useRef(listed);
	React.useEffect(() => {
		if (listed && read.current && listed !== read.current) refresh();
		read.current = listed;
	}, [listed, refresh]);
	const refreshBoth = React.useCallback(() => {
		installs.refresh();
		refresh();
	}, [installs.refresh, refresh]);
	// The list not read at all: its failure is the queue's.
	if (!listed && installs.error) return {...queue, error: installs.error, refresh: installs.refresh};
	return {...queue, isValidating: queue.isValidating || installs.isValidating, refresh: refreshBoth};
}
