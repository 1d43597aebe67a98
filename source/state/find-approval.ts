// Where the approval a component's latest deploy waits for lives: its workflow, the step and the
// approval's id (the board's Enter on a cell waiting for approval opens it).
import type {NuonClient} from '../api/client.js';
import * as api from '../api/resources.js';
import {pendingApproval, stepLabel} from '../domain/workflow-steps.js';
import {fetchWorkflow} from './fetchers.js';

export interface FoundApproval {
	workflowId: string;
	workflowName: string;
	stepId: string;
	stepName: string;
	approvalId: string;
}

/** The pending approval of the latest deploy of a component, or a sentence saying why there is none. */
export async function findPendingApproval(
	client: NuonClient,
	installId: string,
	componentId: string,
): Promise<FoundApproval | string> {
	const deploy = await api.getLatestDeploy(client, installId, componentId);
	const workflowId = deploy.workflow_id || deploy.install_workflow_id;
	if (!workflowId) return 'its latest deploy names no workflow';
	const {workflow, steps} = await fetchWorkflow(client, workflowId);
	const waiting = steps.filter(step => pendingApproval(step));
	const step = waiting.find(candidate => candidate.step_target_id === deploy.id) ?? waiting[0];
	if (!step?.id || !step.approval?.id) return 'its workflow has no step waiting for approval now';
	return {
		workflowId,
		workflowName: workflow.name || String(workflow.type ?? 'workflow'),
		stepId: step.id,
		stepName: stepLabel(step),
		approvalId: step.approval.id,
	};
}
