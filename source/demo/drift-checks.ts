// Drift checks, as December 2025's and 2026's servers run them (installs/worker/components/
// event_loop_workflow.go, DriftCheck, the same in both): on a component with a drift schedule (none on a
// docker build or an external image: its StartupHook returns first), on that schedule, a deploy of the
// component's newest build (GetComponentLatestBuildByComponentID: maybe one the install does not run
// yet), created `queued` ("waiting to be deployed to install": activities/queue_component_deploy.go),
// with a plan-only `drift_run` workflow of its own. That workflow waits behind the one the install
// runs (the install's event loop handles one signal at a time: worker/event_loop_workflow.go,
// AwaitExecuteFlow), then plans, and the deploy ends `drifted` ("Drift detected") or `no-drift` ("No
// drift detected ": pkg/flow/execute_workflow_step.go, handlePlanOnlyApproval). The deploy is the
// component's latest to install_deploys_latest_view_v1 from its creation, until a real one follows.
import {since, type DemoApi} from './api-mode.js';
import {buildId} from './deploy-objects.js';
import {digest} from './random.js';
import {currentRollout, latestDeployId} from './world-rollouts.js';
import {iso} from './world.js';
import type {DemoInstall, DemoInstallComponent, World} from './world-types.js';

/** Scenario seconds between two drift checks of a component: an hourly cron schedule. */
export const DRIFT_PERIOD = 3600;
/** How long a drift check plans, once its turn has come. */
const PLANNING = 6;

export interface DriftCheck {
	id: string;
	workflowId: string;
	install: DemoInstall;
	ic: DemoInstallComponent;
	createdAt: number;
	/** When its workflow's turn came (the install's workflow before it ended). */
	startedAt: number;
	status: 'queued' | 'planning' | 'drifted' | 'no-drift';
	buildId: string;
}

const DRIFT_KINDS = new Set(['terraform_module', 'helm_chart', 'kubernetes_manifest']);

/** A plan that waits this long for a person gets a drift check half-way through the wait. */
const LONG_WAIT = 250;

const longWait = (ic: DemoInstallComponent) => {
	const approval = ic.rollout?.schedule.approval;
	return approval && approval.answeredAt - approval.requestedAt >= LONG_WAIT ? approval : undefined;
};

/** A drift schedule on about a sixth of the components that can have one, and on a plan that waits long. */
function hasDriftSchedule(ic: DemoInstallComponent): boolean {
	if (!DRIFT_KINDS.has(ic.component.type) || ic.neverDeployed) return false;
	return parseInt(digest(ic.id).slice(0, 2), 16) % 6 === 0 || longWait(ic) !== undefined;
}

/** A check this many seconds into the rollout plans its release's build where the rollout has not come. */
const EARLY = 60;

/** When in the hour its checks run: on the rollout's late installs, early in it (the newest build is then
 * one they do not run yet). */
function offsetOf(ic: DemoInstallComponent): number {
	const approval = longWait(ic);
	if (approval) return Math.round(approval.requestedAt + (approval.answeredAt - approval.requestedAt) / 2);
	if ((ic.rollout?.schedule.queuedAt ?? 0) > EARLY + 5) return EARLY;
	// A cron schedule fires on a whole minute: `M * * * *`, M from 1 to 59.
	return 60 * (1 + (parseInt(digest(ic.id).slice(2, 6), 16) % 59));
}

/** Some drift, most not: the same answer for a component at every check. */
const drifts = (ic: DemoInstallComponent) => parseInt(digest(`${ic.id}/drift`).slice(0, 2), 16) % 3 === 0;

const ids = (ic: DemoInstallComponent, k: number) => ({
	id: `dpldr${k}_${ic.id}`,
	workflowId: `inwdr${k}_${ic.id}`,
});

/** The drift check that is the component's latest deploy at t, if any. */
export function driftCheckAt(
	world: World,
	install: DemoInstall,
	ic: DemoInstallComponent,
	t: number,
	api: DemoApi,
): DriftCheck | undefined {
	if (!since(api, '2025-12') || !hasDriftSchedule(ic)) return undefined;
	return checkNumber(world, install, ic, Math.floor((t - offsetOf(ic)) / DRIFT_PERIOD), t);
}

/** The component's newest build when a check is made: a release's once it has started anywhere. */
function newestBuild(world: World, ic: DemoInstallComponent, at: number): string {
	const started = (id: string | undefined) => {
		const release = id ? world.deploys.get(id)?.release : undefined;
		return release !== undefined && releaseStart(world, release) <= at ? id : undefined;
	};
	return buildId(
		world.deploys.get(started(ic.hotfix?.id) ?? started(ic.rollout?.id) ?? ic.previousDeployId)!,
	);
}

const starts = new WeakMap<World, Map<string, number>>();

/** When a release's first deploy was queued, across the org. */
function releaseStart(world: World, release: string): number {
	let known = starts.get(world);
	if (!known) {
		known = new Map();
		for (const deploy of world.deploys.values())
			known.set(deploy.release, Math.min(known.get(deploy.release) ?? Infinity, deploy.schedule.queuedAt));
		starts.set(world, known);
	}
	return known.get(release) ?? Infinity;
}

