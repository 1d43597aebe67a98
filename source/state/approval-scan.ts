// The approvals queue where the server has no pending-approvals route (before 2026): found from the
// org's installs list (one request per 100 installs), whose entries carry each component's latest
// deploy (`install_components[].install_deploys`, install_deploys_latest_view_v1,
// get_org_installs.go) and the install's sandbox runs, newest first (`install_sandbox_runs`,
// install_sandbox_runs_state_view_v1): a status `pending-approval` names the workflow that waits.
// Only those workflows are read (one request each, with their steps and approvals:
// installs/service/get_workflow.go).
import {latestDeploys} from '../domain/drift.js';
import type {NuonClient} from '../api/client.js';
import type * as api from '../api/resources.js';
import {type QueuedApproval, queueKey, releaseOf} from '../domain/approval-queue.js';
import {list, record, text} from '../domain/fields.js';
import {installName} from '../domain/install.js';
import {awaitsApproval} from '../domain/status.js';
import {stepLabel} from '../domain/workflow-steps.js';
import {fetchWorkflow} from './fetchers.js';

const str = (value: unknown) => text(value) ?? '';

interface WaitingTarget {
	install: api.Install;
	componentName: string;
	/** The deploy, or the sandbox run, whose step waits. */
	targetId: string;
	releaseId: string;
	owner?: string;
}

/** What a deploy or a sandbox run that waits names: its workflow. */
function waitingIn(run: Record<string, unknown> | undefined): string {
	const status = str(run?.status) || str(record(run?.status_v2)?.status);
	return awaitsApproval(status) ? str(run?.workflow_id) || str(run?.install_workflow_id) : '';
}

/** The deploys and sandbox runs the installs list says wait for an approval, by the workflow they run in. */
export function waitingWorkflows(installs: readonly api.Install[]): Map<string, WaitingTarget[]> {
	const byWorkflow = new Map<string, WaitingTarget[]>();
	const add = (workflowId: string, target: WaitingTarget) =>
		workflowId && byWorkflow.set(workflowId, [...(byWorkflow.get(workflowId) ?? []), target]);
	for (const install of installs) {
		for (const ic of list(install.install_components)) {
			// Past a drift check, which stands in the list for the deploy that waits (drift.ts).
			const {deploy} = latestDeploys(ic);
			add(waitingIn(deploy), {
				install,
				componentName: str(record(record(ic)?.component)?.name),
				targetId: str(deploy?.id),
				releaseId: str(deploy?.release_id),
			});
		}
		// Provision, reprovision and deprovision plans wait for an approval too (sandbox/execute_plan.go).
		const run = record(list((install as Record<string, unknown>).install_sandbox_runs)[0]);
		add(waitingIn(run), {
			install,
			componentName: '',
			targetId: str(run?.id),
			releaseId: '',
			owner: 'install_sandbox_runs',
		});
	}
	return byWorkflow;
}

/**
 * The installs whose approvals the list may hide: December 2025's list carries an install's first 10
 * components only (its batching loop stops after one batch), while `component_statuses`
 * (installs_view_v6.sql) names every component. A deploy past the tenth is not seen waiting.
 */
export function unlistedInstalls(installs: readonly api.Install[]): string[] {
	return installs
		.filter(
			install =>
				Object.keys(record(install.component_statuses) ?? {}).length >
				list(install.install_components).length,
		)
		.map(install => installName(install));
}

/** The entries of one workflow's steps: those that wait, and those `seen` waiting before (now answered). */
function entriesOf(
	workflowId: string,
	{workflow, steps}: {workflow: api.Workflow; steps: api.WorkflowStep[]},
	waiting: readonly WaitingTarget[],
	seen: ReadonlyMap<string, QueuedApproval>,
): QueuedApproval[] {
	const workflowName = str(workflow.name) || String(workflow.type ?? 'workflow');
	return steps.flatMap(step => {
		const approval = step.approval;
		if (!approval?.id || !step.id) return [];
		const before = seen.get(queueKey({workflowId, stepId: step.id, approvalId: approval.id}));
		const answered = approval.response;
		if (answered ? !before : !awaitsApproval(step.status?.status)) return [];
		const target = waiting.find(found => found.targetId === step.step_target_id) ?? waiting[0];
		const install = target?.install;
		return [
			{
				installId: before?.installId ?? str(install?.id),
				installName: before?.installName ?? (install ? installName(install) : ''),
				appId: before?.appId ?? str(install?.app_id),
				componentName: before?.componentName ?? target?.componentName ?? '',
				workflowId,
				workflowName,
				stepId: step.id,
				stepName: stepLabel(step),
				approvalId: approval.id,
				approvalType: str(approval.type),
				owner: before?.owner ?? (target?.owner || str(approval.owner_type) || undefined),
				requestedAt: str(approval.created_at) || undefined,
				release: releaseOf(workflowName, target?.releaseId),
				plan: before?.plan,
				installCount: before?.installCount,
				...(answered
					? {
							answer: {
								type: str(answered.type),
								by: str(answered.created_by_id),
								at: str(answered.created_at) || undefined,
								note: str(answered.note),
							},
						}
					: {}),
			},
		];
	});
}

/** Reads each workflow once (in parallel) for its steps' entries; one that fails keeps what was known. */
export async function readWorkflows(
	client: NuonClient,
	byWorkflow: ReadonlyMap<string, readonly WaitingTarget[]>,
	seen: ReadonlyMap<string, QueuedApproval>,
	onUnread?: (workflowId: string, error: unknown) => void,
): Promise<QueuedApproval[]> {
	const read = await Promise.all(
		[...byWorkflow].map(async ([workflowId, waiting]) => {
			const workflow = await fetchWorkflow(client, workflowId).catch(error => {
				onUnread?.(workflowId, error);
				return undefined;
			});
			if (!workflow) return [...seen.values()].filter(entry => entry.workflowId === workflowId);
			return entriesOf(workflowId, workflow, waiting, seen);
		}),
	);
	return read.flat();
}
