// One typed function per endpoint the explorer uses. Types come only from the generated schema.
import type {NuonClient, Query} from './client.js';
import {NuonApiError} from './errors.js';
import type {components} from './schema.js';
import {items, number} from '../domain/fields.js';
import {lacksRelations, mergeDeploys} from '../domain/latest-deploy.js';
import {readablePlan} from '../domain/runner-plan.js';

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
export type Workflow = Schemas['app.Workflow'];
export type WorkflowStep = Schemas['app.WorkflowStep'];

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

const id = encodeURIComponent;

/**
 * Which of two routes for the same thing this server answers, learnt once per client (session):
 * `current` (today's route, outside the contract) is tried first; a 404 there tries `legacy` (the
 * contract's), and whichever answered is used from then on. `gone`: an optional route that 404s.
 */
type RouteAnswer = 'current' | 'legacy' | 'gone';
const routeMemory = new WeakMap<NuonClient, Map<string, RouteAnswer>>();

function memoryOf(client: NuonClient): Map<string, RouteAnswer> {
	let memory = routeMemory.get(client);
	if (!memory) {
		memory = new Map();
		routeMemory.set(client, memory);
	}
	return memory;
}

export async function eitherRoute<T>(
	client: NuonClient,
	name: string,
	[current, legacy]: readonly [string, string],
	fetch: (path: string) => Promise<T>,
): Promise<T> {
	const memory = memoryOf(client);
	const known = memory.get(name);
	if (known === 'legacy') return fetch(legacy);
	try {
		const answer = await fetch(current);
		memory.set(name, 'current');
		return answer;
	} catch (error) {
		if (known === 'current' || !(error instanceof NuonApiError && error.isNotFound)) throw error;
	}
	const answer = await fetch(legacy);
	memory.set(name, 'legacy');
	return answer;
}

export const getData =
	<T>(client: NuonClient) =>
	async (path: string) =>
		(await client.get<T>(path)).data;

/** The routes this client has learnt, for the debug log and tests: name → current or legacy. */
export const learntRoutes = (client: NuonClient): ReadonlyMap<string, RouteAnswer> => memoryOf(client);

/** Every install (one app's or all), page after page: for `watch --until-done`. */
export const listAllInstalls = (client: NuonClient, appId?: string) =>
	listAll<Install>(client, appId ? `/v1/apps/${id(appId)}/installs` : '/v1/installs', {}, Infinity);

export const listInstallsPage = (
	client: NuonClient,
	offset: number,
	appId?: string,
	q?: string,
	limit = PAGE_LIMIT,
) => listPage<Install>(client, appId ? `/v1/apps/${id(appId)}/installs` : '/v1/installs', offset, {q}, limit);

export const listApps = (client: NuonClient) => listAll<App>(client, '/v1/apps');

export type Component = Schemas['app.Component'];
export type Org = Schemas['app.Org'];

export const listOrgs = (client: NuonClient) => listAll<Org>(client, '/v1/orgs');

export type Account = Schemas['app.Account'];

/**
 * The org's accounts with their e-mails (orgs/service/get_org_accounts.go: those with the org-admin
 * role), to name who answered an approval: a response carries only `created_by_id`.
 */
export const listOrgAccounts = (client: NuonClient) => listAll<Account>(client, '/v1/orgs/current/accounts');

export const listAppComponents = (client: NuonClient, appId: string) =>
	listAll<Component>(client, `/v1/apps/${id(appId)}/components`);

export const getInstall = async (client: NuonClient, installId: string) =>
	(await client.get<Install>(`/v1/installs/${id(installId)}`)).data;

export const listInstallComponents = (client: NuonClient, installId: string) =>
	listAll<InstallComponent>(client, `/v1/installs/${id(installId)}/components`);

const SUMMARY = 'components-summary';

/**
 * The component summaries: an optional extra (dependency names, build status). Removed from the
 * server on 2025-11-17, where the path falls through to a component named "summary" and 404s: after
 * one 404 it is not asked for again this session, and `undefined` says there is none.
 */
