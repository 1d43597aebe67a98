// A workflow's steps as the screens read them: in run order, named with their attempt.
import type {Workflow, WorkflowStep} from '../api/resources.js';
import {isInProgress, phaseOf} from './status.js';

const position = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER);

/** Execution order: by group, then retry attempt, then position. */
export function orderSteps(steps: readonly WorkflowStep[]): WorkflowStep[] {
	return [...steps].sort((a, b) => position(a.group_idx) - position(b.group_idx) || position(a.group_retry_idx) - position(b.group_retry_idx) || position(a.idx) - position(b.idx));
}

/** "deploy api", "deploy api (attempt 2)" */
export const stepLabel = (step: WorkflowStep) => `${step.name || step.id || 'step'}${(step.group_retry_idx ?? 0) > 0 ? ` (attempt ${(step.group_retry_idx ?? 0) + 1})` : ''}`;

/** A step's approval that nobody has answered yet. */
export const pendingApproval = (step: WorkflowStep | undefined) => (step?.approval?.id && !step.approval.response ? step.approval : undefined);

/** A workflow that will not change by itself: finished, or in a status that is neither moving nor unknown. */
export function workflowFinished(workflow: Workflow): boolean {
	const status = workflow.status?.status;
	if (isInProgress(status)) return false;
	return workflow.finished === true || (typeof status === 'string' && phaseOf(status) !== 'unknown' && phaseOf(status) !== 'neutral');
}
