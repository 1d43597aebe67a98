// Workflows and their steps, the approvals in them and the writes on them.
import type {NuonClient} from './client.js';
import {NuonApiError} from './errors.js';
import {listPage} from './paging.js';
import type {ApprovalResponse, Workflow, WorkflowStep} from './types.js';
import {items} from '../domain/fields.js';

const id = encodeURIComponent;

/** An install's workflows, newest first. */
export const listInstallWorkflowsPage = (client: NuonClient, installId: string, offset: number) =>
	listPage<Workflow>(client, `/v1/installs/${id(installId)}/workflows`, offset);

export const getWorkflow = async (client: NuonClient, workflowId: string) =>
	(await client.get<Workflow>(`/v1/workflows/${id(workflowId)}`)).data;

export const listWorkflowSteps = async (client: NuonClient, workflowId: string) =>
	items<WorkflowStep>((await client.get<WorkflowStep[]>(`/v1/workflows/${id(workflowId)}/steps`)).data);

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
