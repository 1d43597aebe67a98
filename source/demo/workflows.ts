// Install workflows at scenario time t: each release deployed to an install is one workflow, its
// steps the component deploys in order (one group each); a step's status follows its deploy's.
import type {components} from '../api/schema.js';
import {NEWEST_DEMO_API, since, type DemoApi} from './api-mode.js';
import {approvalObject} from './approvals.js';
import {provisionedInstall, provisionSteps, provisionWorkflow} from './provision-workflow.js';
import {
	phaseAt,
	SECOND,
	iso,
	type DemoDeploy,
	type DemoInstall,
	type DemoWorkflow,
	type Phase,
	type Schedule,
	type World,
} from './world.js';

type Schemas = components['schemas'];
type StepStatus = Schemas['app.Status'];

const DESCRIPTIONS: Partial<Record<StepStatus, string>> = {
	pending: 'waiting for the steps before it',
	'in-progress': 'running',
	'approval-awaiting': 'the plan is waiting for approval',
	success: 'finished',
	error: 'failed',
	'approval-denied': 'the plan was denied',
	'approval-retry': 'the plan was sent back to plan again',
	cancelled: 'cancelled',
	'user-skipped': 'skipped by a person',
};

const STEP_STATUS: Record<Phase, StepStatus> = {
	queued: 'in-progress',
	planning: 'in-progress',
	awaiting: 'approval-awaiting',
	executing: 'in-progress',
	active: 'success',
	error: 'error',
	denied: 'approval-denied',
	replanned: 'approval-retry',
	cancelled: 'cancelled',
	inactive: 'success',
};

function stepStatus(deploy: DemoDeploy, schedule: Schedule, t: number): StepStatus {
	if (t < schedule.queuedAt || (schedule.cancelled && schedule.doneAt <= schedule.queuedAt)) return 'pending';
	const status = STEP_STATUS[phaseAt(schedule, t)];
	return status === 'error' && deploy.skipped ? 'user-skipped' : status;
}

const seconds = (world: World, at: number) => Math.floor((world.startedAt + at * SECOND) / SECOND);

/** A step's id: its workflow, its position and its attempt. */
export const stepId = (workflowId: string, index: number, attempt: number) =>
	`iws${workflowId.slice(3, 19)}${String(index).padStart(6, '0')}${attempt}`.slice(0, 26);

function stepObject(
	world: World,
	workflow: DemoWorkflow,
	deploy: DemoDeploy,
	index: number,
	attempt: number,
	t: number,
): Schemas['app.WorkflowStep'] {
	const schedule = attempt < (deploy.attempts?.length ?? 0) ? deploy.attempts![attempt]! : deploy.schedule;
	const current = schedule === deploy.schedule;
	const status = stepStatus(deploy, schedule, t);
	const {queuedAt, doneAt} = schedule;
	const started = t >= queuedAt;
	const finished = t >= doneAt;
	const id = stepId(workflow.id, index, attempt);
	const approval = approvalObject(world, deploy, schedule, id, t);
	return {
		id,
		workflow_id: workflow.id,
		install_workflow_id: workflow.id,
		idx: index,
		group_idx: index,
		group_retry_idx: attempt,
		name: `deploy ${deploy.ic.component.name}`,
		execution_type: approval ? 'approval' : 'system',
		status: {
			status,
			status_human_description:
				(status === 'approval-denied' && schedule.approval?.skips
					? 'Plan changes denied, skipping current step group'
					: DESCRIPTIONS[status]) ?? status,
			created_at_ts: seconds(world, started ? Math.min(t, finished ? doneAt : queuedAt) : 0),
		},
		step_target_type: 'install_deploys',
		step_target_id: deploy.id,
		// installs/workflows/shared.go: a step's owner is its install.
		owner_id: workflow.install.id,
		owner_type: 'installs',
		// Set when the step is made, whatever it later does (installs/workflows/shared.go): the server
		// refuses a retry or skip unless the step's status is `error` (retry_workflow_step.go).
		retryable: true,
		skippable: true,
		retried: !current,
		finished,
		created_at: iso(world, Math.min(queuedAt, t)),
		updated_at: iso(world, Math.min(t, doneAt)),
		...(started
			? {started_at: iso(world, queuedAt), execution_time: Math.round((Math.min(t, doneAt) - queuedAt) * 1e9)}
			: {}),
		...(finished ? {finished_at: iso(world, doneAt)} : {}),
		...(approval ? {approval} : {}),
		...(deploy.policy && current ? {policy_validation: policyObject(world, deploy, id, doneAt)} : {}),
	};
}

