// The demo org over a clock: a rollout of a new release moves through the installs in waves, each
// deploy going queued → planning → executing → active (one ends in error). The world is generated
// once (world.ts); the API's objects are computed from it for scenario time t (objects.ts, jobs.ts,
// runs.ts, log-records.ts). This class is what the server and the tests hold.
import type {
	ActionWorkflowRun,
	App,
	Install,
	InstallComponent,
	InstallComponentSummary,
	InstallDeploy,
	RunnerJob,
} from '../api/resources.js';
import type {components} from '../api/schema.js';
import {NEWEST_DEMO_API, type DemoApi} from './api-mode.js';
import {
	buildWorld,
	findInstall,
	findInstallComponent,
	installsOf,
	ORG_ID,
	SECOND,
	type DemoApp,
	type DemoComponent,
	type DemoInstall,
	type DemoInstallComponent,
	type ScenarioOptions,
	type World,
} from './world.js';
import * as objects from './objects.js';
import * as jobs from './jobs.js';
import * as runs from './runs.js';
import * as logs from './log-records.js';
import * as workflows from './workflows.js';
import * as writes from './writes.js';
import * as approvals from './approvals.js';
import * as planRuns from './plan-runs.js';
import {pendingApprovals} from './pending-approvals.js';
import * as runners from './runners.js';
import * as drift from './drift-checks.js';

export type {ScenarioOptions} from './world.js';

type Schemas = components['schemas'];

export class Scenario {
	readonly orgId = ORG_ID;
	readonly #world: World;

	constructor(options: ScenarioOptions = {}) {
		this.#world = buildWorld(options);
	}

	get startedAt(): number {
		return this.#world.startedAt;
	}

	get speed(): number {
		return this.#world.speed;
	}

	get apps(): DemoApp[] {
		return this.#world.apps;
	}

	get installs(): DemoInstall[] {
		return this.#world.installs;
	}

	/** Moves the clock so that it reads `scenarioSeconds` now (tests and --demo-at use it). */
	setClock(scenarioSeconds: number, now = Date.now()): void {
		this.#world.startedAt = now - (scenarioSeconds * SECOND) / this.speed;
	}

	/** Scenario seconds since the start, at wall-clock time `now`. */
	clock(now = Date.now()): number {
		return ((now - this.startedAt) * this.speed) / SECOND;
	}

