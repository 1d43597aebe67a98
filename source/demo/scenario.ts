// The demo org as pure data over a clock: a rollout of a new release moves through the installs in
// waves, each deploy going queued → planning → executing → active (one ends in error).
import type {App, Install, InstallComponent, InstallComponentSummary, InstallDeploy, RunnerJob, ActionWorkflowRun, CompositeStatus} from '../api/resources.js';
import {APPS, CUSTOMERS, ENVIRONMENTS, PEOPLE, REGIONS, RELEASES, type CatalogApp, type ComponentKind} from './catalog.js';

export interface ScenarioOptions {
	installCount?: number;
	/** Wall-clock ms at which the scenario starts. */
	startedAt?: number;
	/** How many scenario seconds pass per wall-clock second. */
	speed?: number;
	seed?: number;
}

type Phase = 'queued' | 'planning' | 'executing' | 'active' | 'error';

interface Schedule {
	queuedAt: number;
	planningAt: number;
	executingAt: number;
	doneAt: number;
	fails: boolean;
}

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
	/** The rollout's deploy, when this install and component take part in it. */
	rollout?: {id: string; schedule: Schedule};
	neverDeployed: boolean;
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
	readonly #deploys = new Map<string, {install: DemoInstall; ic: DemoInstallComponent; rollout: boolean}>();
	/** When the last rollout deploy finishes, in scenario seconds. */
	readonly rolloutEndsAt: number;

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
		let lastDone = 0;
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
				const ic: DemoInstallComponent = {id: makeId('inc', rand), component, previousDeployId: makeId('ind', rand), neverDeployed};
				const stopped = failsAt >= 0 && k > failsAt;
				if (inRollout && !neverDeployed && !stopped) {
					const queuedAt = waveStart + k * 3 + rand() * 2;
					const planningAt = queuedAt + 2 + rand() * 2;
					const executingAt = planningAt + 3 + rand() * 2;
					const doneAt = executingAt + 4 + rand() * 4;
					lastDone = Math.max(lastDone, doneAt);
					ic.rollout = {id: makeId('ind', rand), schedule: {queuedAt, planningAt, executingAt, doneAt, fails: k === failsAt}};
					this.#deploys.set(ic.rollout.id, {install, ic, rollout: true});
				}
				if (!neverDeployed) this.#deploys.set(ic.previousDeployId, {install, ic, rollout: false});
				return ic;
			});
			this.#installsById.set(install.id, install);
			return install;
		});
		this.rolloutEndsAt = lastDone;
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
			component: {
				id: ic.component.id,
				name: ic.component.name,
				type: ic.component.type,
				app_id: install.app.id,
				var_name: ic.component.name.replace(/-/g, '_'),
				status: 'active',
			},
			status_v2: phase ? this.#compositeStatus(ic, t, !!this.#rolloutStarted(ic, t)) : undefined,
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

	deploy(deployId: string, t: number): InstallDeploy | undefined {
		const entry = this.#deploys.get(deployId);
		if (!entry || (entry.rollout && !this.#rolloutStarted(entry.ic, t))) return undefined;
		const {install, ic} = entry;
		const schedule = entry.rollout ? ic.rollout!.schedule : undefined;
		const phase = schedule ? phaseAt(schedule, t) : 'active';
		const createdAt = schedule ? schedule.queuedAt : -6 * 86_400 + install.components.indexOf(ic) * 60;
		const release = entry.rollout ? RELEASES.next : RELEASES.previous;
		const done = phase === 'active' || phase === 'error';
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
			status_v2: this.#compositeStatus(ic, t, entry.rollout),
			created_at: this.#iso(createdAt),
			updated_at: this.#iso(schedule ? this.#phaseStart(schedule, t) : createdAt + 40),
			created_by_id: 'acc' + install.id.slice(3, 12),
			created_by: {id: 'acc' + install.id.slice(3, 12), email: entry.rollout ? 'deploy-bot@ledgerly.dev' : install.createdBy, account_type: 'auth0'},
			build_id: 'bld' + deployId.slice(3),
			release_id: 'rel' + (entry.rollout ? '24' : '23') + install.app.id.slice(5),
			component_config_version: entry.rollout ? 14 : 13,
			oci_artifact: {
				id: 'oci' + deployId.slice(3),
				repository: `registry.nuon.co/${install.app.catalog.name}/${ic.component.name}`,
				tag: release,
				digest: `sha256:${digest(deployId)}`,
				media_type: 'application/vnd.oci.image.manifest.v1+json',
			},
			log_stream: {id: 'log' + deployId.slice(3), owner_id: deployId, owner_type: 'install_deploys', ...(done ? {} : {open: true})},
			runner_jobs: this.#runnerJobs(install, ic, deployId, schedule, t),
			action_workflow_runs: this.#actionRuns(install, ic, deployId, schedule, t),
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

	#compositeStatus(ic: DemoInstallComponent, t: number, rollout: boolean): CompositeStatus {
		const schedule = rollout ? ic.rollout!.schedule : undefined;
		const steps: Array<[Phase, number]> = schedule
			? ([
					['queued', schedule.queuedAt],
					['planning', schedule.planningAt],
					['executing', schedule.executingAt],
					[schedule.fails ? 'error' : 'active', schedule.doneAt],
				] as Array<[Phase, number]>).filter(([, at]) => at <= t)
			: [['active', -6 * 86_400 + 40]];
		const entries = steps.map(([phase, at]) => ({
			status: V2_STATUS[phase],
			status_human_description: DESCRIPTIONS[phase],
			created_at_ts: Math.floor((this.startedAt + at * SECOND) / SECOND),
			created_by_id: 'accrunner',
		}));
		const current = entries.at(-1)!;
		return {...current, history: entries.slice(0, -1).reverse()};
	}

	#runnerJobs(install: DemoInstall, ic: DemoInstallComponent, deployId: string, schedule: Schedule | undefined, t: number): RunnerJob[] {
		const at = (s: number) => this.#iso(s);
		const plan = (s: Schedule) => [s.planningAt, s.executingAt] as const;
		const windows: Array<{group: RunnerJob['group']; type: RunnerJob['type']; operation: RunnerJob['operation']; from: number; to: number; fails?: boolean}> = [];
		const deployType = ({terraform_module: 'terraform-deploy', helm_chart: 'helm-chart-deploy', job: 'job-deploy', docker_build: 'noop-deploy'} as const)[ic.component.type];
		const s = schedule ?? {queuedAt: -6 * 86_400, planningAt: -6 * 86_400 + 5, executingAt: -6 * 86_400 + 15, doneAt: -6 * 86_400 + 40, fails: false};
		windows.push({group: 'sync', type: 'oci-sync', operation: 'exec', from: s.queuedAt, to: s.planningAt});
		if (ic.component.type !== 'docker_build') {
			const [from, to] = plan(s);
			windows.push({group: 'deploy', type: deployType, operation: 'create-apply-plan', from, to});
			windows.push({group: 'deploy', type: deployType, operation: 'apply-plan', from: s.executingAt, to: s.doneAt, fails: s.fails});
		}
		return windows
			.map((w, index) => {
				const status: RunnerJob['status'] = t < w.from ? 'queued' : t < w.to ? 'in-progress' : w.fails ? 'failed' : 'finished';
				const started = t >= w.from;
				const finished = t >= w.to;
				return {
					id: `rjb${deployId.slice(3, 24)}${index}`,
					group: w.group,
					type: w.type,
					operation: w.operation,
					status,
					status_description: status === 'failed' ? 'helm upgrade failed: timed out waiting for the condition' : `job ${status}`,
					execution_count: started ? 1 : 0,
					execution_time: Math.round(((finished ? w.to : Math.max(t, w.from)) - w.from) * 1e9),
					created_at: at(s.queuedAt),
					updated_at: at(finished ? w.to : started ? w.from : s.queuedAt),
					...(started ? {started_at: at(w.from)} : {}),
					...(finished ? {finished_at: at(w.to)} : {}),
					owner_id: deployId,
					owner_type: 'install_deploys',
					log_stream_id: `log${deployId.slice(3, 24)}${index}`,
					metadata: {component_name: ic.component.name, component_id: ic.component.id, deploy_id: deployId, install_id: install.id, app_id: install.app.id},
				};
			})
			.reverse();
	}

	#actionRuns(install: DemoInstall, ic: DemoInstallComponent, deployId: string, schedule: Schedule | undefined, t: number): ActionWorkflowRun[] {
		if (ic.component.type !== 'helm_chart') return [];
		const start = schedule ? schedule.doneAt : -6 * 86_400 + 40;
		if (t < start || schedule?.fails) return [];
		const status = t < start + 4 ? 'in-progress' : 'finished';
		return [
			{
				id: `awr${deployId.slice(3)}`,
				install_id: install.id,
				trigger_type: 'post-deploy-component',
				status,
				status_description: status === 'finished' ? 'smoke test passed' : 'running smoke test',
				status_v2: {status: status === 'finished' ? 'success' : 'in-progress', status_human_description: status === 'finished' ? 'smoke test passed' : 'running smoke test'},
				execution_time: Math.round(Math.min(t - start, 4) * 1e9),
				created_at: this.#iso(start),
				updated_at: this.#iso(Math.min(t, start + 4)),
			},
		];
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
};

/** status_v2 uses the CompositeStatus vocabulary (app.Status), not the deploy's own. */
const V2_STATUS: Record<Phase, CompositeStatus['status']> = {
	queued: 'pending',
	planning: 'planning',
	executing: 'applying',
	active: 'active',
	error: 'error',
};

function digest(seed: string): string {
	let out = '';
	const rand = random([...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619), 2_166_136_261));
	while (out.length < 64) out += Math.floor(rand() * 16).toString(16);
	return out;
}
