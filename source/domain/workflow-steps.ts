// A workflow's steps as the screens read them: in run order, named with their attempt.
import type {Workflow, WorkflowStep} from '../api/resources.js';
import {awaitsApproval, isInProgress, phaseOf, SERVER_WORDS} from './status.js';
import {items} from './fields.js';

const position = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;

/** Execution order: by group, then retry attempt, then position. */
export function orderSteps(steps: readonly WorkflowStep[]): WorkflowStep[] {
	return [...steps].sort(
		(a, b) =>
			position(a.group_idx) - position(b.group_idx) ||
			position(a.group_retry_idx) - position(b.group_retry_idx) ||
			position(a.idx) - position(b.idx),
	);
}

/** "deploy api", "deploy api (attempt 2)" */
export const stepLabel = (step: WorkflowStep) => {
	const retries = step.group_retry_idx ?? 0;
	return `${step.name || step.id || 'step'}${retries > 0 ? ` (attempt ${retries + 1})` : ''}`;
};

/** A step's approval that nobody has answered yet. */
export const pendingApproval = (step: WorkflowStep | undefined) =>
	step?.approval?.id && !step.approval.response ? step.approval : undefined;

/**
 * The approval a person can answer now: the step waits for it and nobody has answered. The server
 * takes an answer for a step that no longer waits (a cancelled workflow) and then does nothing.
 */
export const answerableApproval = (step: WorkflowStep | undefined) =>
	awaitsApproval(step?.status?.status) ? pendingApproval(step) : undefined;

/**
 * Whether the server takes a retry or a skip of the step: only a failed step that allows it
 * (installs/service/retry_workflow_step.go answers 400 for any status but `error`).
 */
export const canRerun = (step: WorkflowStep | undefined, operation: 'retry-step' | 'skip-step'): boolean =>
	step?.status?.status === SERVER_WORDS.rerunnableStep &&
	(operation === 'retry-step' ? step.retryable === true : step.skippable === true);

/**
 * What a write on a step waits to see change: its status (Nuon acts on an answer at its next poll),
 * or its being retried (a retry leaves the failed attempt `error` and adds another).
 */
export const stepState = (step: WorkflowStep | undefined): string =>
	`${String(step?.status?.status ?? 'gone')}${step?.retried === true ? ' (retried)' : ''}`;

/** A workflow that will not change by itself: finished, or in a status that is neither moving nor unknown. */
export function workflowFinished(workflow: Workflow): boolean {
	const status = workflow.status?.status;
	if (workflow.finished === true) return true;
	if (isInProgress(status) || status === SERVER_WORDS.approvedAll) return false;
	return typeof status === 'string' && phaseOf(status) !== 'unknown' && phaseOf(status) !== 'neutral';
}

export const workflowStatus = (workflow: Workflow) => workflow.status?.status;

/** "deploy_components" → "deploy components" */
export const workflowType = (workflow: Workflow) =>
	workflow.type ? String(workflow.type).replaceAll('_', ' ') : '—';

/**
 * How far a workflow has got: of its steps that count, those that succeeded. An attempt that was
 * retried does not count (the attempt after it does), so a step retried once and then done is one
 * step done, not one of two. The workflow's title, its progress bar and the workflows list all say this.
 */
export function stepProgress(steps: readonly WorkflowStep[] | undefined): {done: number; total: number} {
	const counted = items<WorkflowStep>(steps).filter(step => step.retried !== true);
	return {
		done: counted.filter(step => phaseOf(step.status?.status) === 'success').length,
		total: counted.length,
	};
}

/** "4/5", or "—" for a workflow whose steps are not known. */
export const progressText = ({done, total}: {done: number; total: number}) =>
	total ? `${done}/${total}` : '—';
