// The API's objects for apps, orgs, installs and components at scenario time t (its deploys, in
// deploy-objects.ts, exported from here too).
import {driftCheckAt, driftCheckDeploy} from './drift-checks.js';
import type {App, Install, InstallComponent, InstallComponentSummary} from '../api/resources.js';
import type {components} from '../api/schema.js';
import {runnerIdOf, runnerStatus} from './runners.js';
import {
	DAY,
	DEPLOY_STATUS,
	DESCRIPTIONS,
	ORG_ID,
	SANDBOX_ORG_ID,
	iso,
	currentRollout,
	lastChange,
	latestDeployId,
	latestPhase,
	phaseAt,
	phaseStart,
	priorDeployId,
	rolloutStarted,
	type DemoApp,
	type DemoComponent,
	type DemoInstall,
	type DemoInstallComponent,
	type Phase,
	type World,
} from './world.js';
import {NEWEST_DEMO_API, since, type DemoApi} from './api-mode.js';
import {compositeStatus, listedDeploy} from './deploy-objects.js';
import {since2026} from './install-2026.js';

export {compositeStatus, componentDeploys, deploy, installDeploys, latestDeploy} from './deploy-objects.js';

type Schemas = components['schemas'];

// ---- The API's objects at scenario time t --------------------------------------------------
export function app(_world: World, app: DemoApp): App {
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
		created_by_id: `acc${app.id.slice(3)}`,
	};
}

/** The orgs the demo token can see (the sandbox org sees a few of the installs: installsOf). */
export function orgs(world: World): Array<Schemas['app.Org']> {
	const created = new Date(world.startedAt - 400 * DAY).toISOString();
	return [
		{id: ORG_ID, name: 'ledgerly', status: 'active', sandbox_mode: false, created_at: created},
		{id: SANDBOX_ORG_ID, name: 'ledgerly-sandbox', status: 'active', sandbox_mode: true, created_at: created},
	];
}

export function component(world: World, component: DemoComponent): Schemas['app.Component'] {
	const app = world.apps.find(a => a.id === component.appId)!;
	return {
		id: component.id,
		name: component.name,
		type: component.type,
		app_id: component.appId,
		var_name: component.name.replace(/-/g, '_'),
		status: 'active',
		config_versions: 14,
		created_at: new Date(app.createdAt).toISOString(),
		dependencies: app.components
			.slice(0, app.components.indexOf(component))
			.filter(c => c.type === 'terraform_module')
			.map(c => c.id),
	};
}

/**
 * The install component's own status, which `component_statuses` lists (installs_view_v6.sql).
 * Today's server changes it only in a deploy's apply step: while the deploy is queued, syncs, plans
 * and waits for an approval it still says how the previous deploy ended
 * (execute_deploy_component_sync_and_plan.go updates the deploy "without status sync"). Until
 * 2025-08-22 it followed the deploy, `pending-approval` included.
 */
function componentPhase(world: World, ic: DemoInstallComponent, t: number, api: DemoApi): Phase | undefined {
	const phase = latestPhase(world, ic, t);
	if (
		since(api, '2025-12') &&
		rolloutStarted(world, ic, t) &&
		(phase === 'queued' || phase === 'planning' || phase === 'awaiting')
	)
		return phaseAt(world.deploys.get(priorDeployId(world, ic, t))!.schedule, t);
	return phase;
}

