// Workflows and their steps, the approvals in them and the writes on them.
import type {NuonClient} from './client.js';
import {NuonApiError} from './errors.js';
import {listAll, listPage} from './paging.js';
import type {ApprovalResponse, Workflow, WorkflowStep} from './types.js';

const id = encodeURIComponent;

/**
 * An install's workflows, newest first; `withoutPlanOnly` leaves out plan-only ones (drift checks,
 * action runs): `planonly=false` (installs/service/get_workflows.go, since 2025-08-25; the default
 * `true` lists them), and `plan_only` read here for a server that ignores it.
 */
export async function listInstallWorkflowsPage(
	client: NuonClient,
	installId: string,
	offset: number,
	{withoutPlanOnly = false} = {},
) {
	const path = `/v1/installs/${id(installId)}/workflows`;
	if (!withoutPlanOnly) return listPage<Workflow>(client, path, offset);
	const page = await listPage<Workflow>(client, path, offset, {planonly: 'false'});
	return {...page, items: page.items.filter(workflow => workflow.plan_only !== true)};
}

export const getWorkflow = async (client: NuonClient, workflowId: string) =>
	(await client.get<Workflow>(`/v1/workflows/${id(workflowId)}`)).data;

/** Every step, page by page: the route pages since API 0.19.1006 (10 a page unless asked). */
export const listWorkflowSteps = async (client: NuonClient, workflowId: string) =>
	listAll<WorkflowStep>(client, `/v1/workflows/${id(workflowId)}/steps`);

/**
 * The org's approvals nobody has answered, of every owner type (deploys, sandbox runs, rollout groups),
 * each with its step (2026, API 0.19.852: installs/service/get_org_pending_approvals.go), paged. Older
 * servers read the path as a workflow's id and answer 404.
 */
export const listPendingApprovals = (client: NuonClient) =>
	listAll<Record<string, unknown>>(client, '/v1/workflows/pending-approvals', {}, Infinity);

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

/** The API version from which `…/steps/{id}/retry` reads no body and `…/steps/{id}/skip` exists. */
const SKIP_ROUTE_SINCE = [0, 19, 894];

/** Whether a server that says it is `version` (X-Nuon-API-Version) has the skip route. */
export function hasSkipRoute(version: string | undefined): boolean {
	const parts = /^v?(\d+)\.(\d+)\.(\d+)/
		.exec(version ?? '')
		?.slice(1)
		.map(Number);
	if (!parts) return false;
	for (const [index, part] of parts.entries()) {
		const since = SKIP_ROUTE_SINCE[index]!;
		if (part !== since) return part > since;
	}
	return true;
}

/** A 404 from the router, not the API (nothing was done), from a server that may lack the route. */
const routeUnknown = (error: unknown, unlessSince?: 'skip-route'): boolean =>
	error instanceof NuonApiError &&
	error.isNotFound &&
	error.apiError === undefined &&
	!(unlessSince && hasSkipRoute(error.apiVersion));

/**
 * Retries or skips a failed step, on whichever server this is, sending exactly what does what was
 * confirmed. Since API 0.19.894 (SDK 2026-04-26) `…/steps/{id}/retry` reads no body and retries
 * the path's step whatever `operation` says, and skipping is `…/steps/{id}/skip`: so a skip goes to
 * the skip route first, and to the body form only where the router does not know it (a text 404,
 * from a server that does not say it is 0.19.894 or newer). Up to then both retry routes bind
 * `{step_id, operation}` and act on the body's `step_id` (installs/service/retry_workflow_step.go of
 * 2025-12: without it a retry answers 500 and a skip answers 201 and then fails the workflow
 * without skipping); the body is sent to the step's route on every server (2026 ignores it), and to
 * the contract's `/v1/workflows/{id}/retry` where the step's route is unknown.
 */
export async function retryStep(
	client: NuonClient,
	workflowId: string,
	stepId: string,
	operation: StepOperation,
): Promise<void> {
	if (operation === 'skip-step') {
		try {
			await client.post(`${stepPath(workflowId, stepId)}/skip`, {});
			return;
		} catch (error) {
			if (!routeUnknown(error, 'skip-route')) throw error;
		}
	}
	const body = {step_id: stepId, operation};
	try {
		await client.post(`${stepPath(workflowId, stepId)}/retry`, body);
	} catch (error) {
		if (!routeUnknown(error)) throw error;
		await client.post(`/v1/workflows/${id(workflowId)}/retry`, body);
	}
}
