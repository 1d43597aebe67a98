// The demo's writes: answering an approval, cancelling a workflow, retrying or skipping a failed
// step. Each changes the world's schedules at scenario time t, so every later read follows.
import type {components} from '../api/schema.js';
import {responseObject} from './approvals.js';
import {stepId} from './workflows.js';
import {phaseAt, type DemoDeploy, type DemoWorkflow, type Schedule, type World} from './world.js';

type Schemas = components['schemas'];
export type WriteAnswer = {status: number; body: unknown};

/** The account the demo's writes are made as. */
const DEMO_ACCOUNT = 'you@ledgerly.dev';

const notFound = (what: string): WriteAnswer => ({status: 404, body: {error: 'not found', user_error: true, description: `${what} not found`}});
const userError = (description: string): WriteAnswer => ({status: 400, body: {error: description, user_error: true, description}});

interface StepRef {
	workflow: DemoWorkflow;
	deploy: DemoDeploy;
	index: number;
}

/** The deploy whose current attempt is the step `id` (an earlier attempt cannot be acted on). */
function findStep(world: World, workflowId: string, id: string): StepRef | undefined {
	const workflow = world.workflows.get(workflowId);
	if (!workflow) return undefined;
	for (const [index, deployId] of workflow.deployIds.entries()) {
		const deploy = world.deploys.get(deployId)!;
		if (stepId(workflow.id, index, deploy.attempts?.length ?? 0) === id) return {workflow, deploy, index};
	}
	return undefined;
}

export function respondToApproval(world: World, workflowId: string, id: string, approvalId: string, body: unknown, t: number): WriteAnswer {
	const step = findStep(world, workflowId, id);
	if (!step) return notFound('workflow step');
	const approval = step.deploy.schedule.approval;
	if (!approval || approval.id !== approvalId || t < approval.requestedAt) return notFound('workflow step approval');
	const {response_type: type, note} = (body ?? {}) as {response_type?: unknown; note?: unknown};
	if (type !== 'approve' && type !== 'deny') return userError(`invalid request: response_type must be approve or deny, not ${JSON.stringify(type)}`);
	if (!answerApproval(step.deploy.schedule, t, type, DEMO_ACCOUNT, typeof note === 'string' ? note : '')) return userError('workflow step approval already has a response');
	const response: Schemas['app.WorkflowStepApprovalResponse'] = responseObject(world, approval);
	return {status: 201, body: response};
}

export function cancelWorkflow(world: World, workflowId: string, t: number): WriteAnswer {
	const workflow = world.workflows.get(workflowId);
	if (!workflow) return notFound('workflow');
	const deploys = workflow.deployIds.map(id => world.deploys.get(id)!);
	const running = deploys.filter(deploy => t < deploy.schedule.doneAt);
	if (!running.length || deploys.every(deploy => t < deploy.schedule.queuedAt)) return userError('workflow is not cancelable');
	for (const deploy of running) cancelDeploy(deploy.schedule, t);
	return {status: 202, body: true};
}

export function retryStep(world: World, workflowId: string, id: string, operation: unknown, t: number): WriteAnswer {
	const step = findStep(world, workflowId, id);
	if (!step) return notFound('workflow step');
	const {deploy} = step;
	if (phaseAt(deploy.schedule, t) !== 'error' || deploy.skipped) return userError('the step has not failed: there is nothing to retry or skip');
	if (operation === 'skip-step') {
		deploy.skipped = true;
	} else if (operation === 'retry-step') {
		deploy.attempts = [...(deploy.attempts ?? []), deploy.schedule];
		deploy.schedule = {queuedAt: t, planningAt: t + 2, executingAt: t + 5, doneAt: t + 12, fails: false};
		if (deploy.ic.rollout?.id === deploy.id) deploy.ic.rollout.schedule = deploy.schedule;
	} else {
		return userError(`invalid request: operation must be retry-step or skip-step, not ${JSON.stringify(operation)}`);
	}
	const body: Schemas['service.RetryWorkflowByIDResponse'] = {workflow_id: workflowId};
	return {status: 201, body};
}

/** A person's answer at t to an approval still waiting; false when it is not waiting. */
function answerApproval(s: Schedule, t: number, response: 'approve' | 'deny', by: string, note: string): boolean {
	if (!s.approval || phaseAt(s, t) !== 'awaiting') return false;
	const apply = s.doneAt - s.executingAt;
	Object.assign(s.approval, {answeredAt: t, response, by, note});
	s.executingAt = t;
	s.doneAt = response === 'deny' ? t : t + apply;
	return true;
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
