// The demo org as pure data: apps, installs, their components and every deploy, generated from a
// seed, and the lookups and phase arithmetic every serializer needs. Times are scenario seconds
// (negative: before the scenario started); `startedAt` maps them to wall-clock time.
import type {CompositeStatus} from '../api/resources.js';
import type {components} from '../api/schema.js';
import {
	APPS,
	CUSTOMERS,
	ENVIRONMENTS,
	PEOPLE,
	REGIONS,
	RELEASES,
	type CatalogApp,
	type ComponentKind,
} from './catalog.js';
import {approvesPlan, type ApprovalSchedule, type DeploySchedule} from './activity.js';
import {digest, makeId, random} from './random.js';

export interface ScenarioOptions {
	installCount?: number;
	/** Wall-clock ms at which the scenario starts. */
	startedAt?: number;
	/** How many scenario seconds pass per wall-clock second. */
	speed?: number;
	seed?: number;
}

/** `replanned`: its plan was sent back to plan again (the approval's answer `retry`); a new attempt follows.
 * */
export type Phase =
	| 'queued'
	| 'planning'
	| 'awaiting'
	| 'executing'
	| 'active'
	| 'error'
	| 'denied'
	| 'replanned'
	| 'cancelled'
	| 'inactive';

export type Schedule = DeploySchedule;

export interface DemoComponent {
	id: string;
	name: string;
	type: ComponentKind;
	appId: string;
}

export interface DemoInstallComponent {
	id: string;
	component: DemoComponent;
	previousDeployId: string;
	/** Every deploy of it, newest first (the rollout's first, once it has started). */
	deployIds: string[];
	/** The rollout's deploy, when this install and component take part in it. */
	rollout?: {id: string; schedule: Schedule};
	neverDeployed: boolean;
}

export interface DemoDeploy {
	id: string;
	install: DemoInstall;
	ic: DemoInstallComponent;
	/** The rollout's deploy, which exists only once the rollout has reached it. */
	rollout: boolean;
	schedule: Schedule;
	release: string;
	configVersion: number;
	author: string;
	/** Replaced by a newer deploy: inactive. */
	superseded?: boolean;
	/** The install workflow it is a step of. */
	workflowId?: string;
	/** Earlier runs of it that failed, when its step was retried (oldest first). */
	attempts?: Schedule[];
	/** Its failed step was skipped. */
	skipped?: boolean;
	/** What the policy check said of it. */
	policy?: {passed: boolean; response: string};
	/** Cancelled with its workflow, by this person (its schedule is cut where it was). */
	cancelledBy?: string;
	/** Its step failed once and was retried (an earlier attempt, failed, before its schedule). */
	retriedAfterFailure?: boolean;
}

export interface DemoInstall {
	id: string;
	name: string;
	app: DemoApp;
	cloud: 'aws' | 'azure' | 'gcp';
	region: string;
	createdAt: number;
	createdBy: string;
	components: DemoInstallComponent[];
	/** Its workflows, newest first: one per release deployed to it (the rollout's first). */
	workflowIds: string[];
	/** Its runner stopped sending heartbeats from `from` to `to` (scenario seconds): its deploys waited. */
	runnerOutage?: {from: number; to: number};
}

/** An install workflow: the deploys of one release to one install, one step each, in component order. */
export interface DemoWorkflow {
	id: string;
	install: DemoInstall;
	type: 'deploy_components' | 'manual_deploy';
	release: string;
	deployIds: string[];
	author: string;
	/** When it was created: a rollout's workflows all at the rollout's start, queued (`pending`) until their
	 * first deploy. */
	createdAt: number;
	/** `prompt` until someone turns on approve all (PATCH /v1/workflows/{id}). */
	approvalOption: 'prompt' | 'approve-all';
	/** Cancelled (POST …/cancel) at this time. */
	cancelledAt?: number;
	/** When approve all first answered an approval: the workflow's status then says `approved`
	 * (pkg/flow/approval.go). */
	autoApprovedAt?: number;
}

export interface DemoApp {
	id: string;
	catalog: CatalogApp;
	components: DemoComponent[];
	createdAt: number;
}

export const SECOND = 1000;
export const DAY = 86_400 * SECOND;
export const ORG_ID = 'orgdemo0000000000000000001';
export const SANDBOX_ORG_ID = 'orgdemo0000000000000000002';

/** The generated org, and the maps that find a thing from its id. */
export interface World {
	/** Wall-clock ms at scenario second 0 (moves with setClock). */
	startedAt: number;
	readonly speed: number;
	apps: DemoApp[];
	installs: DemoInstall[];
	installsById: Map<string, DemoInstall>;
	deploys: Map<string, DemoDeploy>;
	/** Deploy id without its prefix → deploy id, to find a deploy from its jobs, runs and streams. */
	deployByBase: Map<string, string>;
	installByBase: Map<string, DemoInstall>;
	workflows: Map<string, DemoWorkflow>;
}

