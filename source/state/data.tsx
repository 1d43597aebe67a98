// The explorer's resources: one hook per thing a level shows, each a cache key and a fetcher.
import React from 'react';
import useSWR, {unstable_serialize, useSWRConfig} from 'swr';
import * as api from '../api/resources.js';
import type {NuonClient} from '../api/client.js';
import {fetchComponents, fetchWorkflow, orNull, type Components} from './fetchers.js';
import {
	ACCOUNTS_KEY,
	APPS_KEY,
	CLI_CONFIG_KEY,
	componentsKey,
	inOrg,
	installsKey,
	latestDeployKey,
} from './cache-keys.js';
import {useClient, usePagedResource, useResource, type PagedResource, type Resource} from './resource.js';
import {readPlan, type ApprovalPlan} from '../domain/approval-plan.js';
import {workflowFinished} from '../domain/workflow-steps.js';
import {accountEmails} from '../domain/accounts.js';

/** Installs (one app's or all), or, with `query`, the server's search results (`q`). */
export function useInstalls(appId: string | undefined, query?: string): PagedResource<api.Install> {
	const client = useClient();
	return usePagedResource(installsKey(appId, query), offset =>
		api.listInstallsPage(client, offset, appId, query || undefined),
	);
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
export function usePrefetch(): {
	components: (installId: string) => void;
	latestDeploy: (installId: string, componentId: string) => void;
} {
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
			latestDeploy: (installId, componentId) =>
				fill(
					latestDeployKey(installId, componentId),
					orNull(() => api.getLatestDeploy(client, installId, componentId)),
				),
		};
	}, [client, mutate, cache]);
}

/** The latest deploy; `null` when the component was never deployed (the API's 404). No component: nothing is
 * fetched. */
export function useLatestDeploy(
	installId: string,
	componentId: string | undefined,
): Resource<api.InstallDeploy | null> {
	const client = useClient();
	return useResource(
		componentId && latestDeployKey(installId, componentId),
		orNull(() => api.getLatestDeploy(client, installId, componentId!)),
	);
}

/** One deploy by id (no id: nothing is fetched). */
export function useDeploy(
	installId: string,
	deployId: string | undefined,
	componentId?: string,
): Resource<api.InstallDeploy> {
	const client = useClient();
	return useResource(deployId && ['deploy', installId, deployId], () =>
		api.getDeploy(client, installId, deployId!, componentId),
	);
}

export function useExecutions(jobId: string): Resource<api.JobExecutions> {
	const client = useClient();
	return useResource(['executions', jobId], () => api.listExecutions(client, jobId));
}

export function useLatestRuns(installId: string): Resource<api.InstallActionWorkflow[]> {
	const client = useClient();
	return useResource(['latest-runs', installId], () => api.listLatestRuns(client, installId));
}

/** Reads an action run by id, once: what only the run by id carries (its log stream), for a key pressed on a
 * run from a list. */
export function useReadActionRun(installId: string): (runId: string) => Promise<api.ActionWorkflowRun> {
	const client = useClient();
	return React.useCallback(
		(runId: string) => api.getActionRun(client, installId, runId),
		[client, installId],
	);
}

export function useActionRun(installId: string, runId: string): Resource<api.ActionWorkflowRun> {
	const client = useClient();
	return useResource(['action-run', installId, runId], () => api.getActionRun(client, installId, runId));
}

/** A job's plan; `null` when the job produced none. A plan does not change: fetched once. */
export function usePlan(jobId: string): Resource<string | null> {
	const client = useClient();
	return useResource(
		['plan', jobId],
		orNull(() => api.getPlan(client, jobId)),
		{refreshInterval: 0},
	);
}

/** The components of the given apps (the rollout board's columns). They rarely change: polled slowly. */
export function useAppComponents(appIds: readonly string[]): Resource<Map<string, api.Component[]>> {
	const client = useClient();
	const ids = [...new Set(appIds)].sort();
	const last = React.useRef(new Map<string, api.Component[]>());
	const resource = useResource(
		ids.length ? ['app-components', ...ids] : null,
		() => appComponentsKeepingLast(client, ids, last),
		{
			// An app whose components could not be read is asked for again soon, not in five minutes.
			refreshInterval: (data?: Map<string, api.Component[]>) =>
				data && ids.some(id => !data.has(id)) ? MISSING_COMPONENTS_RETRY_MS : 300_000,
		},
	);
	const missing = resource.data ? ids.filter(id => !resource.data!.has(id)).length : 0;
	return missing
		? {...resource, partial: `the components of ${missing} app${missing === 1 ? '' : 's'} (asking again)`}
		: resource;
}