function checkNumber(
	world: World,
	install: DemoInstall,
	ic: DemoInstallComponent,
	k: number,
	t: number,
): DriftCheck | undefined {
	const createdAt = offsetOf(ic) + k * DRIFT_PERIOD;
	const real = world.deploys.get(latestDeployId(world, ic, t));
	if (createdAt > t || (real && real.schedule.queuedAt >= createdAt)) return undefined;
	// The install's workflows created before it run first: its own deploys not finished by then.
	let startedAt = createdAt;
	for (const other of install.components) {
		const schedule = currentRollout(world, other, createdAt)?.schedule;
		if (schedule && schedule.doneAt > startedAt) startedAt = schedule.doneAt;
	}
	const status =
		t < startedAt ? 'queued' : t < startedAt + PLANNING ? 'planning' : drifts(ic) ? 'drifted' : 'no-drift';
	return {
		...ids(ic, k),
		install,
		ic,
		createdAt,
		startedAt,
		status,
		buildId: newestBuild(world, ic, createdAt),
	};
}

/** A drift check by its deploy's or its workflow's id (`dpldr…`, `inwdr…`), as it is at t. */
export function findDriftCheck(world: World, id: string, t: number): DriftCheck | undefined {
	const match = /^(?:dpl|inw)dr(-?\d+)_(.+)$/.exec(id);
	if (!match) return undefined;
	for (const install of world.installs) {
		const ic = install.components.find(found => found.id === match[2]);
		if (ic) {
			const check = checkNumber(world, install, ic, Number(match[1]), t);
			return check?.id === id || check?.workflowId === id ? check : undefined;
		}
	}
	return undefined;
}

const DESCRIPTIONS = {
	queued: 'waiting to be deployed to install',
	planning: 'planning',
	drifted: 'Drift detected',
	'no-drift': 'No drift detected ',
};

/** Its deploy, as the latest-deploys view and the install's deploys give it (install_deploy.go: `plan_only`
 * is never filled). */
export function driftCheckDeploy(world: World, check: DriftCheck, t: number) {
	const at = check.status === 'queued' ? check.createdAt : Math.min(t, check.startedAt + PLANNING);
	return {
		id: check.id,
		created_by_id: `acc${check.install.id.slice(3, 12)}`,
		created_at: iso(world, check.createdAt),
		updated_at: iso(world, check.status === 'planning' ? check.startedAt : at),
		build_id: check.buildId,
		install_component_id: check.ic.id,
		component_id: check.ic.component.id,
		status: check.status,
		status_description: DESCRIPTIONS[check.status],
		install_deploy_type: 'apply' as const,
		workflow_id: check.workflowId,
		install_workflow_id: check.workflowId,
		install_id: '',
		plan_only: false,
		outputs: {},
	};
}

/** What drifts_view_v2 (and 2026's v4) has for it: only while it ended `drifted` and is still the newest. */
export function driftedObject(check: DriftCheck | undefined) {
	if (check?.status !== 'drifted') return undefined;
	return {
		target_type: 'install_deploy',
		target_id: check.id,
		install_workflow_id: check.workflowId,
		component_build_id: check.buildId,
		install_id: check.install.id,
		install_component_id: check.ic.id,
		component_name: check.ic.component.name,
	};
}

const WORKFLOW_STATUS = {
	queued: 'pending',
	planning: 'in-progress',
	drifted: 'success',
	'no-drift': 'success',
};

/** Its workflow (GET /v1/workflows/{id}): `drift_run`, plan-only, named as a manual deploy is (workflow.go:
 * "Deploying to install", the component's name as its suffix); one step, the deploy's plan. */
export function driftRunWorkflow(world: World, check: DriftCheck, t: number) {
	const done = check.status === 'drifted' || check.status === 'no-drift';
	const status = {
		status: WORKFLOW_STATUS[check.status],
		status_human_description: DESCRIPTIONS[check.status],
	};
	return {
		id: check.workflowId,
		owner_id: check.install.id,
		owner_type: 'installs',
		type: 'drift_run',
		name: `Deploying to install (${check.ic.component.name})`,
		plan_only: true,
		approval_option: 'prompt',
		step_error_behavior: 'abort',
		status,
		created_at: iso(world, check.createdAt),
		...(check.status === 'queued' ? {} : {started_at: iso(world, check.startedAt)}),
		...(done ? {finished: true, finished_at: iso(world, check.startedAt + PLANNING)} : {}),
		steps: [
			{
				id: `iwsdr${check.id.slice(5)}`,
				name: `${check.ic.component.name} sync and plan`,
				install_workflow_id: check.workflowId,
				status: {...status, status: done ? check.status : status.status},
				step_target_type: 'install_deploys',
				step_target_id: check.id,
				idx: 0,
				group_idx: 0,
				execution_type: 'system',
				created_at: iso(world, check.createdAt),
				updated_at: iso(world, Math.min(t, check.startedAt + PLANNING)),
			},
		],
	};
}