export function buildWorld({
	installCount = 36,
	startedAt = Date.now(),
	speed = 1,
	seed = 7,
}: ScenarioOptions = {}): World {
	const world: World = {
		startedAt,
		speed,
		apps: [],
		installs: [],
		installsById: new Map(),
		deploys: new Map(),
		deployByBase: new Map(),
		installByBase: new Map(),
		workflows: new Map(),
	};
	const rand = random(seed);
	world.apps = APPS.map((catalog, index) => {
		const id = makeId('app', rand);
		return {
			id,
			catalog,
			createdAt: startedAt - (200 + index * 40) * DAY,
			components: catalog.components.map(c => ({
				id: makeId('cmp', rand),
				name: c.name,
				type: c.type,
				appId: id,
			})),
		};
	});
	const rolloutCount = Math.ceil((installCount * 5) / 6);
	let rolloutIndex = 0;
	world.installs = Array.from({length: installCount}, (_, index) => {
		const app = world.apps[index % world.apps.length]!;
		const cloud = (['aws', 'aws', 'gcp', 'azure', 'aws', 'azure'] as const)[index % 6]!;
		const regions = REGIONS[cloud];
		const customer = CUSTOMERS[index % CUSTOMERS.length]!;
		const env = ENVIRONMENTS[Math.floor(index / CUSTOMERS.length) % ENVIRONMENTS.length]!;
		const round = Math.floor(index / (CUSTOMERS.length * ENVIRONMENTS.length));
		const inRollout = index % 6 !== 5;
		const wave = inRollout ? Math.floor((rolloutIndex++ * 5) / rolloutCount) : -1;
		const waveStart = -20 + wave * 20;
		const failsAt = index === 3 ? app.components.findIndex(c => c.type === 'helm_chart') : -1;
		const install: DemoInstall = {
			id: makeId('inl', rand),
			name: round ? `${customer}-${env}-${round + 1}` : `${customer}-${env}`,
			app,
			cloud,
			region: regions[Math.floor(rand() * regions.length)]!,
			createdAt: startedAt - (20 + rand() * 150) * DAY,
			createdBy: PEOPLE[Math.floor(rand() * PEOPLE.length)]!,
			components: [],
			workflowIds: [],
			...(index === RUNNER_OUTAGE.install
				? {runnerOutage: {from: RUNNER_OUTAGE.from, to: RUNNER_OUTAGE.to}}
				: {}),
		};
		install.components = app.components.map((component, k) => {
			const neverDeployed = index % 11 === 7 && k === app.components.length - 1;
			const ic: DemoInstallComponent = {
				id: makeId('inc', rand),
				component,
				previousDeployId: makeId('ind', rand),
				deployIds: [],
				neverDeployed,
			};
			const stopped = failsAt >= 0 && k > failsAt;
			if (inRollout && !neverDeployed && !stopped) {
				const queuedAt = waveStart + k * 3 + rand() * 2;
				const planningAt = queuedAt + 2 + rand() * 2;
				const executingAt = planningAt + 3 + rand() * 2;
				const doneAt = executingAt + 4 + rand() * 4;
				ic.rollout = {
					id: makeId('ind', rand),
					schedule: {queuedAt, planningAt, executingAt, doneAt, fails: k === failsAt},
				};
				if (install.runnerOutage) waitForRunner(ic.rollout.schedule, install.runnerOutage);
				askApproval(
					ic.rollout,
					index,
					app.components.findIndex(c => c.type === APPROVALS[index]?.component) === k
						? APPROVALS[index]
						: undefined,
				);
				addDeploy(world, {
					id: ic.rollout.id,
					install,
					ic,
					rollout: true,
					schedule: ic.rollout.schedule,
					release: RELEASES.next,
					configVersion: 14,
					author: 'deploy-bot@ledgerly.dev',
				});
			}
			if (!neverDeployed) {
				// Earlier deploys, oldest last: the one before the rollout, a failed attempt, and one it superseded.
				const at = (days: number, fails = false): Schedule => {
					const queuedAt = -days * 86_400 + k * 60;
					return {
						queuedAt,
						planningAt: queuedAt + 5,
						executingAt: queuedAt + 15,
						doneAt: queuedAt + 40,
						fails,
					};
				};
				const older = random(seed + index * 97 + k);
				addDeploy(world, {
					id: ic.previousDeployId,
					install,
					ic,
					rollout: false,
					schedule: at(6),
					release: RELEASES.previous,
					configVersion: 13,
					author: install.createdBy,
				});
				addDeploy(world, {
					id: makeId('ind', older),
					install,
					ic,
					rollout: false,
					schedule: at(13, true),
					release: RELEASES.failed,
					configVersion: 12,
					author: install.createdBy,
					...pastTrouble(index, k, component.type, 'failed'),
				});
				addDeploy(world, {
					id: makeId('ind', older),
					install,
					ic,
					rollout: false,
					schedule: at(20),
					release: RELEASES.superseded,
					configVersion: 11,
					author: 'deploy-bot@ledgerly.dev',
					superseded: true,
					...pastTrouble(index, k, component.type, 'superseded'),
				});
			}
			return ic;
		});
		addWorkflows(world, install);
		world.installsById.set(install.id, install);
		world.installByBase.set(install.id.slice(3, 19), install);
		return install;
	});
	return world;
}

