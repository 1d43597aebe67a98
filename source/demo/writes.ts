// The demo's writes, as the server's handlers take them: answering an approval, approving all,
// cancelling a workflow, retrying or skipping a failed step. Each changes the world's schedules at
// scenario time t, so every later read follows; the server acts on an answer at its next poll, not
// at once, and so does the demo (LOOK_EVERY).
import type {components} from '../api/schema.js';
import {since, type DemoApi} from './api-mode.js';
import {DEMO_ACCOUNT, responseObject} from './approvals.js';
import {digest} from './random.js';
import {stepId, workflow as workflowObject} from './workflows.js';
import {
	followSchedule,
	phaseAt,
	type DemoDeploy,
	type DemoWorkflow,
	type Schedule,
	type World,
} from './world.js';

type Schemas = components['schemas'];
export type WriteAnswer = {status: number; body: unknown} | {status: number; text: string; type: string};

/**
 * How often the server looks for an approval's answer: from the approval on, every 15 s (InitialInterval
 * 15 s, BackoffFactor 1: pkg/flow/approval.go, pkg/workflows/workflow/wait_for_approval_response.go).
 */
export const LOOK_EVERY = 15;

/** When the server, looking every LOOK_EVERY seconds since the approval was asked, first sees an answer
 * given at t. */
export const seenAt = (requestedAt: number, t: number): number =>
	requestedAt + Math.max(1, Math.ceil((t - requestedAt) / LOOK_EVERY)) * LOOK_EVERY;

/** A time that does not come (scenario seconds: some 30 years), for what waits for a person; finite, so it
 * still reads as a date. */
const NOT_YET = 1e9;

/** How long applying a plan takes once approved, when the schedule does not say. */
const APPLY_SECONDS = 8;

const notFound = (what: string): WriteAnswer => ({
	status: 404,
	body: {error: 'not found', user_error: true, description: `${what} not found`},
});
const userError = (description: string): WriteAnswer => ({
	status: 400,
	body: {error: description, user_error: true, description},
});

interface StepRef {
	workflow: DemoWorkflow;
	deploy: DemoDeploy;
	/** Which attempt of the deploy the step is; the current one is the last. */
	attempt: number;
	current: boolean;
	schedule: Schedule;
}

/** The step `id` of a workflow: any attempt of any of its deploys. */
function findStep(world: World, workflowId: string, id: string): StepRef | undefined {
	const workflow = world.workflows.get(workflowId);
	if (!workflow) return undefined;
	for (const [index, deployId] of workflow.deployIds.entries()) {
		const deploy = world.deploys.get(deployId)!;
		const attempts = deploy.attempts?.length ?? 0;
		for (let attempt = 0; attempt <= attempts; attempt++) {
			if (stepId(workflow.id, index, attempt) !== id) continue;
			return {
				workflow,
				deploy,
				attempt,
				current: attempt === attempts,
				schedule: attempt === attempts ? deploy.schedule : deploy.attempts![attempt]!,
			};
		}
	}
	return undefined;
}

/**
 * installs/service/create_workflow_step_approval_response.go: any response_type is stored (the
 * request binds no enum); 400 once the approval has a response; 201 {id, type, note}. It does not
 * check that the step still waits: an answer to a cancelled workflow's approval is kept, and acts
 * on nothing. The flow then approves on `approve`, plans again on `retry`, and denies on anything
 * else; today `deny-skip-current…` deny and let the workflow go on (before October 2025 they were
 * plain denies).
 */
export function respondToApproval(
	world: World,
	workflowId: string,
	id: string,
	approvalId: string,
	body: unknown,
	t: number,
	api: DemoApi,
): WriteAnswer {
	const step = findStep(world, workflowId, id);
	if (!step) return notFound('workflow step');
	const s = step.schedule;
	const approval = s.approval;
	if (!approval || approval.id !== approvalId || t < approval.requestedAt)
		return notFound('workflow step approval');
	if (t >= approval.answeredAt) return userError('workflow step approval already has a response');
	const {response_type: type, note} = (body ?? {}) as {response_type?: unknown; note?: unknown};
	const response = typeof type === 'string' ? type : '';
	const waiting = phaseAt(s, t) === 'awaiting';
	Object.assign(approval, {
		answeredAt: t,
		response,
		by: DEMO_ACCOUNT,
		note: typeof note === 'string' ? note : '',
		skips: since(api, '2025-12') && response.startsWith('deny-skip-current'),
	});
	if (waiting) act(step, seenAt(approval.requestedAt, t));
	const answer = {id: responseObject(world, approval).id, type: response, note: approval.note};
	return {status: 201, body: answer};
}