export function install(
	world: World,
	install: DemoInstall,
	t: number,
	api: DemoApi = NEWEST_DEMO_API,
): Install {
	const statuses: Record<string, string> = {};
	const phases = new Map<string, Phase>();
	let failed = 0;
	let moving = 0;
	for (const ic of install.components) {
		const phase = componentPhase(world, ic, t, api);
		if (!phase) continue;
		phases.set(ic.component.id, phase);
		statuses[ic.component.id] = DEPLOY_STATUS[phase];
		if (phase === 'error' || phase === 'denied') failed++;
		else if (phase !== 'active' && phase !== 'cancelled') moving++;
	}
	const count = install.components.length;
	const composite = failed ? 'error' : moving ? 'deploying' : 'active';
	const description = failed
		? `${failed} of ${count} components failed to deploy`
		: moving
			? `${moving} of ${count} components deploying`
			: `all ${count} components are active`;
	const account =
		install.cloud === 'aws'
			? {
					aws_account: {
						id: `aws${install.id.slice(3)}`,
						region: install.region,
						iam_role_arn: `arn:aws:iam::4821930${install.id.length}:role/nuon-${install.name}`,
					},
				}
			: install.cloud === 'azure'
				? {azure_account: {id: `azu${install.id.slice(3)}`, location: install.region}}
				: {
						install_inputs: [
							{
								id: `inp${install.id.slice(3)}`,
								values: {gcp_region: install.region, gcp_project_id: `${install.name}-nuon`},
							},
						],
					};
	return {
		id: install.id,
		name: install.name,
		app_id: install.app.id,
		cloud_platform: install.cloud,
		...account,
		...(since(api, '2026')
			? since2026(install, phases)
			: {status: 'active', status_description: 'install is active'}),
		sandbox_status: 'active',
		sandbox_status_description: 'sandbox provisioned',
		// install.go (AfterQuery): the first runner of its group, which every installs list preloads.
		runner_id: runnerIdOf(install),
		runner_status: runnerStatus(install, t).status as Install['runner_status'],
		runner_status_description: runnerStatus(install, t).description,
		runner_type: install.cloud === 'aws' ? 'aws-ecs' : install.cloud === 'azure' ? 'azure-aks' : 'gcp-gke',
		composite_component_status: composite,
		composite_component_status_description: description,
		component_statuses: statuses,
		created_at: new Date(install.createdAt).toISOString(),
		updated_at: iso(world, lastChange(world, install, t)),
		created_by_id: install.createdBy,
	};
}

/**
 * An install in the org's installs list (get_org_installs.go): with its install components, each
 * with the component and its latest deploy from install_deploys_latest_view_v1 (the view's columns
 * only: nothing nested, `install_id` empty). The loop meant to read them in batches of 10 fills the
 * wrong slice and stops after the first: an install's first 10 components only. Before 2025-08-13
 * every component came, with every deploy, newest first. An app's installs list
 * (get_app_installs.go) and an install by id (get_install.go) have no deploys.
 */
export function listedInstall(world: World, demoInstall: DemoInstall, t: number, api: DemoApi): Install {
	const components = since(api, '2025-12') ? demoInstall.components.slice(0, 10) : demoInstall.components;
	const install_components = components.map(ic => {
		const ids = since(api, '2025-12')
			? ic.neverDeployed
				? []
				: [latestDeployId(world, ic, t)]
			: ic.deployIds;
		const check = driftCheckAt(world, demoInstall, ic, t, api);
		return {
			...installComponent(world, demoInstall, ic, t),
			install_deploys: check
				? [driftCheckDeploy(world, check, t)]
				: ids.map(id => listedDeploy(world, id, t)).filter(deploy => deploy !== undefined),
		};
	});
	return {...install(world, demoInstall, t, api), install_components};
}

export function installComponent(
	world: World,
	install: DemoInstall,
	ic: DemoInstallComponent,
	t: number,
): InstallComponent {
	const phase = latestPhase(world, ic, t);
	const current = currentRollout(world, ic, t);
	return {
		id: ic.id,
		install_id: install.id,
		component_id: ic.component.id,
		component: component(world, ic.component),
		status: phase && DEPLOY_STATUS[phase],
		status_description: phase ? DESCRIPTIONS[phase] : undefined,
		status_v2: phase
			? compositeStatus(world, world.deploys.get(latestDeployId(world, ic, t))!.schedule, t)
			: undefined,
		created_at: new Date(install.createdAt).toISOString(),
		updated_at: iso(world, current ? phaseStart(world, current.schedule, t) : -5 * 86_400),
	};
}

export function componentSummary(
	world: World,
	_install: DemoInstall,
	ic: DemoInstallComponent,
	t: number,
): InstallComponentSummary {
	const phase = latestPhase(world, ic, t);
	return {
		id: ic.id,
		component_id: ic.component.id,
		component_name: ic.component.name,
		deploy_status: phase && DEPLOY_STATUS[phase],
		deploy_status_description: phase ? DESCRIPTIONS[phase] : 'never deployed',
		build_status: 'active',
		build_status_description: 'build is ready',
	};
}
