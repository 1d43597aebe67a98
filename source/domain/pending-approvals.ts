// The approvals queue from 2026's GET /v1/workflows/pending-approvals: one entry per unanswered
// approval, of every owner type, named from the answer and the org's installs list (no request of
// its own). Each approval carries its step (`workflow_step`, or `InstallWorkflowStep` as Go names
// the preloaded field), whose owner is the install (installs/workflows/shared.go) and whose target
// is the deploy, the sandbox run or the group run.
import type {Install} from '../api/types.js';
import {type QueuedApproval, queueKey, releaseOf} from './approval-queue.js';
import {latestDeploys} from './drift.js';
import {list, record, text} from './fields.js';
import {installName} from './install.js';
import {deployReleases} from './release-progress.js';

const str = (value: unknown) => text(value) ?? '';

/**
 * The install's listed latest deploy with this id: its component's name and its release, named as
 * the board names it (its OCI tag, else its build's id: release-progress.ts); no workflow is read
 * for a name here.
 */
function deployOf(install: Install | undefined, deployId: string) {
	for (const ic of list(install?.install_components)) {
		const {deploy} = latestDeploys(ic); // past a drift check (drift.ts)
		if (!install || !deployId || str(deploy?.id) !== deployId) continue;
		const release = deployReleases(install).get(str(record(ic)?.component_id));
		return {componentName: str(record(record(ic)?.component)?.name), releaseId: release?.label ?? ''};
	}
	return undefined;
}

/** `seen`: the last answer's entries (their plans' counts, already read, are kept). */
export function pendingEntries(
	approvals: readonly unknown[],
	installs: readonly Install[],
	seen: ReadonlyMap<string, QueuedApproval>,
	appId?: string,
): QueuedApproval[] {
	const byId = new Map(installs.map(install => [install.id, install]));
	return approvals.flatMap(item => {
		const approval = record(item);
		const step = record(approval?.workflow_step) ?? record(approval?.InstallWorkflowStep);
		const workflowId = str(step?.workflow_id) || str(step?.install_workflow_id);
		const stepId = str(approval?.workflow_step_id) || str(approval?.InstallWorkflowStepID) || str(step?.id);
		const approvalId = str(approval?.id);
		if (!approval || approval.response || !workflowId || !stepId || !approvalId) return [];
		const installId = str(step?.owner_type) === 'installs' ? str(step?.owner_id) : '';
		const install = byId.get(installId);
		// An install's approval, of an install the list leaves out (--app, --labels): not asked for.
		if ((installId && !install) || (appId && install?.app_id !== appId)) return [];
		const deploy = deployOf(install, str(step?.step_target_id) || str(approval.owner_id));
		const before = seen.get(queueKey({workflowId, stepId, approvalId}));
		return [
			{
				installId,
				installName: install ? installName(install) : '',
				appId: str(install?.app_id),
				componentName: deploy?.componentName ?? '',
				workflowId,
				workflowName: before?.workflowName ?? '',
				stepId,
				stepName: str(step?.name),
				approvalId,
				approvalType: str(approval.type),
				owner: str(approval.owner_type) || undefined,
				requestedAt: str(approval.created_at) || undefined,
				release: releaseOf('', deploy?.releaseId),
				plan: before?.plan,
				installCount: before?.installCount,
			},
		];
	});
}