export async function listInstallComponentSummaries(
	client: NuonClient,
	installId: string,
): Promise<InstallComponentSummary[] | undefined> {
	const memory = memoryOf(client);
	if (memory.get(SUMMARY) === 'gone') return undefined;
	try {
		return await listAll<InstallComponentSummary>(client, `/v1/installs/${id(installId)}/components/summary`);
	} catch (error) {
		if (!(error instanceof NuonApiError && error.isNotFound)) throw error;
		memory.set(SUMMARY, 'gone');
		return undefined;
	}
}

/**
 * A component's latest deploy, whole. Today's server answers it without runner jobs, runs, artifact
 * or log stream: then the deploy by id (which has them) is read too, and the two are merged.
 */
export async function getLatestDeploy(
	client: NuonClient,
	installId: string,
	componentId: string,
): Promise<InstallDeploy> {
	const latest = (
		await client.get<InstallDeploy>(
			`/v1/installs/${id(installId)}/components/${id(componentId)}/deploys/latest`,
		)
	).data;
	if (!lacksRelations(latest) || typeof latest.id !== 'string' || !latest.id) return latest;
	return mergeDeploys(latest, await getDeploy(client, installId, latest.id, componentId));
}

/**
 * A page of a component's deploys, newest first. Today's server answers the component's route with
 * the newest deploy only (its query ends in GORM's `First`); when the first page brings at most one,
 * the install's deploys (deprecated, still served) are read instead, keeping this component's, and
 * the later pages come from there too.
 */
export async function listComponentDeploysPage(
	client: NuonClient,
	installId: string,
	componentId: string,
	offset: number,
): Promise<Page<InstallDeploy>> {
	const memory = memoryOf(client);
	const fromInstall = async (): Promise<Page<InstallDeploy>> => {
		const page = await listPage<InstallDeploy>(client, `/v1/installs/${id(installId)}/deploys`, offset);
		return {
			...page,
			items: page.items.filter(deploy => deploy.component_id === componentId),
			nextOffset: offset + page.items.length,
		};
	};
	if (offset > 0 && memory.get(`component-deploys:${installId}:${componentId}`) === 'legacy')
		return fromInstall();
	let page: Page<InstallDeploy>;
	try {
		page = await listPage<InstallDeploy>(
			client,
			`/v1/installs/${id(installId)}/components/${id(componentId)}/deploys`,
			offset,
		);
	} catch (error) {
		if (!(error instanceof NuonApiError && error.isNotFound)) throw error;
		page = {items: [], offset, hasNext: false}; // no deploy at all (today's server), or no such route
	}
	if (offset > 0 || page.items.length > 1 || page.hasNext) return page;
	memory.set(`component-deploys:${installId}:${componentId}`, 'legacy');
	return fromInstall();
}

/** An install's workflows, newest first. */
export const listInstallWorkflowsPage = (client: NuonClient, installId: string, offset: number) =>
	listPage<Workflow>(client, `/v1/installs/${id(installId)}/workflows`, offset);

export const getWorkflow = async (client: NuonClient, workflowId: string) =>
	(await client.get<Workflow>(`/v1/workflows/${id(workflowId)}`)).data;

export const listWorkflowSteps = async (client: NuonClient, workflowId: string) =>
	items<WorkflowStep>((await client.get<WorkflowStep[]>(`/v1/workflows/${id(workflowId)}/steps`)).data);

export const getCliConfig = async (client: NuonClient) =>
	(await client.get<CliConfig>('/v1/general/cli-config')).data;

/** A deploy by id: today under its component; the contract's route (deprecated) without one. */
export const getDeploy = (client: NuonClient, installId: string, deployId: string, componentId?: string) =>
	componentId
		? eitherRoute(
				client,
				'deploy',
				[
					`/v1/installs/${id(installId)}/components/${id(componentId)}/deploys/${id(deployId)}`,
					`/v1/installs/${id(installId)}/deploys/${id(deployId)}`,
				],
				getData<InstallDeploy>(client),
			)
		: getData<InstallDeploy>(client)(`/v1/installs/${id(installId)}/deploys/${id(deployId)}`);

