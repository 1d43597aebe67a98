// One typed function per endpoint the explorer uses. Types come only from the generated schema.
import type {NuonClient, Query} from './client.js';
import type {components} from './schema.js';

type Schemas = components['schemas'];
export type Install = Schemas['app.Install'];
export type App = Schemas['app.App'];
export type InstallComponent = Schemas['app.InstallComponent'];
export type InstallComponentSummary = Schemas['app.InstallComponentSummary'];
export type InstallDeploy = Schemas['app.InstallDeploy'];
export type CompositeStatus = Schemas['app.CompositeStatus'];
export type RunnerJob = Schemas['app.RunnerJob'];
export type ActionWorkflowRun = Schemas['app.InstallActionWorkflowRun'];
export type RunnerJobExecution = Schemas['app.RunnerJobExecution'];
export type InstallActionWorkflow = Schemas['app.InstallActionWorkflow'];
export type ActionWorkflowStepConfig = Schemas['app.ActionWorkflowStepConfig'];
export type ActionWorkflowRunStep = Schemas['app.InstallActionWorkflowRunStep'];
export type LogStream = Schemas['app.LogStream'];
export type LogRecord = Schemas['app.OtelLogRecord'];
export type CliConfig = Schemas['service.CLIConfig'];
export type ErrorBody = Schemas['stderr.ErrResponse'];

/** The API's largest page. */
export const PAGE_LIMIT = 100;

export interface Page<T> {
	items: T[];
	offset: number;
	hasNext: boolean;
}

/** One page of a list endpoint: always sends `limit`, reads `X-Nuon-Page-Next`. */
export async function listPage<T>(client: NuonClient, path: string, offset = 0, query: Query = {}, limit = PAGE_LIMIT): Promise<Page<T>> {
	const {data, headers} = await client.get<T[] | null>(path, {query: {...query, offset, limit}});
	const items = Array.isArray(data) ? data : [];
	return {items, offset, hasNext: headers['x-nuon-page-next'] === 'true' && items.length > 0};
}

/** Every page of a list endpoint, for short lists (apps, an install's components). */
export async function listAll<T>(client: NuonClient, path: string, query: Query = {}, maxItems = 5000): Promise<T[]> {
	const all: T[] = [];
	for (let offset = 0; ; ) {
		const page = await listPage<T>(client, path, offset, query);
		all.push(...page.items);
		if (!page.hasNext || all.length >= maxItems) return all;
		offset += page.items.length;
	}
}

const id = encodeURIComponent;

/** Every install (one app's or all), page after page: for `watch --until-done`. */
export const listAllInstalls = (client: NuonClient, appId?: string) =>
	listAll<Install>(client, appId ? `/v1/apps/${id(appId)}/installs` : '/v1/installs', {}, Infinity);

export const listInstallsPage = (client: NuonClient, offset: number, appId?: string, q?: string, limit = PAGE_LIMIT) =>
	listPage<Install>(client, appId ? `/v1/apps/${id(appId)}/installs` : '/v1/installs', offset, {q}, limit);

export const listApps = (client: NuonClient) => listAll<App>(client, '/v1/apps');

export type Component = Schemas['app.Component'];
export type Org = Schemas['app.Org'];

export const listOrgs = (client: NuonClient) => listAll<Org>(client, '/v1/orgs');

export const listAppComponents = (client: NuonClient, appId: string) => listAll<Component>(client, `/v1/apps/${id(appId)}/components`);

export const getInstall = async (client: NuonClient, installId: string) =>
	(await client.get<Install>(`/v1/installs/${id(installId)}`)).data;

export const listInstallComponents = (client: NuonClient, installId: string) =>
	listAll<InstallComponent>(client, `/v1/installs/${id(installId)}/components`);

export const listInstallComponentSummaries = (client: NuonClient, installId: string) =>
	listAll<InstallComponentSummary>(client, `/v1/installs/${id(installId)}/components/summary`);

export const getLatestDeploy = async (client: NuonClient, installId: string, componentId: string) =>
	(await client.get<InstallDeploy>(`/v1/installs/${id(installId)}/components/${id(componentId)}/deploys/latest`)).data;

export const getCliConfig = async (client: NuonClient) => (await client.get<CliConfig>('/v1/general/cli-config')).data;

export const getDeploy = async (client: NuonClient, installId: string, deployId: string) =>
	(await client.get<InstallDeploy>(`/v1/installs/${id(installId)}/deploys/${id(deployId)}`)).data;

/** Not really paged: up to 1000 executions, newest first. */
export const listExecutions = async (client: NuonClient, jobId: string) =>
	(await listPage<RunnerJobExecution>(client, `/v1/runner-jobs/${id(jobId)}/executions`, 0)).items;

/** The plan a deploy's runner job produced: the API answers with a JSON string. */
export const getPlan = async (client: NuonClient, jobId: string) => (await client.get<string>(`/v1/runner-jobs/${id(jobId)}/plan`)).data;

export const listLatestRuns = (client: NuonClient, installId: string) =>
	listAll<InstallActionWorkflow>(client, `/v1/installs/${id(installId)}/action-workflows/latest-runs`);

export const getActionRun = async (client: NuonClient, installId: string, runId: string) =>
	(await client.get<ActionWorkflowRun>(`/v1/installs/${id(installId)}/action-workflows/runs/${id(runId)}`)).data;

export const getLogStream = async (client: NuonClient, streamId: string) => (await client.get<LogStream>(`/v1/log-streams/${id(streamId)}`)).data;

export interface LogPage {
	records: LogRecord[];
	/** The next cursor; empty when fewer than a full page came back. */
	next: string;
}

/**
 * One page of log records after (asc) or before (desc) a nanosecond cursor. Bodies arrive raw:
 * the log model sanitizes them, keeping colour codes.
 */
export async function getLogsPage(client: NuonClient, streamId: string, order: 'asc' | 'desc', cursor?: string): Promise<LogPage> {
	const {data, headers} = await client.get<LogRecord[] | null>(`/v1/log-streams/${id(streamId)}/logs`, {
		query: {order},
		headers: cursor ? {'x-nuon-api-offset': cursor} : {},
		raw: true,
	});
	return {records: Array.isArray(data) ? data : [], next: headers['x-nuon-api-next'] ?? ''};
}