const MISSING_COMPONENTS_RETRY_MS = 3000;

/**
 * Each app's components, one request each: an app whose request fails keeps what it had, so one
 * failure (an unsteady API fails one of several requests often) does not blank every app's columns.
 */
export async function appComponentsKeepingLast(
	client: NuonClient,
	ids: readonly string[],
	last: {current: Map<string, api.Component[]>},
): Promise<Map<string, api.Component[]>> {
	const answers = await Promise.allSettled(ids.map(id => api.listAppComponents(client, id)));
	const found = new Map<string, api.Component[]>();
	answers.forEach((answer, index) => {
		const kept = answer.status === 'fulfilled' ? answer.value : last.current.get(ids[index]!);
		if (kept) found.set(ids[index]!, kept);
	});
	const failure = answers.find(answer => answer.status === 'rejected');
	if (failure && found.size === 0) throw failure.reason;
	last.current = found;
	return found;
}

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
	return (
		useSWR(inOrg(client.orgId, CLI_CONFIG_KEY), () => api.getCliConfig(client), {refreshInterval: 0}).data
			?.dashboard_url || undefined
	);
}

/** The org's accounts, asked once per client and org (`r` refreshes the screens, not this). */
const accountsRead = new WeakMap<NuonClient, Map<string, Promise<api.Account[]>>>();
function readAccounts(client: NuonClient): Promise<api.Account[]> {
	const byOrg = accountsRead.get(client) ?? new Map<string, Promise<api.Account[]>>();
	accountsRead.set(client, byOrg);
	let read = byOrg.get(client.orgId);
	if (!read) {
		const orgId = client.orgId;
		// A failed read is asked again next time (a network failure is no answer).
		read = api.listOrgAccounts(client).catch(error => {
			byOrg.delete(orgId);
			throw error;
		});
		byOrg.set(orgId, read);
	}
	return read;
}

/**
 * Account id → e-mail, read once a session (no request per row): the org's accounts, as
 * useDashboardUrl reads the CLI config. Until it answers, or when it fails, ids are shown instead.
 */
export function useAccountEmails(): ReadonlyMap<string, string> {
	const client = useClient();
	const accounts = useSWR(inOrg(client.orgId, ACCOUNTS_KEY), () => readAccounts(client), {
		refreshInterval: 0,
		revalidateIfStale: false,
	}).data;
	return React.useMemo(() => accountEmails(accounts), [accounts]);
}

/**
 * A workflow and its steps in run order: one request, as the server sends the steps (with their
 * approvals) in the workflow; the steps' own route only when it does not. Polling stops once the
 * workflow has finished (`r`, a write and coming back to the screen still refresh it); `followMs`
 * polls it that often whatever its state (after a write, until Nuon has acted on it).
 */
export function useWorkflow(workflowId: string, followMs?: number): Resource<WorkflowData> {
	const client = useClient();
	const {refreshInterval: inherited} = useSWRConfig();
	return useResource(['workflow', workflowId], () => fetchWorkflow(client, workflowId), {
		refreshInterval: (data?: WorkflowData) =>
			followMs ??
			(data && workflowFinished(data.workflow)
				? 0
				: typeof inherited === 'function'
					? inherited(data)
					: (inherited ?? 0)),
		...(followMs === undefined ? {} : {dedupingInterval: followMs / 2}),
	});
}

export type WorkflowData = {workflow: api.Workflow; steps: api.WorkflowStep[]};

/**
 * One step as its own route has it: with its policy check, which the workflow's steps lack
 * (installs/service/get_workflow.go). Read again only when the step's status changes.
 */
export function useWorkflowStep(
	workflowId: string,
	step: api.WorkflowStep | undefined,
): Resource<api.WorkflowStep> {
	const client = useClient();
	const stepId = step?.id;
	return useResource(
		stepId ? ['workflow-step', workflowId, stepId, String(step?.status?.status ?? '')] : null,
		() => api.getWorkflowStep(client, workflowId, stepId!),
		{refreshInterval: 0},
	);
}

/** The plan of a step's approval, read whatever shape it came in; loaded once (it does not change). */
export function useApprovalPlan(
	workflowId: string,
	stepId: string | undefined,
	approvalId: string | undefined,
): Resource<ApprovalPlan> {
	const client = useClient();
	return useResource(
		stepId && approvalId ? ['approval-contents', workflowId, stepId, approvalId] : null,
		async () => readPlan(await api.getApprovalContents(client, workflowId, stepId!, approvalId!)),
		{
			refreshInterval: 0,
			revalidateOnFocus: false,
		},
	);
}