export const getRunnerJob = async (client: NuonClient, jobId: string) =>
	(await client.get<RunnerJob>(`/v1/runner-jobs/${id(jobId)}`)).data;

export interface JobExecutions {
	executions: RunnerJobExecution[];
	/** Only the latest attempt is known: today's public API lists no executions, its job carries the latest
	 * one. */
	latestOnly: boolean;
	/** How many attempts the job has had, when the server said (`execution_count`). */
	count?: number;
}

const EXECUTIONS = 'executions';

/**
 * A runner job's executions (not really paged: up to 1000, newest first). Today only the runners'
 * API has that route (the public one answers its router's 404): then the job itself is read, with
 * its latest execution, and that is remembered for the session.
 */
export async function listExecutions(client: NuonClient, jobId: string): Promise<JobExecutions> {
	const memory = memoryOf(client);
	if (memory.get(EXECUTIONS) !== 'gone') {
		try {
			return {
				executions: (await listPage<RunnerJobExecution>(client, `/v1/runner-jobs/${id(jobId)}/executions`, 0))
					.items,
				latestOnly: false,
			};
		} catch (error) {
			if (!(error instanceof NuonApiError && error.isUnknownRoute)) throw error;
			memory.set(EXECUTIONS, 'gone');
		}
	}
	const job = await getRunnerJob(client, jobId);
	return {
		executions: items<RunnerJobExecution>(job?.executions).slice(0, 1),
		latestOnly: true,
		count: number(job?.execution_count),
	};
}

/**
 * The plan a deploy's runner job works from, as text for the viewer to parse. Today's server has
 * `/composite-plan` (typed JSON, what the dashboard reads; since 2025-09); `/plan` (deprecated)
 * sends the plan itself as `text/plain` today and as a JSON string holding it in the contract.
 * An `apply_plan_display` holding JSON is shown as that JSON.
 */
export const getPlan = (client: NuonClient, jobId: string): Promise<string> =>
	eitherRoute(
		client,
		'plan',
		[`/v1/runner-jobs/${id(jobId)}/composite-plan`, `/v1/runner-jobs/${id(jobId)}/plan`],
		async path => {
			const {data, headers} = await client.get<string>(path, {as: 'text'});
			return readablePlan(path.endsWith('/composite-plan') ? data : planText(data, headers['content-type']));
		},
	);

export function planText(body: string, contentType: string | undefined): string {
	if (!/json/i.test(contentType ?? '')) return body;
	try {
		const value: unknown = JSON.parse(body);
		return typeof value === 'string' ? value : body;
	} catch {
		return body;
	}
}

/**
 * The latest run of each action workflow of an install (`/actions/…` today, `/action-workflows/…`
 * before).
 */
export const listLatestRuns = (client: NuonClient, installId: string) =>
	eitherRoute(
		client,
		'latest-runs',
		[
			`/v1/installs/${id(installId)}/actions/latest-runs`,
			`/v1/installs/${id(installId)}/action-workflows/latest-runs`,
		],
		path => listAll<InstallActionWorkflow>(client, path),
	);

export const getActionRun = (client: NuonClient, installId: string, runId: string) =>
	eitherRoute(
		client,
		'action-run',
		[
			`/v1/installs/${id(installId)}/actions/runs/${id(runId)}`,
			`/v1/installs/${id(installId)}/action-workflows/runs/${id(runId)}`,
		],
		getData<ActionWorkflowRun>(client),
	);

export const getLogStream = async (client: NuonClient, streamId: string) =>
	(await client.get<LogStream>(`/v1/log-streams/${id(streamId)}`)).data;

export interface LogPage {
	records: LogRecord[];
	/** The next cursor; empty when fewer than a full page came back. */
	next: string;
}

/**
 * One page of log records after (asc) or before (desc) a nanosecond cursor. Bodies arrive raw:
 * the log model sanitizes them, keeping colour codes.
 */
