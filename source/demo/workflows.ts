// Install workflows at scenario time t: each release deployed to an install is one workflow, its
// steps the component deploys in order (one group each); a step's status follows its deploy's.
import type {components} from '../api/schema.js';
import {phaseAt, SECOND, iso, type DemoDeploy, type DemoInstall, type DemoWorkflow, type World} from './world.js';

type Schemas = components['schemas'];
type StepStatus = 'pending' | 'in-progress' | 'success' | 'error';

const DESCRIPTIONS: Record<StepStatus, string> = {
	pending: 'waiting for the steps before it',
	'in-progress': 'running',
	success: 'finished',
	error: 'failed',
};

function stepStatus(deploy: DemoDeploy, t: number): StepStatus {
	if (t < deploy.schedule.queuedAt) return 'pending';
	const phase = phaseAt(deploy.schedule, t);
	return phase === 'error' ? 'error' : phase === 'active' ? 'success' : 'in-progress';
}

const seconds = (world: World, at: number) => Math.floor((world.startedAt + at * SECOND) / SECOND);

function stepObject(world: World, workflow: DemoWorkflow, deploy: DemoDeploy, index: number, t: number): Schemas['app.WorkflowStep'] {
	const status = stepStatus(deploy, t);
	const {queuedAt, doneAt} = deploy.schedule;
	const started = t >= queuedAt;
	const finished = t >= doneAt;
	return {
		id: `iws${workflow.id.slice(3, 20)}${String(index).padStart(6, '0')}`,
		workflow_id: workflow.id,
		install_workflow_id: workflow.id,
		idx: index,
		group_idx: index,
		group_retry_idx: 0,
		name: `deploy ${deploy.ic.component.name}`,
		execution_type: 'system',
		status: {status, status_human_description: DESCRIPTIONS[status], created_at_ts: seconds(world, started ? Math.min(t, finished ? doneAt : queuedAt) : 0)},
		step_target_type: 'install_deploys',
		step_target_id: deploy.id,
		owner_id: workflow.id,
		owner_type: 'install_workflows',
		retryable: status === 'error',
		skippable: status === 'error',
		retried: false,
		finished,
		created_at: iso(world, Math.min(queuedAt, t)),
		updated_at: iso(world, Math.min(t, doneAt)),
		...(started ? {started_at: iso(world, queuedAt), execution_time: Math.round((Math.min(t, doneAt) - queuedAt) * 1e9)} : {}),
		...(finished ? {finished_at: iso(world, doneAt)} : {}),
	};
}

/** The workflow's deploys that exist at t (a rollout's first step appears when it starts). */
const deploysOf = (world: World, workflow: DemoWorkflow) => workflow.deployIds.map(id => world.deploys.get(id)!);

export function workflowSteps(world: World, workflowId: string, t: number): Array<Schemas['app.WorkflowStep']> | undefined {
	const workflow = world.workflows.get(workflowId);
	if (!workflow || !workflowStarted(world, workflow, t)) return undefined;
	return deploysOf(world, workflow).map((deploy, index) => stepObject(world, workflow, deploy, index, t));
}

function workflowStarted(world: World, workflow: DemoWorkflow, t: number): boolean {
	return Math.min(...deploysOf(world, workflow).map(d => d.schedule.queuedAt)) <= t;
}

export function workflow(world: World, workflowId: string, t: number): Schemas['app.Workflow'] | undefined {
	const found = world.workflows.get(workflowId);
	if (!found || !workflowStarted(world, found, t)) return undefined;
	const steps = workflowSteps(world, workflowId, t)!;
	const statuses = steps.map(step => step.status?.status);
	const status = statuses.includes('error') ? 'error' : statuses.every(s => s === 'success') ? 'success' : 'in-progress';
	const deploys = deploysOf(world, found);
	const startedAt = Math.min(...deploys.map(d => d.schedule.queuedAt));
	const endedAt = Math.max(...deploys.map(d => d.schedule.doneAt));
	const finished = status !== 'in-progress';
	return {
		id: found.id,
		owner_id: found.install.id,
		owner_type: 'installs',
		type: found.type,
		name: found.type === 'deploy_components' ? `Deploy ${found.release} to ${found.install.name}` : `Deploy ${found.release}`,
		plan_only: false,
		approval_option: 'approve-all',
		step_error_behavior: 'abort',
		status: {status, status_human_description: finished ? (status === 'error' ? 'a step failed' : 'all steps finished') : 'running', created_at_ts: seconds(world, Math.min(t, endedAt))},
		created_by_id: 'acc' + found.install.id.slice(3, 12),
		created_by: {id: 'acc' + found.install.id.slice(3, 12), email: found.author, account_type: 'auth0'},
		created_at: iso(world, startedAt),
		started_at: iso(world, startedAt),
		updated_at: iso(world, Math.min(t, endedAt)),
		finished,
		...(finished ? {finished_at: iso(world, Math.min(t, endedAt))} : {}),
		execution_time: Math.round((Math.min(t, endedAt) - startedAt) * 1e9),
		steps,
	};
}

/** An install's workflows at t, newest first. */
export function installWorkflows(world: World, install: DemoInstall, t: number): Array<Schemas['app.Workflow']> {
	return install.workflowIds.map(id => workflow(world, id, t)).filter(found => found !== undefined);
}
