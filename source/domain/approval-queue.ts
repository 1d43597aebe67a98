// The approvals queue as data: one entry per workflow step that waits (or waited, this session) for
// a person to answer its plan, across the org. Pure: the fetcher (state/approval-queue.ts) fills it.
import type {ApprovalPlan, ChangeAction} from './approval-plan.js';
import {formatChangeCounts} from './approval-plan.js';
import {ago, parseTime} from './time.js';
import {oneLine} from './text.js';

export interface QueuedApproval {
	installId: string;
	installName: string;
	appId: string;
	componentName: string;
	workflowId: string;
	workflowName: string;
	stepId: string;
	stepName: string;
	approvalId: string;
	/** terraform_plan, helm_approval, kubernetes_manifest_approval, … as the server says it. */
	approvalType: string;
	/** What the approval belongs to, as the server names it: `install_deploys`, `install_sandbox_runs`,
	 * `app_branch_runs` (a rollout group's plan), … (2026's pending approvals say it). */
	owner?: string;
	/** A rollout group's plan: how many installs it covers (read from its plan). */
	installCount?: number;
	/** When the approval was asked for. */
	requestedAt?: string;
	/** The release the workflow rolls out (`v2.4.0`), from its name, else the deploy's release id. */
	release: string;
	/** The plan's counts, once read (a plan does not change); `problem` when it could not be read. */
	plan?: {format: ApprovalPlan['format']; counts: Record<ChangeAction, number>; problem?: string};
	/** Set once someone has answered: who (an account id or e-mail), when, the note. */
	answer?: {type: string; by: string; at?: string; note: string};
}

export const isWaiting = (entry: QueuedApproval) => !entry.answer;

/**
 * What one entry is: its workflow, step and approval. A server that repeats an approval id across
 * workflows must not make two entries one (one row, one mark).
 */
export const queueKey = (entry: Pick<QueuedApproval, 'workflowId' | 'stepId' | 'approvalId'>): string =>
	JSON.stringify([entry.workflowId, entry.stepId, entry.approvalId]);

const PLAN_TYPES: Record<string, string> = {
	terraform_plan: 'Terraform',
	helm_approval: 'Helm',
	kubernetes_manifest_approval: 'Kubernetes',
	pulumi_plan: 'Pulumi',
	app_branch_plan: 'Group plan',
};

const OWNERS: Record<string, string> = {
	install_sandbox_runs: 'sandbox',
	app_branch_runs: 'install group',
	install_workflows: 'workflow',
};

/** Where the approval is: its install, else what owns it (`install group`), else its id. */
export function whereText(entry: QueuedApproval): string {
	if (entry.installName && entry.owner !== 'app_branch_runs') return oneLine(entry.installName);
	const owner = entry.owner ? (OWNERS[entry.owner] ?? oneLine(entry.owner)) : '';
	return owner === 'install group' ? owner : oneLine(entry.installName || entry.installId) || owner;
}

/** What waits there: the component, else the sandbox, else the step's name. */
export const whatText = (entry: QueuedApproval): string =>
	entry.componentName || (entry.owner === 'install_sandbox_runs' ? 'sandbox' : entry.stepName);

/** "Terraform", "Helm", "Kubernetes", or the plan's own format, or the server's word. */
export function planType(entry: QueuedApproval): string {
	const known = PLAN_TYPES[entry.approvalType];
	if (known) return known;
	const format = entry.plan?.format;
	return format && format !== 'unknown'
		? format[0]!.toUpperCase() + format.slice(1)
		: oneLine(entry.approvalType) || '—';
}

/** How many things the plan destroys: its deletes plus its replaces (what the confirmation asks typed). */
export const destructiveCount = (entry: QueuedApproval): number =>
	entry.plan ? entry.plan.counts.delete + entry.plan.counts.replace : 0;

/** A rollout group's plan: the installs it takes (another issue will show what changes on each). */
const groupText = (count: number) => `${count} install${count === 1 ? '' : 's'} in the group`;

/** "1 to delete · 1 to replace · 2 to update · 3 to create", or why it is not known. */
export function countsText(entry: QueuedApproval): string {
	if (entry.installCount !== undefined) return groupText(entry.installCount);
	if (!entry.plan) return '…';
	if (entry.plan.problem) return `⚠ ${entry.plan.problem}`;
	return formatChangeCounts(entry.plan.counts);
}

/** A short form for a list cell: "-1 ±1 ~2 +3". */
export function shortCounts(entry: QueuedApproval): string {
	const counts = entry.plan?.counts;
	if (entry.installCount !== undefined) return groupText(entry.installCount);
	if (!entry.plan) return '…';
	if (!counts || entry.plan.problem) return '⚠ unreadable';
	const parts = [
		counts.delete ? `-${counts.delete}` : '',
		counts.replace ? `±${counts.replace}` : '',
		counts.update ? `~${counts.update}` : '',
		counts.create ? `+${counts.create}` : '',
	].filter(Boolean);
	return parts.length ? parts.join(' ') : 'no changes';
}

/** The release in a workflow's name ("Deploy v2.4.0 to prod-eu"), else the fallback. */
export function releaseOf(workflowName: string, fallback = '—'): string {
	return /\bv\d+(?:\.\d+)+(?:[-+][\w.]+)?/.exec(workflowName)?.[0] ?? (oneLine(fallback) || '—');
}

/** Oldest waiting first, answered ones after them. */
export function queueOrder(entries: readonly QueuedApproval[]): QueuedApproval[] {
	const time = (entry: QueuedApproval) => parseTime(entry.requestedAt) ?? Number.MAX_SAFE_INTEGER;
	return [...entries].sort(
		(a, b) =>
			Number(!!a.answer) - Number(!!b.answer) ||
			time(a) - time(b) ||
			a.approvalId.localeCompare(b.approvalId) ||
			queueKey(a).localeCompare(queueKey(b)),
	);
}

/** One line per waiting approval, for `nuon-tui approvals` without a terminal. */
export function approvalLine(entry: QueuedApproval, now: number): string {
	return [
		`${whereText(entry)} › ${whatText(entry)}`,
		planType(entry),
		`waiting ${ago(entry.requestedAt, now)}`,
		countsText(entry),
		`release ${entry.release}`,
		`workflow ${entry.workflowId} step ${entry.stepId} approval ${entry.approvalId}`,
	]
		.map(oneLine)
		.join('  ');
}

/** One JSON object per waiting approval (`--output json`). */
export function approvalJson(entry: QueuedApproval) {
	return {
		install: entry.installName,
		install_id: entry.installId,
		owner_type: entry.owner ?? null,
		...(entry.installCount === undefined ? {} : {install_count: entry.installCount}),
		component: entry.componentName,
		step: entry.stepName,
		plan_type: planType(entry),
		waiting_since: entry.requestedAt ?? null,
		counts: entry.plan && !entry.plan.problem && entry.installCount === undefined ? entry.plan.counts : null,
		release: entry.release,
		workflow_id: entry.workflowId,
		step_id: entry.stepId,
		approval_id: entry.approvalId,
	};
}
