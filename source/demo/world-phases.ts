// What happens to a deploy over time: its phase at a scenario second, the phases it goes through,
// and the words each API field uses for a phase.
import type {CompositeStatus} from '../api/resources.js';
import type {components} from '../api/schema.js';
import {approvesPlan} from './activity.js';
import type {Phase, Schedule} from './world-types.js';

export function phaseAt(s: Schedule, t: number): Phase {
	if (t >= s.doneAt)
		return s.cancelled
			? 'cancelled'
			: !approvesPlan(s.approval)
				? s.approval!.response === 'retry'
					? 'replanned'
					: 'denied'
				: s.fails
					? 'error'
					: 'active';
	if (t >= s.executingAt) return 'executing';
	if (s.approval && t >= s.approval.requestedAt) return 'awaiting';
	if (t >= s.planningAt) return 'planning';
	return 'queued';
}

/** Every phase a schedule goes through with the time it starts, a phase that lasts no time left out. */
export function phaseHistory(s: Schedule): Array<[Phase, number]> {
	const all: Array<[Phase, number]> = [
		['queued', s.queuedAt],
		['planning', s.planningAt],
		...(s.approval ? [['awaiting', s.approval.requestedAt] as [Phase, number]] : []),
		['executing', s.executingAt],
		[phaseAt(s, s.doneAt), s.doneAt],
	];
	return all.filter(([, at], index) => index === all.length - 1 || all[index + 1]![1] > at);
}

/** The word a deploy's own status field uses for a phase. */
export const DEPLOY_STATUS: Record<Phase, components['schemas']['app.InstallDeployStatus']> = {
	queued: 'queued',
	planning: 'planning',
	awaiting: 'pending-approval',
	executing: 'executing',
	active: 'active',
	error: 'error',
	denied: 'approval-denied',
	// The server sets a deploy whose plan is sent back to `discarded` (pkg/flow/execute_workflow_step.go).
	replanned: 'discarded' as components['schemas']['app.InstallDeployStatus'],
	cancelled: 'cancelled',
	inactive: 'inactive',
};

export const DESCRIPTIONS: Record<Phase, string> = {
	queued: 'waiting for a runner to pick up the deploy',
	planning: 'planning changes',
	awaiting: 'the plan is waiting for approval',
	executing: 'applying changes',
	active: 'deployed successfully',
	error: 'helm upgrade failed: timed out waiting for the condition',
	denied: 'the plan was denied',
	replanned: 'the plan was sent back to plan again',
	cancelled: 'cancelled with its workflow',
	inactive: 'superseded by a newer deploy',
};

/** status_v2 uses the CompositeStatus vocabulary (app.Status), not the deploy's own. */
export const V2_STATUS: Record<Phase, CompositeStatus['status']> = {
	queued: 'pending',
	planning: 'planning',
	awaiting: 'approval-awaiting',
	executing: 'applying',
	active: 'active',
	error: 'error',
	denied: 'approval-denied',
	replanned: 'discarded',
	cancelled: 'cancelled',
	inactive: 'outdated',
};