	/** The installs an org sees: the demo's second org (a sandbox) has a few of its own. */
	installsOf = (orgId: string): DemoInstall[] => installsOf(this.#world, orgId);
	findInstall = (idOrName: string): DemoInstall | undefined => findInstall(this.#world, idOrName);
	findInstallComponent = (install: DemoInstall, componentId: string): DemoInstallComponent | undefined =>
		findInstallComponent(this.#world, install, componentId);

	// ---- The API's objects at scenario time t --------------------------------------------------
	app = (app: DemoApp): App => objects.app(this.#world, app);
	orgs = (): Array<Schemas['app.Org']> => objects.orgs(this.#world);
	accounts = (): Array<Schemas['app.Account']> => approvals.orgAccounts(this.#world);
	component = (component: DemoComponent): Schemas['app.Component'] =>
		objects.component(this.#world, component);
	install = (install: DemoInstall, t: number, api: DemoApi = NEWEST_DEMO_API): Install =>
		objects.install(this.#world, install, t, api);
	/** An install as the org's installs list has it (with its latest deploys, today). */
	listedInstall = (install: DemoInstall, t: number, api: DemoApi = NEWEST_DEMO_API): Install => {
		const runs = planRuns.sandboxRuns(this.#world, install, t, api);
		const listed = objects.listedInstall(this.#world, install, t, api);
		return runs.length ? ({...listed, install_sandbox_runs: runs} as Install) : listed;
	};
	installComponent = (install: DemoInstall, ic: DemoInstallComponent, t: number): InstallComponent =>
		objects.installComponent(this.#world, install, ic, t);
	componentSummary = (install: DemoInstall, ic: DemoInstallComponent, t: number): InstallComponentSummary =>
		objects.componentSummary(this.#world, install, ic, t);
	/** The latest deploy of an install component, or undefined if it was never deployed. */
	latestDeploy = (install: DemoInstall, ic: DemoInstallComponent, t: number): InstallDeploy | undefined =>
		objects.latestDeploy(this.#world, install, ic, t);
	componentDeploys = (ic: DemoInstallComponent, t: number): InstallDeploy[] =>
		objects.componentDeploys(this.#world, ic, t);
	/** An install's deploys, newest first: its drift checks' too from December 2025 (drift-checks.ts). */
	installDeploys = (install: DemoInstall, t: number, api: DemoApi = NEWEST_DEMO_API): InstallDeploy[] => {
		const deploys = objects.installDeploys(this.#world, install, t);
		const checks = install.components
			.map(ic => drift.driftCheckAt(this.#world, install, ic, t, api))
			.filter(check => check !== undefined)
			.map(check => drift.driftCheckDeploy(this.#world, check, t) as InstallDeploy);
		return [...checks, ...deploys].sort((a, b) => b.created_at!.localeCompare(a.created_at!));
	};
	/** A component's drifted object (drifts_view_v2), if its drift check at t found drift. */
	driftedObject = (install: DemoInstall, ic: DemoInstallComponent, t: number, api: DemoApi) =>
		drift.driftedObject(drift.driftCheckAt(this.#world, install, ic, t, api));
	/** An install's drifted objects (GET /v1/installs/{id}/drifted-objects; an install by id has them too). */
	driftedObjects = (install: DemoInstall, t: number, api: DemoApi) =>
		install.components
			.map(ic => this.driftedObject(install, ic, t, api))
			.filter(object => object !== undefined)
			.map(object => ({...object, org_id: ORG_ID}));
	/** A drift check's workflow (drift_run, plan-only). */
	driftRun = (workflowId: string, t: number) => {
		const check = drift.findDriftCheck(this.#world, workflowId, t);
		return check?.workflowId === workflowId ? drift.driftRunWorkflow(this.#world, check, t) : undefined;
	};
	/** A deploy by id; a drift check's as the list has it, with its install (it has no jobs the demo plays). */
	deploy = (deployId: string, t: number): InstallDeploy | undefined => {
		const check = objects.deploy(this.#world, deployId, t)
			? undefined
			: drift.findDriftCheck(this.#world, deployId, t);
		return check
			? ({...drift.driftCheckDeploy(this.#world, check, t), install_id: check.install.id} as InstallDeploy)
			: objects.deploy(this.#world, deployId, t);
	};
	/** What the policy check its step ran said of a deploy, if it ran one. */
	deployPolicy = (deployId: string) => this.#world.deploys.get(deployId)?.policy;
	runnerJob = (jobId: string, t: number): RunnerJob | undefined => jobs.runnerJob(this.#world, jobId, t);
	executions = (jobId: string, t: number): Array<Schemas['app.RunnerJobExecution']> | undefined =>
		jobs.executions(this.#world, jobId, t);
	/** A deploy job's plan: the runner's deploy plan, which the server keeps as its JSON text. */
	deployPlan = (jobId: string, t: number): Record<string, unknown> | undefined =>
		jobs.deployPlan(this.#world, jobId, t);
	actionRun = (install: DemoInstall, runId: string, t: number): ActionWorkflowRun | undefined =>
		runs.actionRunOf(this.#world, install, runId, t);
	latestRuns = (install: DemoInstall, t: number): Array<Schemas['app.InstallActionWorkflow']> =>
		runs.latestRuns(this.#world, install, t);
	installWorkflows = (install: DemoInstall, t: number, api?: DemoApi): Array<Schemas['app.Workflow']> =>
		workflows.installWorkflows(this.#world, install, t, api);
	/** On `api`'s server (the newest unless said). */
	workflow = (workflowId: string, t: number, api?: DemoApi): Schemas['app.Workflow'] | undefined =>
		workflows.workflow(this.#world, workflowId, t, api);
	workflowSteps = (workflowId: string, t: number): Array<Schemas['app.WorkflowStep']> | undefined =>
		workflows.workflowSteps(this.#world, workflowId, t);
	/** The org's unanswered approvals, every owner type (2026's route). */
	pendingApprovals = (t: number, api: DemoApi): unknown[] => pendingApprovals(this.#world, t, api);
	/** A workflow of the approvals no deploy asks for (a sandbox reprovision, a group's plan), once made. */
	planRunWorkflow = (workflowId: string, t: number, api: DemoApi): Schemas['app.Workflow'] | undefined => {
		const run = planRuns.planRuns(this.#world, api).find(found => found.workflowId === workflowId);
		return run && t >= run.approval.requestedAt - 20
			? planRuns.planRunWorkflow(this.#world, run, t)
			: undefined;
	};
	planRunWorkflowsOf = (install: DemoInstall, t: number, api: DemoApi): Array<Schemas['app.Workflow']> =>
		planRuns
			.planRuns(this.#world, api)
			.filter(run => run.install === install)
			.flatMap(run => this.planRunWorkflow(run.workflowId, t, api) ?? []);
	planRunContents = (workflowId: string, api: DemoApi): unknown => {
		const run = planRuns.planRuns(this.#world, api).find(found => found.workflowId === workflowId);
		return run && planRuns.planRunContents(run);
	};
	/** A step's approval (by workflow, step and approval id) and the plan it asks about. */
	approval = (
		workflowId: string,
		stepId: string,
		approvalId: string,
		t: number,
	): {approval: Schemas['app.WorkflowStepApproval']; contents: unknown} | undefined => {
		const step = this.workflowSteps(workflowId, t)?.find(found => found.id === stepId);
		const deploy = step?.step_target_id ? this.#world.deploys.get(step.step_target_id) : undefined;
		if (!step?.approval || step.approval.id !== approvalId || !deploy) return undefined;
		return {approval: step.approval, contents: approvals.approvalContents(deploy)};
	};
	respondToApproval = (
		workflowId: string,
		stepId: string,
		approvalId: string,
		body: unknown,
		t: number,
		api: DemoApi,
	) =>
		planRuns.answerPlanRun(this.#world, api, {workflowId, stepId, approvalId}, body, t) ??
		writes.respondToApproval(this.#world, workflowId, stepId, approvalId, body, t, api);
	cancelWorkflow = (workflowId: string, t: number, api: DemoApi) =>
		writes.cancelWorkflow(this.#world, workflowId, t, api);
	/** The 2026 retry and skip: the path's step, no body. */
	actOnPathStep = (workflowId: string, stepId: string, operation: writes.StepOperation, t: number) =>
		writes.actOnPathStep(this.#world, workflowId, stepId, operation, t);
	/** `stepId`: the path's (today's route); undefined on the contract's, which names it in the body. */
	retryStep = (workflowId: string, stepId: string | undefined, body: unknown, t: number) =>
		writes.retryStep(this.#world, workflowId, stepId, body, t);
	updateWorkflow = (workflowId: string, body: unknown, t: number) =>
		writes.updateWorkflow(this.#world, workflowId, body, t);
	// ---- An install's runner (runners.ts) --------------------------------------------------------
	findRunnerInstall = (runnerId: string) => runners.findRunnerInstall(this.#world, runnerId);
	runner = (install: DemoInstall, t: number) => runners.runner(this.#world, install, t);
	runnerHeartBeat = (install: DemoInstall, t: number) => runners.heartBeat(this.#world, install, t);
	latestHeartBeats = (install: DemoInstall, t: number) => runners.latestHeartBeats(this.#world, install, t);
	runnerConnected = (install: DemoInstall, t: number, now = Date.now()) =>
		runners.connected(this.#world, install, t, now);
	recentHealthChecks = (install: DemoInstall, t: number, windowSeconds?: number) =>
		runners.recentHealthChecks(this.#world, install, t, windowSeconds);
	runnerJobs = (install: DemoInstall, t: number, query: URLSearchParams) =>
		runners.runnerJobs(this.#world, install, t, query);
	logStream = (streamId: string, t: number): Schemas['app.LogStream'] | undefined =>
		logs.logStream(this.#world, streamId, t);
	logRecords = (
		streamId: string,
		t: number,
	): Array<{ns: bigint; record: Schemas['app.OtelLogRecord']}> | undefined =>
		logs.logRecords(this.#world, streamId, t);
}
