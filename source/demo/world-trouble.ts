// What the demo's rollout goes through besides deploys that succeed: plans that wait for a person,
// a runner that stops, and the troubles of earlier workflows.
import type {ComponentKind} from './catalog.js';
import type {ApprovalSchedule} from './activity.js';
import {digest} from './random.js';
import type {DemoDeploy, Schedule} from './world-types.js';

/**
 * What went wrong in earlier workflows, for their steps to show: a Helm chart the policy check
 * refused (the failed release), a workflow cancelled part-way (the failed release, on every fifth
 * install) and a step that failed once and was retried (the superseded release, every third).
 */
export function pastTrouble(
	index: number,
	k: number,
	type: ComponentKind,
	release: 'failed' | 'superseded',
): Partial<DemoDeploy> & {schedule?: never} {
	if (release === 'failed' && type === 'helm_chart') {
		return {
			policy: {
				passed: false,
				response:
					'kyverno: require-requests-limits: validation error: CPU and memory requests and limits are ' +
					'required. rule autogen-validate-resources failed at path ' +
					'/spec/template/spec/containers/0/resources/limits/',
			},
		};
	}
	if (release === 'failed' && index % 5 === 4 && k >= 1) return {cancelledBy: 'maya@ledgerly.dev'};
	if (release === 'superseded' && index % 3 === 1 && k === 0) return {retriedAfterFailure: true};
	return {};
}

/**
 * The rollout's approvals, by install index: a Terraform plan that waits for a person (a teammate
 * answers it after APPROVAL_WAIT scenario seconds if nobody has), and a Helm diff a teammate approved.
 */
export const APPROVALS: Record<
	number,
	{
		component: ComponentKind;
		type: ApprovalSchedule['type'];
		wait: number;
		by: string;
		note: string;
		/** Asked no earlier than this (the last wave's, which wait together: the fleet's queue). */
		after?: number;
		additive?: boolean;
	}
> = {
	8: {
		component: 'terraform_module',
		type: 'terraform_plan',
		wait: 300,
		by: 'jon@ledgerly.dev',
		note: 'approved after the change window opened',
	},
	2: {
		component: 'helm_chart',
		type: 'helm_approval',
		wait: 25,
		by: 'priya@ledgerly.dev',
		note: 'looks right',
	},
	...lastWaveApprovals(),
};

/** Plans of the last wave that wait at the same time on several installs, until a teammate answers. */
function lastWaveApprovals(): typeof APPROVALS {
	const waiting = {wait: 200, by: 'jon@ledgerly.dev', note: 'approved from the queue', after: 85};
	return {
		28: {...waiting, component: 'terraform_module', type: 'terraform_plan'},
		30: {...waiting, component: 'helm_chart', type: 'helm_approval'},
		32: {...waiting, component: 'terraform_module', type: 'terraform_plan', additive: true},
		33: {...waiting, component: 'job', type: 'kubernetes_manifest_approval'},
	};
}

/** Asked of the plans of --waiting-approvals: nobody answers them in the scenario's time. */
const NEVER = 1e9;

/** A Terraform plan that waits until someone answers it (--waiting-approvals). */
export const WAITING_APPROVAL: (typeof APPROVALS)[number] = {
	component: 'terraform_module',
	type: 'terraform_plan',
	wait: NEVER,
	by: 'jon@ledgerly.dev',
	note: '',
};

/** The first installs that take part in none of the story above (approvals, the hotfix, the outage). */
const FIRST_PLAIN_INSTALL = 40;

/**
 * With --waiting-approvals N: the installs whose first component's plan waits for a person (one
 * each, as a workflow waits at one step), the last N of the rollout's after the story's installs,
 * and the number of installs the org needs for them (more than asked when it has too few).
 */
export function waitingApprovalInstalls(
	installCount: number,
	waiting: number,
): {installCount: number; installs: Set<number>} {
	const plain = (index: number) => index >= FIRST_PLAIN_INSTALL && index % 6 !== 5;
	let count = installCount;
	let found = 0;
	for (let index = 0; index < count; index++) if (plain(index)) found++;
	for (; found < waiting; count++) if (plain(count)) found++;
	const installs = new Set<number>();
	for (let index = count - 1; installs.size < waiting; index--) if (plain(index)) installs.add(index);
	return {installCount: count, installs};
}

export function askApproval(
	rollout: {id: string; schedule: Schedule},
	_index: number,
	approval: (typeof APPROVALS)[number] | undefined,
): void {
	if (!approval) return;
	const s = rollout.schedule;
	const late = Math.max(0, (approval.after ?? 0) - s.executingAt);
	s.executingAt += late;
	s.doneAt += late;
	s.approval = {
		id: `apr${digest(rollout.id).slice(0, 23)}`,
		type: approval.type,
		requestedAt: s.executingAt,
		answeredAt: s.executingAt + approval.wait,
		response: 'approve',
		by: approval.by,
		note: approval.note,
		...(approval.additive ? {additive: true} : {}),
	};
	s.executingAt += approval.wait;
	s.doneAt += approval.wait;
}

/** The install whose runner stops mid-rollout (its first deploy under way, the rest queued behind it) and
 * comes back before the rollout ends. */
export const RUNNER_OUTAGE = {install: 7, from: 6, to: 80};

/** Nothing moves on a runner that is down: every step after it stopped waits until it is back. */
export function waitForRunner(s: Schedule, outage: {from: number; to: number}): void {
	const delay = outage.to - outage.from;
	if (s.planningAt >= outage.from) s.planningAt += delay;
	if (s.executingAt >= outage.from) s.executingAt += delay;
	if (s.doneAt >= outage.from) s.doneAt += delay;
}