export async function getLogsPage(
	client: NuonClient,
	streamId: string,
	order: 'asc' | 'desc',
	cursor?: string,
): Promise<LogPage> {
	const {data, headers} = await client.get<LogRecord[] | null>(`/v1/log-streams/${id(streamId)}/logs`, {
		query: {order},
		headers: cursor ? {'x-nuon-api-offset': cursor} : {},
		raw: true,
	});
	return {records: Array.isArray(data) ? data : [], next: headers['x-nuon-api-next'] ?? ''};
}

// ---- Approvals and the writes on a workflow ---------------------------------------------------

export type WorkflowStepApproval = Schemas['app.WorkflowStepApproval'];
export type ApprovalResponse = Schemas['app.WorkflowStepApprovalResponse'];
export type StepOperation = 'retry-step' | 'skip-step';

const stepPath = (workflowId: string, stepId: string) =>
	`/v1/workflows/${id(workflowId)}/steps/${id(stepId)}`;

/** The plan an approval asks about, as it came (a JSON object, a string or bytes: see domain/approval-plan).
 * */
export const getApprovalContents = async (
	client: NuonClient,
	workflowId: string,
	stepId: string,
	approvalId: string,
): Promise<unknown> =>
	(await client.get<unknown>(`${stepPath(workflowId, stepId)}/approvals/${id(approvalId)}/contents`)).data;

/**
 * The answers the server knows (app/workflow_step_approval_response.go); it stores any other word
 * and then acts on it as a deny (pkg/flow/execute_workflow_step.go), so nothing else is sent.
 */
export const APPROVAL_ANSWERS = [
	'approve',
	'deny',
	'deny-skip-current',
	'deny-skip-current-and-dependents',
	'retry',
] as const;
export type ApprovalAnswer = (typeof APPROVAL_ANSWERS)[number];

export const respondToApproval = async (
	client: NuonClient,
	workflowId: string,
	stepId: string,
	approvalId: string,
	response: ApprovalAnswer,
	note: string,
) =>
	(
		await client.post<ApprovalResponse>(
			`${stepPath(workflowId, stepId)}/approvals/${id(approvalId)}/response`,
			{response_type: response, note},
		)
	).data;

/** Answers 202; the body is `true`, or `truetrue` for a pending workflow (a 2xx is success either way). */
export const cancelWorkflow = async (client: NuonClient, workflowId: string) => {
	await client.post(`/v1/workflows/${id(workflowId)}/cancel`, {});
};

/**
 * Approves every plan of the workflow, waiting and to come (the dashboard's "approve all"): the
 * server's own poll then answers each approval with `approve` (pkg/flow/approval.go).
 */
export const approveAll = async (client: NuonClient, workflowId: string) => {
	await client.patch(`/v1/workflows/${id(workflowId)}`, {approval_option: 'approve-all'});
};

/** One step as the server has it now, with its approval and the approval's answer. */
export const getWorkflowStep = async (client: NuonClient, workflowId: string, stepId: string) =>
	(await client.get<WorkflowStep>(stepPath(workflowId, stepId))).data;

/**
 * Retries or skips a failed step. Both routes bind `{step_id, operation}` and act on the body's
 * `step_id` (installs/service/retry_workflow_step.go: without it a retry answers 500 and a skip
 * answers 201 and then fails the workflow without skipping). Today's route first; where the
 * server's router does not know it (a 404 that is not the API's: nothing was done), the contract's.
 */
export async function retryStep(
	client: NuonClient,
	workflowId: string,
	stepId: string,
	operation: StepOperation,
): Promise<void> {
	const body = {step_id: stepId, operation};
	try {
		await client.post(`${stepPath(workflowId, stepId)}/retry`, body);
	} catch (error) {
		if (!(error instanceof NuonApiError && error.isNotFound && error.apiError === undefined)) throw error;
		await client.post(`/v1/workflows/${id(workflowId)}/retry`, body);
	}
}
