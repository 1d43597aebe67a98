// The demo org as pure data: apps, installs, their components and every deploy, generated from a
// seed, and the lookups every serializer needs. The shapes are in world-types.ts, the phase
// arithmetic in world-phases.ts, approvals and outages in world-trouble.ts.
import {APPS, CUSTOMERS, ENVIRONMENTS, PEOPLE, REGIONS, RELEASES} from './catalog.js';
import {provisionWorkflowId} from './provision-workflow.js';
import {digest, makeId, random} from './random.js';
import {HOTFIX, hotfixSchedule} from './world-rollouts.js';
import {
	APPROVALS,
	askApproval,
	pastTrouble,
	RUNNER_OUTAGE,
	WAITING_APPROVAL,
	waitForRunner,
	waitingApprovalInstalls,
} from './world-trouble.js';
import {
	DAY,
	type DemoDeploy,
	type DemoInstall,
	type DemoInstallComponent,
	type DemoWorkflow,
	type Schedule,
	type ScenarioOptions,
	SANDBOX_ORG_ID,
	SECOND,
	type World,
} from './world-types.js';

export * from './world-types.js';
export * from './world-phases.js';
export * from './world-rollouts.js';
export {RUNNER_OUTAGE} from './world-trouble.js';

export function buildWorld({
	installCount = 36,
	startedAt = Date.now(),
	speed = 1,
	seed = 7,
	waitingApprovals = 0,
}: ScenarioOptions = {}): World {
	const waiting = waitingApprovalInstalls(installCount, waitingApprovals);
	installCount = waiting.installCount;
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
	let hotfixed = 0;
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
				const approval = APPROVALS[index] ?? (waiting.installs.has(index) ? WAITING_APPROVAL : undefined);
				askApproval(
					ic.rollout,
					index,
					app.components.findIndex(c => c.type === approval?.component) === k ? approval : undefined,
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
		if (app.catalog.name === HOTFIX.app && inRollout && failsAt < 0 && hotfixed < HOTFIX.installs)
			addHotfix(world, install, hotfixed++, seed + index * 89);
		addWorkflows(world, install);
		world.installsById.set(install.id, install);
		world.installByBase.set(install.id.slice(3, 19), install);
		return install;
	});
	return world;
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
export function deployEntry(world: World, deployId: string): DemoDeploy | undefined {
	return world.deploys.get(deployId);
}

/** The hotfix's deploy of every component the release reached, once the release is done on the install
 * (its own randomness: the rest of the org is the same with or without it). */
function addHotfix(world: World, install: DemoInstall, order: number, seed: number): void {
	const rand = random(seed);
	const releaseDone = Math.max(...install.components.map(ic => ic.rollout?.schedule.doneAt ?? -Infinity));
	install.components.forEach((ic, k) => {
		if (!ic.rollout) return;
		ic.hotfix = {id: makeId('ind', rand), schedule: hotfixSchedule(order, releaseDone, k, rand)};
		const deploy = {id: ic.hotfix.id, install, ic, rollout: true, schedule: ic.hotfix.schedule};
		addDeploy(world, {...deploy, release: RELEASES.hotfix, configVersion: 15, author: 'maya@ledgerly.dev'});
		// Every deploy of it, newest first.
		ic.deployIds.unshift(ic.deployIds.pop()!);
	});
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
		const createdAt = !rollout
			? Math.min(...deploys.map(d => d.schedule.queuedAt))
			: release === RELEASES.hotfix
				? HOTFIX.createdAt
				: ROLLOUT_CREATED_AT;
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
	install.workflowIds.push(provisionWorkflowId(install));
}