function policyObject(
	world: World,
	deploy: DemoDeploy,
	stepId: string,
	at: number,
): Schemas['app.WorkflowStepPolicyValidation'] {
	const passed = deploy.policy!.passed;
	return {
		id: `wpv${stepId.slice(3)}`,
		install_workflow_step_id: stepId,
		runner_job_id: `rjb${deploy.id.slice(3, 24)}1`,
		status: {
			status: passed ? 'success' : 'error',
			status_human_description: passed ? 'every policy passed' : 'a policy refused the plan',
			created_at_ts: seconds(world, at),
		},
		response: deploy.policy!.response,
		created_at: iso(world, at),
		updated_at: iso(world, at),
	};
}

const deploysOf = (world: World, workflow: DemoWorkflow) =>
	workflow.deployIds.map(id => world.deploys.get(id)!);

export function workflowSteps(
	world: World,
	workflowId: string,
	t: number,
): Array<Schemas['app.WorkflowStep']> | undefined {
	const provisioned = provisionedInstall(world, workflowId);
	if (provisioned) return provisionSteps(world, provisioned);
	const workflow = world.workflows.get(workflowId);
	if (!workflow || !workflowStarted(world, workflow, t)) return undefined;
	return deploysOf(world, workflow).flatMap((deploy, index) =>
		Array.from({length: (deploy.attempts?.length ?? 0) + 1}, (_, attempt) =>
			stepObject(world, workflow, deploy, index, attempt, t),
		),
	);
}

/** A workflow exists from its creation: queued (`pending`) until its first deploy starts. */
const workflowStarted = (_world: World, workflow: DemoWorkflow, t: number): boolean =>
	workflow.createdAt <= t;

/**
 * 2026 (SDK 0.19.945; pkg/flow execute_workflow_step.go, DirectiveAwaitRetry): a step that fails once
 * Nuon's own retries are used up parks its workflow as `failed-pending-retry`, "step failed, awaiting
 * retry or skip", until someone retries, skips or cancels it, or the wait's ceiling
 * (callback.MaxWaitCeiling) ends it `error`; the step says `error` throughout. The demo's ceiling, in
 * scenario seconds:
 */
export const PARKED_FOR = 45;
const FAILED_PENDING_RETRY = 'failed-pending-retry' as StepStatus; // 2026's word, not in the contract