/**
 * What went wrong in earlier workflows, for their steps to show: a Helm chart the policy check
 * refused (the failed release), a workflow cancelled part-way (the failed release, on every fifth
 * install) and a step that failed once and was retried (the superseded release, every third).
 */
function pastTrouble(
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
const APPROVALS: Record<
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

function askApproval(
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
function waitForRunner(s: Schedule, outage: {from: number; to: number}): void {
	const delay = outage.to - outage.from;
	if (s.planningAt >= outage.from) s.planningAt += delay;
	if (s.executingAt >= outage.from) s.executingAt += delay;
	if (s.doneAt >= outage.from) s.doneAt += delay;
}

export function iso(world: World, scenarioSeconds: number): string {
	return new Date(world.startedAt + scenarioSeconds * SECOND).toISOString();
}

/** The installs an org sees: the demo's second org (a sandbox) has a few of its own. */
export function installsOf(world: World, orgId: string): DemoInstall[] {
	return orgId === SANDBOX_ORG_ID ? world.installs.filter((_, index) => index % 9 === 4) : world.installs;
}

export function findInstall(world: World, idOrName: string): DemoInstall | undefined {
	return world.installsById.get(idOrName) ?? world.installs.find(i => i.name === idOrName);
}

export function findInstallComponent(
	_world: World,
	install: DemoInstall,
	componentId: string,
): DemoInstallComponent | undefined {
	return install.components.find(ic => ic.component.id === componentId || ic.component.name === componentId);
}

// ---- scenario internals ---------------------------------------------------------------------
export function rolloutStarted(_world: World, ic: DemoInstallComponent, t: number): boolean {
	return !!ic.rollout && t >= ic.rollout.schedule.queuedAt;
}

export function latestPhase(world: World, ic: DemoInstallComponent, t: number): Phase | undefined {
	if (ic.neverDeployed) return undefined;
	return rolloutStarted(world, ic, t) ? phaseAt(ic.rollout!.schedule, t) : 'active';
}

export function phaseStart(_world: World, schedule: Schedule, t: number): number {
	return [...phaseHistory(schedule)].reverse().find(([, at]) => at <= t)?.[1] ?? schedule.queuedAt;
}

export function lastChange(world: World, install: DemoInstall, t: number): number {
	let last = -3 * 86_400;
	for (const ic of install.components)
		if (rolloutStarted(world, ic, t)) last = Math.max(last, phaseStart(world, ic.rollout!.schedule, t));
	return last;
}

export function deployEntry(world: World, deployId: string): DemoDeploy | undefined {
	return world.deploys.get(deployId);
}

export function addDeploy(world: World, deploy: DemoDeploy): void {
	const s = deploy.schedule;
	if (deploy.cancelledBy)
		Object.assign(s, {
			fails: false,
			cancelled: true,
			executingAt: s.planningAt + 2,
			doneAt: s.planningAt + 2,
		});
	if (deploy.retriedAfterFailure)
		deploy.attempts = [
			{
				queuedAt: s.queuedAt - 600,
				planningAt: s.queuedAt - 595,
				executingAt: s.queuedAt - 585,
				doneAt: s.queuedAt - 560,
				fails: true,
			},
		];
	world.deploys.set(deploy.id, deploy);
	world.deployByBase.set(deploy.id.slice(3, 24), deploy.id);
	deploy.ic.deployIds.push(deploy.id);
}

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

/** When the rollout's workflows are created, one per install: each is queued until its wave starts. */
const ROLLOUT_CREATED_AT = -25;

/** One workflow per release deployed to the install, newest first: the rollout's is `deploy_components`. */
function addWorkflows(world: World, install: DemoInstall): void {
	const byRelease = new Map<string, DemoDeploy[]>();
	for (const ic of install.components) {
		for (const id of ic.deployIds) {
			const deploy = world.deploys.get(id)!;
			byRelease.set(deploy.release, [...(byRelease.get(deploy.release) ?? []), deploy]);
		}
	}
	const newestFirst = [...byRelease].sort(
		([, a], [, b]) => b[0]!.schedule.queuedAt - a[0]!.schedule.queuedAt,
	);
	for (const [release, deploys] of newestFirst) {
		const id = `iwf${digest(`${install.id}:${release}`).slice(0, 23)}`;
		const rollout = deploys[0]!.rollout;
		const createdAt = rollout ? ROLLOUT_CREATED_AT : Math.min(...deploys.map(d => d.schedule.queuedAt));
		const workflow: DemoWorkflow = {
			id,
			install,
			type: rollout ? 'deploy_components' : 'manual_deploy',
			release,
			deployIds: deploys.map(d => d.id),
			author: deploys[0]!.author,
			createdAt,
			approvalOption: 'prompt',
		};
		world.workflows.set(id, workflow);
		install.workflowIds.push(id);
		for (const deploy of deploys) deploy.workflowId = id;
	}
}
