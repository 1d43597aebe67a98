// The demo's approvals that no component deploy asks for: one install's sandbox reprovision, whose
// Terraform plan waits for a person (2025-12 and 2026), and a rollout group's plan over several
// installs (2026, App Branches: API 0.19.852). Each is a workflow of one step, served beside the
// rollout's workflows.
import type {components} from '../api/schema.js';
import {since, type DemoApi} from './api-mode.js';
import {DEMO_ACCOUNT, responseObject, terraformPlan} from './approvals.js';
import type {ApprovalSchedule} from './activity.js';
import {digest} from './random.js';
import {iso, type DemoInstall, type World} from './world.js';

type Schemas = components['schemas'];

interface PlanRun {
	kind: 'sandbox' | 'group';
	workflowId: string;
	stepId: string;
	/** The sandbox run, or the app branch run, the approval belongs to. */
	runId: string;
	install: DemoInstall;
	approval: ApprovalSchedule;
	/** The installs a group's plan covers. */
	installs: DemoInstall[];
}

const SANDBOX_INSTALL = 21;
const id = (prefix: string, seed: string) => `${prefix}${digest(seed).slice(0, 23)}`;

/** The approval's life: asked once the rollout has settled, answered by a teammate two minutes later. */
const schedule = (seed: string, requestedAt: number, answeredAt: number, by: string): ApprovalSchedule => ({
	id: id('apr', seed),
	type: seed === 'group' ? ('app_branch_plan' as ApprovalSchedule['type']) : 'terraform_plan',
	requestedAt,
	answeredAt,
	response: 'approve',
	by,
	note: seed === 'group' ? 'the group goes next' : 'reprovision checked',
});

const made = new WeakMap<World, Map<DemoApi, PlanRun[]>>();

/** The plan runs this server has (no App Branches before 2026; no sandbox approval before 2025-12),
 * made once per world so that an answer sticks. */
export function planRuns(world: World, api: DemoApi): PlanRun[] {
	const byApi = made.get(world) ?? new Map<DemoApi, PlanRun[]>();
	made.set(world, byApi);
	const known = byApi.get(api) ?? makePlanRuns(world, api);
	byApi.set(api, known);
	return known;
}

function makePlanRuns(world: World, api: DemoApi): PlanRun[] {
	const install = world.installs[SANDBOX_INSTALL];
	if (!install || !since(api, '2025-12')) return [];
	const sandbox: PlanRun = {
		kind: 'sandbox',
		workflowId: id('iwf', `${install.id}:reprovision-sandbox`),
		stepId: id('iws', `${install.id}:reprovision-sandbox`),
		runId: id('isr', `${install.id}:reprovision`),
		install,
		approval: schedule('sandbox', 340, 460, 'priya@ledgerly.dev'),
		installs: [install],
	};
	if (!since(api, '2026')) return [sandbox];
	const app = world.apps[0]!;
	const grouped = world.installs.filter(found => found.app === app).slice(0, 3);
	const group: PlanRun = {
		kind: 'group',
		workflowId: id('iwf', `${app.id}:group`),
		stepId: id('iws', `${app.id}:group`),
		runId: id('abr', `${app.id}:group`),
		install: grouped[0]!,
		approval: schedule('group', 350, 470, 'maya@ledgerly.dev'),
		installs: grouped,
	};
	return [sandbox, group];
}

function stepStatus(run: PlanRun, t: number): Schemas['app.Status'] {
	if (t < run.approval.requestedAt) return 'in-progress';
	if (t < run.approval.answeredAt) return 'approval-awaiting';
	return run.approval.response === 'approve' ? 'success' : 'approval-denied';
}

/** The approval as a step carries it (the sandbox's: sandbox/execute_plan.go; the group's:
 * install group plan, OwnerType "app_branch_runs"). */
function approvalOf(world: World, run: PlanRun, t: number): Schemas['app.WorkflowStepApproval'] | undefined {
	const {approval} = run;
	if (t < approval.requestedAt) return undefined;
	const answered = t >= approval.answeredAt;
	return {
		id: approval.id,
		type: approval.type,
		workflow_step_id: run.stepId,
		installWorkflowStepID: run.stepId,
		owner_id: run.runId,
		owner_type: run.kind === 'sandbox' ? 'install_sandbox_runs' : 'app_branch_runs',
		created_by_id: 'accrunner',
		created_at: iso(world, approval.requestedAt),
		updated_at: iso(world, answered ? approval.answeredAt : approval.requestedAt),
		...(answered ? {response: responseObject(world, approval)} : {}),
	};
}