export function workflow(
	world: World,
	workflowId: string,
	t: number,
	api: DemoApi = NEWEST_DEMO_API,
): Schemas['app.Workflow'] | undefined {
	const provisioned = provisionedInstall(world, workflowId);
	if (provisioned) return provisionWorkflow(world, provisioned);
	const found = world.workflows.get(workflowId);
	if (!found || !workflowStarted(world, found, t)) return undefined;
	const steps = workflowSteps(world, workflowId, t)!;
	const deploys = deploysOf(world, found);
	// A plan denied with "skip" does not stop the workflow (pkg/flow/execute_workflow_step.go).
	const statuses = steps
		.filter(step => !step.retried)
		.map((step, index) =>
			step.status?.status === 'approval-denied' && deploys[index]?.schedule.approval?.skips
				? 'user-skipped'
				: step.status?.status,
		);
	const settled = workflowStatus(statuses);
	const startedAt = Math.min(...deploys.map(d => d.schedule.queuedAt));
	const endedAt = Math.max(...deploys.map(d => d.schedule.doneAt));
	const cancelled = found.cancelledAt !== undefined && t >= found.cancelledAt;
	const queued = !cancelled && t < startedAt;
	const failedAt = deploys.find(d => d.schedule.fails && !d.skipped && t >= d.schedule.doneAt)?.schedule
		.doneAt;
	const parked =
		since(api, '2026') &&
		!cancelled &&
		settled === 'error' &&
		failedAt !== undefined &&
		t < failedAt + PARKED_FOR;
	const finished =
		!parked && (cancelled || (!queued && settled !== 'in-progress' && settled !== 'approval-awaiting'));
	// Approve all sets the running workflow's status to `approved` at its first answer (pkg/flow/approval.go).
	const status: StepStatus = parked
		? FAILED_PENDING_RETRY
		: cancelled
			? 'cancelled'
			: queued
				? 'pending'
				: !finished && found.autoApprovedAt !== undefined && t >= found.autoApprovedAt
					? 'approved'
					: settled;
	return {
		id: found.id,
		owner_id: found.install.id,
		owner_type: 'installs',
		type: found.type,
		name:
			found.type === 'deploy_components'
				? `Deploy ${found.release} to ${found.install.name}`
				: `Deploy ${found.release}`,
		plan_only: false,
		// installs/helpers/create_install_workflow.go makes workflows with `prompt`; update_workflow.go sets
		// `approve-all`.
		approval_option: found.approvalOption,
		step_error_behavior: 'abort',
		status: {
			status,
			status_human_description: WORKFLOW_DESCRIPTIONS[status] ?? status,
			created_at_ts: seconds(world, Math.min(t, queued ? found.createdAt : endedAt)),
		},
		created_by_id: `acc${found.install.id.slice(3, 12)}`,
		created_by: {id: `acc${found.install.id.slice(3, 12)}`, email: found.author, account_type: 'auth0'},
		created_at: iso(world, found.createdAt),
		...(queued ? {} : {started_at: iso(world, startedAt)}),
		updated_at: iso(world, Math.min(t, endedAt)),
		// `finished` is left out when false (app/workflow.go: omitzero).
		...(finished ? {finished: true, finished_at: iso(world, Math.min(t, endedAt))} : {}),
		execution_time: queued ? 0 : Math.round((Math.min(t, endedAt) - startedAt) * 1e9),
		// installs/service/get_workflow.go preloads each step's approval but not its policy check
		// (get_workflow_steps.go and get_workflow_step.go do).
		steps: steps.map(({policy_validation: _policy, ...step}) => step),
	};
}

const WORKFLOW_DESCRIPTIONS: Partial<Record<StepStatus, string>> = {
	error: 'a step failed',
	success: 'all steps finished',
	cancelled: 'cancelled',
	'approval-awaiting': 'a step is waiting for approval',
	'in-progress': 'running',
	pending: 'queued: waiting for its turn',
	approved: 'auto approved',
	[FAILED_PENDING_RETRY]: 'step failed, awaiting retry or skip',
};

/** A workflow's status from its steps' (a denied plan fails it). */
function workflowStatus(statuses: Array<StepStatus | undefined>): StepStatus {
	if (statuses.includes('cancelled')) return 'cancelled';
	if (statuses.includes('error') || statuses.includes('approval-denied')) return 'error';
	if (statuses.every(s => s === 'success' || s === 'user-skipped')) return 'success';
	return statuses.includes('approval-awaiting') ? 'approval-awaiting' : 'in-progress';
}

/** An install's workflows at t, newest first. */
export function installWorkflows(
	world: World,
	install: DemoInstall,
	t: number,
	api?: DemoApi,
): Array<Schemas['app.Workflow']> {
	return install.workflowIds.map(id => workflow(world, id, t, api)).filter(found => found !== undefined);
}