/** The flow acting at `at` on the answer the step's approval holds. */
function act({deploy, schedule: s}: StepRef, at: number): void {
	const answer = s.approval!.response;
	const apply = s.doneAt - s.executingAt < NOT_YET ? s.doneAt - s.executingAt : APPLY_SECONDS;
	s.executingAt = at;
	s.doneAt = answer === 'approve' || answer === 'auto-approve' ? at + apply : at;
	if (answer !== 'retry') return;
	// Plan again: this attempt ends (its deploy discarded) and a copy of the step plans anew, then
	// waits for a person (pkg/flow/execute_workflow_step.go, cloneWorkflowStep).
	deploy.attempts = [...(deploy.attempts ?? []), s];
	const plannedAt = at + 4;
	deploy.schedule = {
		queuedAt: at,
		planningAt: at,
		executingAt: NOT_YET,
		doneAt: NOT_YET,
		fails: false,
		approval: {
			id: `apr${digest(`${s.approval!.id}:${at}`).slice(0, 23)}`,
			type: s.approval!.type,
			requestedAt: plannedAt,
			answeredAt: Number.POSITIVE_INFINITY,
			response: 'approve',
			by: '',
			note: '',
		},
	};
	followSchedule(deploy);
}

/** The statuses installs/service/cancel_workflow.go cancels; any other answers 400. */
const CANCELLABLE = new Set(['in-progress', 'pending', 'approval-awaiting', 'awaiting-approval']);

/**
 * installs/service/cancel_workflow.go: 202 `true`; a `pending` workflow's handler writes its JSON
 * twice, so the body is `truetrue`; 400 "workflow is not cancelable" in any other status.
 */
/**
 * installs/service/cancel_workflow.go: 202, its body `true` (`truetrue` for a pending workflow, which
 * the handler answers twice) up to December 2025; `{}` on 2026 (SDK `cancel_workflow.py`,
 * `AppEmptyResponse`, 0.19.894).
 */
export function cancelWorkflow(world: World, workflowId: string, t: number, api: DemoApi): WriteAnswer {
	const workflow = world.workflows.get(workflowId);
	const shown = workflow && workflowObject(world, workflowId, t);
	if (!workflow || !shown) return notFound('workflow');
	const status = String(shown.status?.status ?? '');
	if (!CANCELLABLE.has(status)) return userError('workflow is not cancelable');
	for (const deploy of workflow.deployIds.map(id => world.deploys.get(id)!)) cancelDeploy(deploy.schedule, t);
	workflow.cancelledAt = t;
	if (since(api, '2026')) return {status: 202, body: {}};
	return status === 'pending'
		? {status: 202, text: 'truetrue', type: 'application/json; charset=utf-8'}
		: {status: 202, body: true};
}

/**
 * installs/service/update_workflow.go: `{"approval_option": "approve-all"}` is saved on the
 * workflow (200, the workflow as GORM left it: little more than its id). The flow's next poll of
 * each approval then answers it `approve` with the note "auto-approved" and sets the workflow's
 * status to `approved` (pkg/flow/approval.go); later approvals are answered as they are asked.
 */
export function updateWorkflow(world: World, workflowId: string, body: unknown, t: number): WriteAnswer {
	const workflow = world.workflows.get(workflowId);
	if (!workflow)
		return userError(`unable to get install ${workflowId}: install workflow not found: record not found`);
	const option = (body ?? {}) as {approval_option?: unknown};
	if (option.approval_option === undefined)
		return {status: 500, body: {error: 'invalid request: approval_option is required'}};
	if (option.approval_option !== 'approve-all') {
		workflow.approvalOption = 'prompt';
		return {status: 200, body: {id: workflow.id, approval_option: option.approval_option}};
	}
	workflow.approvalOption = 'approve-all';
	for (const deployId of workflow.deployIds) {
		const deploy = world.deploys.get(deployId)!;
		const approval = deploy.schedule.approval;
		if (!approval || approval.answeredAt <= t) continue;
		const at = seenAt(approval.requestedAt, Math.max(t, approval.requestedAt));
		Object.assign(approval, {answeredAt: at, response: 'approve', by: 'auto-approve', note: 'auto-approved'});
		act(
			{workflow, deploy, attempt: deploy.attempts?.length ?? 0, current: true, schedule: deploy.schedule},
			at,
		);
		workflow.autoApprovedAt = Math.min(workflow.autoApprovedAt ?? at, at);
	}
	return {status: 200, body: {id: workflow.id, approval_option: 'approve-all'}};
}

