// The demo org's shapes: apps, installs, their components, deploys and workflows, and the ids and
// units every part of the demo shares. Times are scenario seconds (negative: before the scenario
// started); `startedAt` maps them to wall-clock time.
import type {CatalogApp, ComponentKind} from './catalog.js';
import type {DeploySchedule} from './activity.js';

export interface ScenarioOptions {
	installCount?: number;
	/** Wall-clock ms at which the scenario starts. */
	startedAt?: number;
	/** How many scenario seconds pass per wall-clock second. */
	speed?: number;
	seed?: number;
	/** Plans that wait for a person at once, one per install, from the rollout's last wave on (the org
	 * grows to have enough installs). */
	waitingApprovals?: number;
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
	/** Every deploy of it, newest first (the rollouts' first once started, hotfix before release). */
	deployIds: string[];
	/** The rollout's deploy, when this install and component take part in it. */
	rollout?: {id: string; schedule: Schedule};
	/** The hotfix's deploy, on the few installs it reaches after the rollout (world-rollouts.ts). */
	hotfix?: {id: string; schedule: Schedule};
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
	/** Its workflows, newest first: one per release deployed to it (the rollout's first), the one that
	 * provisioned it last (provision-workflow.ts). */
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
