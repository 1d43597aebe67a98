// The demo org as pure data over a clock: a rollout of a new release moves through the installs in
// waves, each deploy going queued → planning → executing → active (one ends in error).
import type {App, Install, InstallComponent, InstallComponentSummary, InstallDeploy, RunnerJob, ActionWorkflowRun, CompositeStatus} from '../api/resources.js';
import type {components} from '../api/schema.js';

type Schemas = components['schemas'];
import {APPS, CUSTOMERS, ENVIRONMENTS, PEOPLE, REGIONS, RELEASES, type CatalogApp, type ComponentKind} from './catalog.js';
import {
	actionRun, CRON_DURATION, CRON_PERIOD, deployJobs, executionLines, executionStatus, jobStatus, runLines, stepStatus,
	type DeploySchedule, type ExecutionWindow, type JobWindow, type LogLine, type RunWindow,
} from './activity.js';

export interface ScenarioOptions {
	installCount?: number;
	/** Wall-clock ms at which the scenario starts. */
	startedAt?: number;
	/** How many scenario seconds pass per wall-clock second. */
	speed?: number;
	seed?: number;
}

type Phase = 'queued' | 'planning' | 'executing' | 'active' | 'error' | 'inactive';

type Schedule = DeploySchedule;

interface DemoComponent {
	id: string;
	name: string;
	type: ComponentKind;
	appId: string;
}

interface DemoInstallComponent {
	id: string;
	component: DemoComponent;
	previousDeployId: string;
	/** Every deploy of it, newest first (the rollout's first, once it has started). */
	deployIds: string[];
	/** The rollout's deploy, when this install and component take part in it. */
	rollout?: {id: string; schedule: Schedule};
	neverDeployed: boolean;
}

interface DemoDeploy {
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
}

interface DemoInstall {
	id: string;
	name: string;
	app: DemoApp;
	cloud: 'aws' | 'azure' | 'gcp';
	region: string;
	createdAt: number;
	createdBy: string;
	components: DemoInstallComponent[];
}

interface DemoApp {
	id: string;
	catalog: CatalogApp;
	components: DemoComponent[];
	createdAt: number;
}

const SECOND = 1000;
const DAY = 86_400 * SECOND;
const ORG_ID = 'orgdemo0000000000000000001';
const SANDBOX_ORG_ID = 'orgdemo0000000000000000002';