/**
 * installs/service/retry_workflow_step.go (today's route) and retry_workflow.go (the contract's):
 * both bind `{step_id, operation}`. The step is looked up by the path's id on today's route (the
 * body's on the contract's), refused (400) unless its status is `error` and it allows the
 * operation; what is retried or skipped is the body's `step_id`. Without one, a retry fails to
 * update the step (500) and a skip answers 201 and then skips nothing: the workflow stays failed.
 */
export function retryStep(
	world: World,
	workflowId: string,
	pathStepId: string | undefined,
	body: unknown,
	t: number,
): WriteAnswer {
	const {step_id: bodyStepId, operation} = (body ?? {}) as {step_id?: unknown; operation?: unknown};
	const acted = typeof bodyStepId === 'string' ? bodyStepId : '';
	const step = findStep(world, workflowId, pathStepId ?? acted);
	if (!step) return userError(`install workflow step not found: ${acted}`);
	if (!step.current || phaseAt(step.schedule, t) !== 'error' || step.deploy.skipped)
		return userError(`install workflow ${workflowId} can't be retried`);
	if (operation !== 'retry-step' && operation !== 'skip-step')
		return userError(
			`invalid request: operation must be retry-step or skip-step, not ${JSON.stringify(operation)}`,
		);
	const target = acted ? findStep(world, workflowId, acted) : undefined;
	if (operation === 'retry-step' && !target)
		return {
			status: 500,
			body: {error: 'failed to update install workflow step retry: record not found', user_error: false},
		};
	const response: Schemas['service.RetryWorkflowByIDResponse'] = {workflow_id: workflowId};
	if (target?.current && phaseAt(target.schedule, t) === 'error') retryOrSkip(target, operation, t);
	return {status: 201, body: response};
}

export type StepOperation = 'retry-step' | 'skip-step';

/** Retries (a new attempt from t) or skips a failed step's deploy. */
function retryOrSkip({deploy}: StepRef, operation: StepOperation, t: number): void {
	if (operation === 'skip-step') {
		deploy.skipped = true;
		return;
	}
	deploy.attempts = [...(deploy.attempts ?? []), deploy.schedule];
	deploy.schedule = {queuedAt: t, planningAt: t + 2, executingAt: t + 5, doneAt: t + 12, fails: false};
	followSchedule(deploy);
}

/**
 * The 2026 routes (API 0.19.894, SDK `retry_workflow_step.py` and `skip_workflow_step.py`;
 * installs/service/skip_workflow_step.go): no body is read, the path's step is what is retried or
 * skipped, whatever a body says. 400 unless it failed; 201 `{workflow_id, retryable|skippable}`.
 */
export function actOnPathStep(
	world: World,
	workflowId: string,
	stepId: string,
	operation: StepOperation,
	t: number,
): WriteAnswer {
	if (!world.workflows.has(workflowId)) return userError(`workflow not found: ${workflowId}`);
	const step = findStep(world, workflowId, stepId);
	if (!step) return userError(`workflow step not found: ${stepId}`);
	if (!step.current || phaseAt(step.schedule, t) !== 'error' || step.deploy.skipped)
		return userError(`install workflow ${workflowId} can't be retried`);
	retryOrSkip(step, operation, t);
	return {
		status: 201,
		body: {workflow_id: workflowId, ...(operation === 'skip-step' ? {skippable: true} : {retryable: true})},
	};
}

/** Cancels at t a deploy that has not finished: what has not happened is cut off at t. */
function cancelDeploy(s: Schedule, t: number): boolean {
	if (t >= s.doneAt) return false;
	s.cancelled = true;
	s.queuedAt = Math.min(s.queuedAt, t);
	s.planningAt = Math.min(s.planningAt, t);
	s.executingAt = Math.min(s.executingAt, t);
	s.doneAt = t;
	if (s.approval && s.approval.answeredAt > t) s.approval.answeredAt = Number.POSITIVE_INFINITY;
	return true;
}
