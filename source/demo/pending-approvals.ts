// GET /v1/workflows/pending-approvals (2026, API 0.19.852; installs/service/get_org_pending_approvals.go):
// the org's approvals nobody has answered, of every owner type, in steps of workflows that still run
// (not finished, `approval_option` prompt, not cancelled or failed) and are not auto-skipped,
// cancelled or failed themselves; without their contents, each with its step preloaded
// (`InstallWorkflowStep`, copied to `workflow_step` by AfterQuery) and paged.
import type {components} from '../api/schema.js';
import type {DemoApi} from './api-mode.js';
import {planRuns, planRunStep} from './plan-runs.js';
import {workflow, workflowSteps} from './workflows.js';
import type {World} from './world.js';

type Step = components['schemas']['app.WorkflowStep'];

const ENDED_STEP = new Set(['auto-skipped', 'cancelled', 'error']);

/** An unanswered approval as the route sends it: the step it belongs to preloaded, without its own. */
function pendingOf({approval, policy_validation: _policy, ...step}: Step): unknown[] {
	if (!approval || approval.response || ENDED_STEP.has(String(step.status?.status))) return [];
	return [
		{
			...approval,
			workflow_step_id: step.id,
			InstallWorkflowStepID: step.id,
			InstallWorkflowStep: step,
			workflow_step: step,
		},
	];
}

export function pendingApprovals(world: World, t: number, api: DemoApi): unknown[] {
	const asked = [...world.workflows.values()].filter(found =>
		found.deployIds.some(id => (world.deploys.get(id)?.schedule.approval?.requestedAt ?? Infinity) <= t),
	);
	const fromDeploys = asked.flatMap(found => {
		const object = workflow(world, found.id, t);
		const status = String(object?.status?.status);
		if (!object || object.finished || object.approval_option !== 'prompt' || ENDED_STEP.has(status))
			return [];
		return (workflowSteps(world, found.id, t) ?? []).flatMap(pendingOf);
	});
	const fromRuns = planRuns(world, api).flatMap(run => pendingOf(planRunStep(world, run, t)));
	return [...fromDeploys, ...fromRuns];
}