/** A small, seedable PRNG (mulberry32): the same seed gives the same org. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function makeId(prefix: string, rand: () => number): string {
	let id = prefix;
	while (id.length < 26) id += Math.floor(rand() * 36).toString(36);
	return id;
}

export class Scenario {
	readonly orgId = ORG_ID;
	startedAt: number;
	readonly speed: number;
	readonly apps: DemoApp[];
	readonly installs: DemoInstall[];
	readonly #installsById = new Map<string, DemoInstall>();
	readonly #deploys = new Map<string, DemoDeploy>();
	/** Deploy id without its prefix → deploy id, to find a deploy from its jobs, runs and streams. */
	readonly #deployByBase = new Map<string, string>();
	readonly #installByBase = new Map<string, DemoInstall>();

	constructor({installCount = 36, startedAt = Date.now(), speed = 1, seed = 7}: ScenarioOptions = {}) {
		this.startedAt = startedAt;
		this.speed = speed;
		const rand = random(seed);
		this.apps = APPS.map((catalog, index) => {
			const id = makeId('app', rand);
			return {
				id,
				catalog,
				createdAt: startedAt - (200 + index * 40) * DAY,
				components: catalog.components.map(c => ({id: makeId('cmp', rand), name: c.name, type: c.type, appId: id})),
			};
		});
		const rolloutCount = Math.ceil((installCount * 5) / 6);
		let rolloutIndex = 0;
		this.installs = Array.from({length: installCount}, (_, index) => {
			const app = this.apps[index % this.apps.length]!;
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
			};
			install.components = app.components.map((component, k) => {
				const neverDeployed = index % 11 === 7 && k === app.components.length - 1;
				const ic: DemoInstallComponent = {id: makeId('inc', rand), component, previousDeployId: makeId('ind', rand), deployIds: [], neverDeployed};
				const stopped = failsAt >= 0 && k > failsAt;
				if (inRollout && !neverDeployed && !stopped) {
					const queuedAt = waveStart + k * 3 + rand() * 2;
					const planningAt = queuedAt + 2 + rand() * 2;
					const executingAt = planningAt + 3 + rand() * 2;
					const doneAt = executingAt + 4 + rand() * 4;
					ic.rollout = {id: makeId('ind', rand), schedule: {queuedAt, planningAt, executingAt, doneAt, fails: k === failsAt}};
					this.#addDeploy({id: ic.rollout.id, install, ic, rollout: true, schedule: ic.rollout.schedule, release: RELEASES.next, configVersion: 14, author: 'deploy-bot@ledgerly.dev'});
				}
				if (!neverDeployed) {
					// Earlier deploys, oldest last: the one before the rollout, a failed attempt, and one it superseded.
					const at = (days: number, fails = false): Schedule => {
						const queuedAt = -days * 86_400 + k * 60;
						return {queuedAt, planningAt: queuedAt + 5, executingAt: queuedAt + 15, doneAt: queuedAt + 40, fails};
					};
					const older = random(seed + index * 97 + k);
					this.#addDeploy({id: ic.previousDeployId, install, ic, rollout: false, schedule: at(6), release: RELEASES.previous, configVersion: 13, author: install.createdBy});
					this.#addDeploy({id: makeId('ind', older), install, ic, rollout: false, schedule: at(13, true), release: RELEASES.failed, configVersion: 12, author: install.createdBy});
					this.#addDeploy({id: makeId('ind', older), install, ic, rollout: false, schedule: at(20), release: RELEASES.superseded, configVersion: 11, author: 'deploy-bot@ledgerly.dev', superseded: true});
				}
				return ic;
			});
			this.#installsById.set(install.id, install);
			this.#installByBase.set(install.id.slice(3, 19), install);
			return install;
		});
	}

	#addDeploy(deploy: DemoDeploy): void {
		this.#deploys.set(deploy.id, deploy);
		this.#deployByBase.set(deploy.id.slice(3, 24), deploy.id);
		deploy.ic.deployIds.push(deploy.id);
	}

	/** Moves the clock so that it reads `scenarioSeconds` now (tests and --demo-at use it). */
	setClock(scenarioSeconds: number, now = Date.now()): void {
		this.startedAt = now - (scenarioSeconds * SECOND) / this.speed;
	}

	/** Scenario seconds since the start, at wall-clock time `now`. */
	clock(now = Date.now()): number {
		return ((now - this.startedAt) * this.speed) / SECOND;
	}

	#iso(scenarioSeconds: number): string {
		return new Date(this.startedAt + scenarioSeconds * SECOND).toISOString();
	}

	/** The installs an org sees: the demo's second org (a sandbox) has a few of its own. */
	installsOf(orgId: string): DemoInstall[] {
		return orgId === SANDBOX_ORG_ID ? this.installs.filter((_, index) => index % 9 === 4) : this.installs;
	}

	findInstall(idOrName: string): DemoInstall | undefined {
		return this.#installsById.get(idOrName) ?? this.installs.find(i => i.name === idOrName);
	}

	findInstallComponent(install: DemoInstall, componentId: string): DemoInstallComponent | undefined {
		return install.components.find(ic => ic.component.id === componentId || ic.component.name === componentId);
	}

	// ---- The API's objects at scenario time t --------------------------------------------------

	app(app: DemoApp): App {
		return {
			id: app.id,
			name: app.catalog.name,
			display_name: app.catalog.displayName,
			description: app.catalog.description,
			org_id: ORG_ID,
			cloud_platform: 'aws',
			status: 'active',
			status_description: 'app is ready',
			created_at: new Date(app.createdAt).toISOString(),
			updated_at: new Date(app.createdAt + 30 * DAY).toISOString(),
			created_by_id: 'acc' + app.id.slice(3),
		};
	}

	/** The orgs the demo token can see (the sandbox org sees a few of the installs: installsOf). */
	orgs(): Array<Schemas['app.Org']> {
		const created = new Date(this.startedAt - 400 * DAY).toISOString();
		return [
			{id: ORG_ID, name: 'ledgerly', status: 'active', sandbox_mode: false, created_at: created},
			{id: SANDBOX_ORG_ID, name: 'ledgerly-sandbox', status: 'active', sandbox_mode: true, created_at: created},
		];
	}

	component(component: DemoComponent): Schemas['app.Component'] {
		const app = this.apps.find(a => a.id === component.appId)!;
		return {
			id: component.id,
			name: component.name,
			type: component.type,
			app_id: component.appId,
			var_name: component.name.replace(/-/g, '_'),
			status: 'active',
			config_versions: 14,
			created_at: new Date(app.createdAt).toISOString(),
			dependencies: app.components.slice(0, app.components.indexOf(component)).filter(c => c.type === 'terraform_module').map(c => c.id),
		};
	}

	install(install: DemoInstall, t: number): Install {
		const statuses: Record<string, string> = {};
		let failed = 0;
		let moving = 0;
		for (const ic of install.components) {
			const phase = this.#latestPhase(ic, t);
			if (!phase) continue;
			statuses[ic.component.id] = phase;
			if (phase === 'error') failed++;
			else if (phase !== 'active') moving++;
		}
		const count = install.components.length;
		const composite = failed ? 'error' : moving ? 'deploying' : 'active';
		const description = failed
			? `${failed} of ${count} components failed to deploy`
			: moving
				? `${moving} of ${count} components deploying`
				: `all ${count} components are active`;
		const account = install.cloud === 'aws'
			? {aws_account: {id: 'aws' + install.id.slice(3), region: install.region, iam_role_arn: `arn:aws:iam::4821930${install.id.length}:role/nuon-${install.name}`}}
			: install.cloud === 'azure'
				? {azure_account: {id: 'azu' + install.id.slice(3), location: install.region}}
				: {install_inputs: [{id: 'inp' + install.id.slice(3), values: {gcp_region: install.region, gcp_project_id: `${install.name}-nuon`}}]};
		return {
			id: install.id,
			name: install.name,
			app_id: install.app.id,
			cloud_platform: install.cloud,
			...account,
			status: 'active',
			status_description: 'install is active',
			sandbox_status: 'active',
			sandbox_status_description: 'sandbox provisioned',
			runner_status: 'active',
			runner_status_description: 'runner is healthy',
			runner_type: install.cloud === 'aws' ? 'aws-ecs' : install.cloud === 'azure' ? 'azure-aks' : 'gcp-gke',
			composite_component_status: composite,
			composite_component_status_description: description,
			component_statuses: statuses,
			created_at: new Date(install.createdAt).toISOString(),
			updated_at: this.#iso(this.#lastChange(install, t)),
			created_by_id: install.createdBy,
		};
	}

	installComponent(install: DemoInstall, ic: DemoInstallComponent, t: number): InstallComponent {
		const phase = this.#latestPhase(ic, t);
		return {
			id: ic.id,
			install_id: install.id,
			component_id: ic.component.id,
			component: this.component(ic.component),
			status: phase,
			status_description: phase ? DESCRIPTIONS[phase] : undefined,
			status_v2: phase ? this.#compositeStatus(this.#deploys.get(this.#rolloutStarted(ic, t) ? ic.rollout!.id : ic.previousDeployId)!.schedule, t) : undefined,
			created_at: new Date(install.createdAt).toISOString(),
			updated_at: this.#iso(this.#rolloutStarted(ic, t) ? this.#phaseStart(ic.rollout!.schedule, t) : -5 * 86_400),
		};
	}

	componentSummary(install: DemoInstall, ic: DemoInstallComponent, t: number): InstallComponentSummary {
		const phase = this.#latestPhase(ic, t);
		return {
			id: ic.id,
			component_id: ic.component.id,
			component_name: ic.component.name,
			deploy_status: phase,
			deploy_status_description: phase ? DESCRIPTIONS[phase] : 'never deployed',
			build_status: 'active',
			build_status_description: 'build is ready',
		};
	}

	/** The latest deploy of an install component, or undefined if it was never deployed. */
	latestDeploy(install: DemoInstall, ic: DemoInstallComponent, t: number): InstallDeploy | undefined {
		if (ic.neverDeployed) return undefined;
		return this.#rolloutStarted(ic, t) ? this.deploy(ic.rollout!.id, t) : this.deploy(ic.previousDeployId, t);
	}

	/** Every deploy of an install component at time t, newest first. */
	componentDeploys(ic: DemoInstallComponent, t: number): InstallDeploy[] {
		return ic.deployIds.map(id => this.deploy(id, t)).filter(deploy => deploy !== undefined);
	}

	/** Every deploy of every component of an install, newest first. */
	installDeploys(install: DemoInstall, t: number): InstallDeploy[] {
		return install.components.flatMap(ic => this.componentDeploys(ic, t)).sort((a, b) => b.created_at!.localeCompare(a.created_at!));
	}

	deploy(deployId: string, t: number): InstallDeploy | undefined {
		const entry = this.#deploys.get(deployId);
		if (!entry || (entry.rollout && !this.#rolloutStarted(entry.ic, t))) return undefined;
		const {install, ic, schedule, release} = entry;
		const phase = entry.superseded ? 'inactive' : phaseAt(schedule, t);
		const createdAt = schedule.queuedAt;
		const done = t >= schedule.doneAt;
		const deployType = ic.component.type === 'docker_build' ? 'sync-image' : 'apply';
		return {
			id: deployId,
			install_id: install.id,
			component_id: ic.component.id,
			component_name: ic.component.name,
			install_component_id: ic.id,
			install_deploy_type: deployType,
			status: phase,
			status_description: DESCRIPTIONS[phase],
			status_v2: this.#compositeStatus(schedule, t, entry.superseded),
			created_at: this.#iso(createdAt),
			updated_at: this.#iso(this.#phaseStart(schedule, t)),
			created_by_id: 'acc' + install.id.slice(3, 12),
			created_by: {id: 'acc' + install.id.slice(3, 12), email: entry.author, account_type: 'auth0'},
			build_id: 'bld' + deployId.slice(3),
			release_id: 'rel' + entry.configVersion + install.app.id.slice(5),
			component_config_version: entry.configVersion,
			oci_artifact: {
				id: 'oci' + deployId.slice(3),
				repository: `registry.nuon.co/${install.app.catalog.name}/${ic.component.name}`,
				tag: release,
				digest: `sha256:${digest(deployId)}`,
				media_type: 'application/vnd.oci.image.manifest.v1+json',
			},
			log_stream: this.#logStream(`lgd${deployId.slice(3)}`, deployId, 'install_deploys', !done, createdAt),
			runner_jobs: this.#jobsOf(deployId)
				.filter(job => job.from <= t || job.group === 'sync')
				.reverse()
				.slice(0, 10)
				.map(job => this.#runnerJob(job, deployId, t)),
			action_workflow_runs: (() => {
				const run = this.#deployRun(deployId);
				return run && run.from <= t ? [this.#actionRunObject(run, install, t)] : [];
			})(),
		};
	}

	// ---- scenario internals ---------------------------------------------------------------------

	#rolloutStarted(ic: DemoInstallComponent, t: number): boolean {
		return !!ic.rollout && t >= ic.rollout.schedule.queuedAt;
	}

	#latestPhase(ic: DemoInstallComponent, t: number): Phase | undefined {
		if (ic.neverDeployed) return undefined;
		return this.#rolloutStarted(ic, t) ? phaseAt(ic.rollout!.schedule, t) : 'active';
	}

	#phaseStart(schedule: Schedule, t: number): number {
		const phase = phaseAt(schedule, t);
		return phase === 'queued' ? schedule.queuedAt : phase === 'planning' ? schedule.planningAt : phase === 'executing' ? schedule.executingAt : schedule.doneAt;
	}

	#lastChange(install: DemoInstall, t: number): number {
		let last = -3 * 86_400;
		for (const ic of install.components) if (this.#rolloutStarted(ic, t)) last = Math.max(last, this.#phaseStart(ic.rollout!.schedule, t));
		return last;
	}

	#compositeStatus(schedule: Schedule, t: number, superseded = false): CompositeStatus {
		const steps = ([
			['queued', schedule.queuedAt],
			['planning', schedule.planningAt],
			['executing', schedule.executingAt],
			[schedule.fails ? 'error' : 'active', schedule.doneAt],
			...(superseded ? [['inactive', schedule.doneAt + 7 * 86_400]] : []),
		] as Array<[Phase, number]>).filter(([, at]) => at <= t);
		const entries = steps.map(([phase, at]) => ({
			status: V2_STATUS[phase],
			status_human_description: DESCRIPTIONS[phase],
			created_at_ts: Math.floor((this.startedAt + at * SECOND) / SECOND),
			created_by_id: 'accrunner',
		}));
		const current = entries.at(-1)!;
		return {...current, history: entries.slice(0, -1).reverse()};
	}

	#deployEntry(deployId: string): DemoDeploy | undefined {
		return this.#deploys.get(deployId);
	}

	#jobsOf(deployId: string): JobWindow[] {
		const entry = this.#deployEntry(deployId);
		if (!entry) return [];
		const index = this.installs.indexOf(entry.install) + entry.install.components.indexOf(entry.ic);
		return deployJobs(deployId, entry.ic.component.type, entry.schedule, entry.rollout && index % 4 === 1);
	}

	/** A runner job of a deploy or an action run, by id. */
	#findJob(jobId: string): {job: JobWindow; ownerId: string; install: DemoInstall; ic?: DemoInstallComponent} | undefined {
		const deployId = this.#deployByBase.get(jobId.slice(3, 24));
		if (deployId) {
			const job = this.#jobsOf(deployId).find(j => j.id === jobId);
			const entry = this.#deploys.get(deployId)!;
			if (job) return {job, ownerId: deployId, install: entry.install, ic: entry.ic};
		}
		const run = jobId.startsWith('rja') ? this.#findRun(`awr${jobId.slice(3)}`) : jobId.startsWith('rjc') ? this.#findRun(`awc${jobId.slice(3)}`) : undefined;
		return run ? {job: runJob(run.window), ownerId: run.window.id, install: run.install} : undefined;
	}

	#runnerJob(job: JobWindow, ownerId: string, t: number, owner?: {install: DemoInstall; ic?: DemoInstallComponent; run?: RunWindow}): RunnerJob {
		const status = jobStatus(job, t);
		const started = t >= job.from;
		const finished = t >= job.to;
		const entry = this.#deploys.get(ownerId);
		const install = owner?.install ?? entry?.install;
		const ic = owner?.ic ?? entry?.ic;
		const executions = job.executions.filter(e => e.from <= t);
		const latest = executions.at(-1);
		return {
			id: job.id,
			group: job.group,
			type: job.type as RunnerJob['type'],
			operation: job.operation,
			status,
			status_description: status === 'failed' ? `failed after ${executions.length} executions: ${latest?.errorReason ?? 'error'}` : `job ${status}`,
			execution_count: executions.length,
			max_executions: 3,
			execution_time: Math.round(((finished ? job.to : Math.max(t, job.from)) - job.from) * 1e9),
			available_timeout: 300e9,
			queue_timeout: 600e9,
			execution_timeout: 1800e9,
			overall_timeout: 3600e9,
			created_at: this.#iso(job.from - 1),
			updated_at: this.#iso(finished ? job.to : started ? job.from : job.from - 1),
			...(started ? {started_at: this.#iso(job.from)} : {}),
			...(finished ? {finished_at: this.#iso(job.to), final_runner_job_execution_id: latest?.id} : {}),
			owner_id: ownerId,
			owner_type: owner?.run ? 'install_action_workflow_runs' : 'install_deploys',
			log_stream_id: job.logStreamId,
			runner_id: install ? `run${install.id.slice(3)}` : undefined,
			executions: latest ? [this.#execution(job, latest, t)] : [],
			outputs: finished && !job.fails ? jobOutputs(job) : undefined,
			metadata: {
				...(install ? {install_id: install.id, app_id: install.app.id} : {}),
				...(ic ? {component_name: ic.component.name, component_id: ic.component.id, deploy_id: ownerId} : {}),
				...(owner?.run ? {action_workflow_id: owner.run.workflowId, action_workflow_run_id: owner.run.id, action_workflow_name: owner.run.workflowName} : {}),
			},
		};
	}

	#execution(job: JobWindow, execution: ExecutionWindow, t: number): Schemas['app.RunnerJobExecution'] {
		const status = executionStatus(execution, t);
		const done = status === 'finished' || status === 'failed';
		return {
			id: execution.id,
			runner_job_id: job.id,
			status,
			created_at: this.#iso(execution.from),
			updated_at: this.#iso(Math.min(t, execution.to)),
			...(done
				? {
						result: {
							id: `rjr${execution.id.slice(3)}`,
							runner_job_execution_id: execution.id,
							success: !execution.fails,
							...(execution.fails ? {error_code: execution.errorCode ?? 1, error_metadata: {reason: execution.errorReason ?? 'failed', attempt: String(execution.attempt)}} : {}),
							created_at: this.#iso(execution.to),
						},
					}
				: {}),
			...(done && !execution.fails ? {outputs: {id: `rjo${execution.id.slice(3)}`, runner_job_execution_id: execution.id, outputs: jobOutputs(job)}} : {}),
		};
	}

	runnerJob(jobId: string, t: number): RunnerJob | undefined {
		const found = this.#findJob(jobId);
		if (!found || found.job.from - 1 > t) return undefined;
		const run = this.#findRun(found.ownerId);
		return this.#runnerJob(found.job, found.ownerId, t, {install: found.install, ic: found.ic, run: run?.window});
	}

	/** Executions of a runner job, newest first (as the API sends them). */
	executions(jobId: string, t: number): Array<Schemas['app.RunnerJobExecution']> | undefined {
		const found = this.#findJob(jobId);
		if (!found) return undefined;
		return found.job.executions
			.filter(e => e.from <= t)
			.map(e => this.#execution(found.job, e, t))
			.reverse();
	}

	/** The plan a deploy job produced, as the JSON string the API returns; undefined when it has none. */
	plan(jobId: string, t: number): string | undefined {
		const found = this.#findJob(jobId);
		if (!found || found.job.group !== 'deploy' || !found.ic) return undefined;
		const planJob = this.#jobsOf(found.ownerId).find(j => j.operation === 'create-apply-plan');
		if (!planJob || t < planJob.to) return undefined;
		return JSON.stringify(planFor(found.ic.component.name, found.ic.component.type));
	}

	// ---- action workflow runs -------------------------------------------------------------------

	#deployRun(deployId: string): RunWindow | undefined {
		const entry = this.#deployEntry(deployId);
		if (!entry || entry.ic.component.type !== 'helm_chart' || entry.schedule.fails) return undefined;
		return actionRun(`awr${deployId.slice(3)}`, 'post-deploy-component', entry.schedule.doneAt, 24);
	}

	#cronRun(install: DemoInstall, n: number): RunWindow {
		const offset = this.#cronOffset(install);
		const id = `awc${install.id.slice(3, 19)}${String(n + 100_000).padStart(7, '0')}`;
		return actionRun(id, 'cron', offset + n * CRON_PERIOD, CRON_DURATION, this.installs.indexOf(install) % 9 === 4);
	}

	#cronOffset(install: DemoInstall): number {
		return -((this.installs.indexOf(install) * 7) % CRON_PERIOD);
	}

	#latestCronRun(install: DemoInstall, t: number): RunWindow {
		return this.#cronRun(install, Math.floor((t - this.#cronOffset(install)) / CRON_PERIOD));
	}

	#findRun(runId: string): {window: RunWindow; install: DemoInstall; deployId?: string} | undefined {
		if (runId.startsWith('awr')) {
			const deployId = this.#deployByBase.get(runId.slice(3, 24));
			const window = deployId ? this.#deployRun(deployId) : undefined;
			return window && window.id === runId ? {window, install: this.#deploys.get(deployId!)!.install, deployId} : undefined;
		}
		if (runId.startsWith('awc')) {
			const install = this.#installByBase.get(runId.slice(3, 19));
			const n = Number(runId.slice(19)) - 100_000;
			return install && Number.isInteger(n) ? {window: this.#cronRun(install, n), install} : undefined;
		}
		return undefined;
	}

	#actionRunObject(run: RunWindow, install: DemoInstall, t: number): ActionWorkflowRun {
		const steps = run.steps;
		const done = t >= run.to;
		const failed = done && run.fails;
		const status = !done ? 'in-progress' : failed ? 'error' : 'finished';
		const configId = `awg${run.workflowId.slice(3)}`;
		return {
			id: run.id,
			install_id: install.id,
			install_action_workflow_id: `iaw${install.id.slice(3, 16)}${run.workflowId.slice(3, 16)}`,
			install_action_workflow: {id: `iaw${install.id.slice(3, 16)}${run.workflowId.slice(3, 16)}`, action_workflow_id: run.workflowId, action_workflow: {id: run.workflowId, name: run.workflowName}},
			trigger_type: run.trigger,
			triggered_by_id: run.trigger === 'cron' ? 'cron-scheduler' : `ind${run.id.slice(3)}`,
			triggered_by_type: run.trigger === 'cron' ? 'cron' : 'install_deploys',
			status,
			status_description: !done ? `running ${steps.find(step => t < step.to)?.name ?? ''}` : failed ? `step ${steps.at(-1)!.name} failed` : `${run.workflowName} finished`,
			status_v2: {status: !done ? 'in-progress' : failed ? 'error' : 'success', status_human_description: !done ? 'running' : failed ? 'a step failed' : 'all steps finished', created_at_ts: Math.floor((this.startedAt + Math.min(t, run.to) * SECOND) / SECOND)},
			execution_time: Math.round((Math.min(t, run.to) - run.from) * 1e9),
			created_at: this.#iso(run.from),
			updated_at: this.#iso(Math.min(t, run.to)),
			config: {
				id: configId,
				action_workflow_id: run.workflowId,
				timeout: 600e9,
				// The API does not promise any order: steps are ordered by idx.
				steps: [...steps].reverse().map(step => ({
					id: step.id,
					idx: step.idx,
					name: step.name,
					action_workflow_config_id: configId,
					command: step.command,
					inline_contents: step.inlineContents,
					env_vars: Object.fromEntries(Object.keys(step.envVars).map(name => [name, `{{ .nuon.install.${name.toLowerCase()} }}`])),
					...(step.repo ? {public_git_vcs_config: {repo: step.repo.repo, branch: step.repo.branch, directory: step.repo.directory}} : {}),
				})),
			},
			steps: steps
				.filter(step => step.from <= t)
				.map(step => ({
					id: `ars${step.id.slice(3)}`,
					step_id: step.id,
					install_action_workflow_run_id: run.id,
					status: stepStatus(step, t),
					execution_duration: Math.round((Math.min(t, step.to) - step.from) * 1e9),
					created_at: this.#iso(step.from),
					updated_at: this.#iso(Math.min(t, step.to)),
				})),
			log_stream: this.#logStream(run.logStreamId, run.id, 'install_action_workflow_runs', !done, run.from),
			runner_job: this.#runnerJob(runJob(run), run.id, t, {install, run}),
			outputs: done && !failed ? {checks_passed: String(steps.length), report_url: `https://reports.example.com/${install.name}/${run.id}`} : undefined,
		};
	}

	actionRun(install: DemoInstall, runId: string, t: number): ActionWorkflowRun | undefined {
		const run = this.#findRun(runId);
		if (!run || run.install !== install || run.window.from > t) return undefined;
		return this.#actionRunObject(run.window, install, t);
	}

	/** The install's action workflows, each with its latest run (as latest-runs answers). */
	latestRuns(install: DemoInstall, t: number): Array<Schemas['app.InstallActionWorkflow']> {
		const runs: RunWindow[] = [this.#latestCronRun(install, t)];
		const deployRuns = install.components
			.map(ic => (this.#rolloutStarted(ic, t) ? ic.rollout!.id : ic.previousDeployId))
			.map(id => this.#deployRun(id))
			.filter((run): run is RunWindow => !!run && run.from <= t)
			.sort((a, b) => b.from - a.from);
		if (deployRuns[0]) runs.push(deployRuns[0]);
		return runs.map(run => ({
			id: `iaw${install.id.slice(3, 16)}${run.workflowId.slice(3, 16)}`,
			install_id: install.id,
			action_workflow_id: run.workflowId,
			action_workflow: {id: run.workflowId, name: run.workflowName, app_id: install.app.id, status: 'active'},
			status: 'active',
			created_at: new Date(install.createdAt).toISOString(),
			runs: [this.#actionRunObject(run, install, t)],
		}));
	}

	// ---- logs ---------------------------------------------------------------------------------------

	#logStream(id: string, ownerId: string, ownerType: string, open: boolean, createdAt: number): Schemas['app.LogStream'] {
		return {id, owner_id: ownerId, owner_type: ownerType, created_at: this.#iso(createdAt), ...(open ? {open: true} : {})};
	}

	/** The stream's lines (all of them, written or not yet) and when it closes. */
	#streamSource(streamId: string): {lines: LogLine[]; closesAt: number; opensAt: number; ownerId: string; ownerType: string} | undefined {
		const base = streamId.slice(3);
		if (streamId.startsWith('lgd')) {
			const deployId = `ind${base}`;
			const entry = this.#deployEntry(deployId);
			if (!entry) return undefined;
			const lines = this.#jobsOf(deployId).flatMap(job => job.executions.flatMap(e => executionLines(job, e)));
			return {lines, opensAt: entry.schedule.queuedAt, closesAt: entry.schedule.doneAt, ownerId: deployId, ownerType: 'install_deploys'};
		}
		if (streamId.startsWith('lgj')) {
			const found = this.#findJob(`rjb${base}`);
			if (!found) return undefined;
			const {job} = found;
			const lines = job.executions.flatMap(e => executionLines(job, e));
			return {lines, opensAt: job.from, closesAt: job.to, ownerId: job.id, ownerType: 'runner_jobs'};
		}
		if (streamId.startsWith('lgr') || streamId.startsWith('lgc')) {
			const run = this.#findRun(`${streamId.startsWith('lgr') ? 'awr' : 'awc'}${base}`);
			if (!run) return undefined;
			return {lines: runLines(run.window), opensAt: run.window.from, closesAt: run.window.to, ownerId: run.window.id, ownerType: 'install_action_workflow_runs'};
		}
		return undefined;
	}

	logStream(streamId: string, t: number): Schemas['app.LogStream'] | undefined {
		const source = this.#streamSource(streamId);
		if (!source || t < source.opensAt) return undefined;
		return this.#logStream(streamId, source.ownerId, source.ownerType, t < source.closesAt, source.opensAt);
	}

	/** The records written by `t`, oldest first, with their nanosecond timestamps. */
	logRecords(streamId: string, t: number): Array<{ns: bigint; record: Schemas['app.OtelLogRecord']}> | undefined {
		const source = this.#streamSource(streamId);
		if (!source || t < source.opensAt) return undefined;
		return source.lines
			.map((line, index) => ({line, index, ns: this.#nanos(line)}))
			.filter(({line}) => line.at <= t)
			.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : a.index - b.index))
			.map(({line, index, ns}) => ({
				ns,
				record: {
					id: `olr${streamId.slice(3, 20)}${String(index).padStart(6, '0')}`,
					log_stream_id: streamId,
					timestamp: nanosToTimestamp(ns),
					severity_text: line.severity,
					severity_number: SEVERITY_NUMBER[line.severity],
					body: line.body,
					service_name: 'nuon-runner',
					runner_job_id: line.jobId,
					runner_job_execution_id: line.executionId,
					runner_job_execution_step: line.executionStep,
					log_attributes: line.step ? {workflow_step_name: line.step} : ({} as Record<string, string>),
				},
			}));
	}

	#nanos(line: LogLine): bigint {
		const ms = Math.floor(this.startedAt + line.at * SECOND);
		const subMillisecond = line.nanos || Math.floor(((this.startedAt + line.at * SECOND) % 1) * 1e6);
		return BigInt(ms) * 1_000_000n + BigInt(subMillisecond);
	}
}

function phaseAt(s: Schedule, t: number): Phase {
	if (t >= s.doneAt) return s.fails ? 'error' : 'active';
	if (t >= s.executingAt) return 'executing';
	if (t >= s.planningAt) return 'planning';
	return 'queued';
}

const DESCRIPTIONS: Record<Phase, string> = {
	queued: 'waiting for a runner to pick up the deploy',
	planning: 'planning changes',
	executing: 'applying changes',
	active: 'deployed successfully',
	error: 'helm upgrade failed: timed out waiting for the condition',
	inactive: 'superseded by a newer deploy',
};

/** status_v2 uses the CompositeStatus vocabulary (app.Status), not the deploy's own. */
const V2_STATUS: Record<Phase, CompositeStatus['status']> = {
	queued: 'pending',
	planning: 'planning',
	executing: 'applying',
	active: 'active',
	error: 'error',
	inactive: 'outdated',
};

function digest(seed: string): string {
	let out = '';
	const rand = random([...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619), 2_166_136_261));
	while (out.length < 64) out += Math.floor(rand() * 16).toString(16);
	return out;
}

const SEVERITY_NUMBER = {DEBUG: 5, INFO: 9, WARN: 13, ERROR: 17} as const;

/** RFC 3339 with nanoseconds, as the API writes log timestamps. */
export function nanosToTimestamp(ns: bigint): string {
	const ms = Number(ns / 1_000_000n);
	const fraction = String(ns % 1_000_000_000n).padStart(9, '0');
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${fraction}Z`);
}

/** The runner job that executes an action run. */
function runJob(run: RunWindow): JobWindow {
	return {
		id: run.jobId,
		group: 'actions',
		type: 'actions-workflow',
		operation: 'exec',
		from: run.from,
		to: run.to,
		fails: run.fails,
		logStreamId: run.logStreamId,
		executions: [{id: `rje${run.jobId.slice(3)}1`, attempt: 1, from: run.from, to: run.to, fails: run.fails, errorCode: run.fails ? 2 : undefined, errorReason: run.fails ? 'a step failed' : undefined}],
	};
}

/** Outputs as the API nests them: each value an object. */
function jobOutputs(job: JobWindow): Record<string, Record<string, never>> {
	const outputs: Record<string, Record<string, unknown>> =
		job.group === 'sync'
			? {image: {repository: 'registry.nuon.co/install', tag: RELEASES.next, size_bytes: 48_213_377}}
			: job.operation === 'create-apply-plan'
				? {plan: {add: 3, change: 1, destroy: 0, checksum: 'sha256:3f1a9c'}}
				: job.group === 'actions'
					? {checks: {passed: 3, failed: 0}}
					: {
							service: {endpoint: 'https://api.internal.example.com', port: 443},
							resources: {added: 3, changed: 1, destroyed: 0},
							notes: {text: 'Deployed by the Nuon runner. '.repeat(8).trim()},
						};
	return outputs as Record<string, Record<string, never>>;
}

function planFor(name: string, type: ComponentKind): unknown {
	if (type === 'terraform_module') {
		return {
			format_version: '1.2',
			terraform_version: '1.9.8',
			resource_changes: [
				{address: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', change: {actions: ['create'], after: {bucket: `${name}-logs`, force_destroy: false, tags: {managed_by: 'nuon'}}}},
				{address: 'aws_iam_role.runner', type: 'aws_iam_role', change: {actions: ['update'], before: {max_session_duration: 3600}, after: {max_session_duration: 7200}}},
				{address: 'aws_security_group.db', type: 'aws_security_group', change: {actions: ['create'], after: {ingress: [{from_port: 5432, to_port: 5432, cidr_blocks: ['10.0.0.0/16']}]}}},
			],
			output_changes: {endpoint: {actions: ['no-op']}},
		};
	}
	return {
		release: name,
		chart: `${name}-2.4.0`,
		namespace: name,
		diff: [`Deployment/${name}: image v2.3.1 → v2.4.0`, `ConfigMap/${name}-config: 2 keys changed`, `HorizontalPodAutoscaler/${name}: maxReplicas 6 → 8`],
		values: {image: {tag: RELEASES.next}, replicas: 3, resources: {limits: {cpu: '500m', memory: '512Mi'}}},
	};
}