export function planRunStep(world: World, run: PlanRun, t: number): Schemas['app.WorkflowStep'] {
	const status = stepStatus(run, t);
	const approval = approvalOf(world, run, t);
	const finished = status === 'success' || status === 'approval-denied';
	return {
		id: run.stepId,
		workflow_id: run.workflowId,
		install_workflow_id: run.workflowId,
		idx: 0,
		group_idx: 0,
		group_retry_idx: 0,
		name: run.kind === 'sandbox' ? 'reprovision sandbox' : 'plan install group',
		execution_type: 'approval',
		status: {status, status_human_description: status},
		step_target_type: run.kind === 'sandbox' ? 'install_sandbox_runs' : 'app_branch_runs',
		step_target_id: run.runId,
		// installs/workflows/shared.go: a step's owner is its install.
		owner_id: run.install.id,
		owner_type: 'installs',
		retryable: false,
		skippable: false,
		finished,
		created_at: iso(world, run.approval.requestedAt - 20),
		updated_at: iso(world, Math.min(t, run.approval.answeredAt)),
		...(approval ? {approval} : {}),
	};
}

export function planRunWorkflow(world: World, run: PlanRun, t: number): Schemas['app.Workflow'] {
	const step = planRunStep(world, run, t);
	const status = step.status?.status;
	return {
		id: run.workflowId,
		owner_id: run.install.id,
		owner_type: 'installs',
		type: (run.kind === 'sandbox'
			? 'reprovision_sandbox'
			: 'app_branch_run') as Schemas['app.Workflow']['type'],
		name: run.kind === 'sandbox' ? 'Reprovision sandbox' : 'Plan install group',
		plan_only: false,
		approval_option: 'prompt',
		status: {status, status_human_description: status},
		created_at: iso(world, run.approval.requestedAt - 20),
		started_at: iso(world, run.approval.requestedAt - 20),
		...(step.finished ? {finished: true, finished_at: iso(world, run.approval.answeredAt)} : {}),
		steps: [step],
	};
}

/** The plan to approve: the sandbox's Terraform plan, or the group's installs and what changes on each. */
export function planRunContents(run: PlanRun): unknown {
	if (run.kind === 'sandbox') return terraformPlan('sandbox');
	return {
		install_group: 'canary',
		installs: run.installs.map(install => ({
			install_id: install.id,
			install_name: install.name,
			diff: {
				added: [],
				removed: [],
				changed: [],
				unchanged: [],
				sandbox_changed: false,
				stack_changed: false,
			},
		})),
	};
}

/**
 * The install's sandbox runs, newest first, as the org's installs list preloads them
 * (get_org_installs.go: `InstallSandboxRuns` from install_sandbox_runs_state_view_v1); the demo sends
 * only the reprovision, on the one install that has it.
 */
export function sandboxRuns(world: World, install: DemoInstall, t: number, api: DemoApi): unknown[] {
	const run = planRuns(world, api).find(found => found.kind === 'sandbox' && found.install === install);
	if (!run || t < run.approval.requestedAt - 20) return [];
	const step = stepStatus(run, t);
	const status =
		step === 'approval-awaiting'
			? 'pending-approval'
			: step === 'success'
				? 'active'
				: step === 'approval-denied'
					? step
					: 'planning';
	return [
		{
			id: run.runId,
			install_id: install.id,
			run_type: 'reprovision',
			status,
			status_description: status,
			status_v2: {status, status_human_description: status},
			install_workflow_id: run.workflowId,
			workflow_id: run.workflowId,
			created_at: iso(world, run.approval.requestedAt - 20),
		},
	];
}

/**
 * An answer to a plan run's approval (create_workflow_step_approval_response.go): 201, or 400 once
 * answered; undefined when the step is no plan run's. The step moves on at once (no ACT_AFTER here).
 */
export function answerPlanRun(
	world: World,
	api: DemoApi,
	ids: {workflowId: string; stepId: string; approvalId: string},
	body: unknown,
	t: number,
): {status: number; body: unknown} | undefined {
	const run = planRuns(world, api).find(
		found => found.workflowId === ids.workflowId && found.stepId === ids.stepId,
	);
	if (!run) return undefined;
	const {approval} = run;
	if (approval.id !== ids.approvalId || t < approval.requestedAt)
		return {status: 404, body: {error: 'not found', description: 'workflow step approval not found'}};
	if (t >= approval.answeredAt)
		return {
			status: 400,
			body: {error: 'bad request', description: 'workflow step approval already has a response'},
		};
	const {response_type: type, note} = (body ?? {}) as {response_type?: unknown; note?: unknown};
	Object.assign(approval, {
		answeredAt: t,
		response: typeof type === 'string' ? type : '',
		by: DEMO_ACCOUNT,
		note: typeof note === 'string' ? note : '',
	});
	return {
		status: 201,
		body: {id: responseObject(world, approval).id, type: approval.response, note: approval.note},
	};
}
