// The API's deploys at scenario time t: one whole, as the latest-deploys view lists it, every deploy
// of a component or an install, and the composite status with its history.
import type {CompositeStatus, InstallDeploy} from '../api/resources.js';
import {digest} from './random.js';
import {
	DEPLOY_STATUS,
	DESCRIPTIONS,
	SECOND,
	V2_STATUS,
	iso,
	phaseAt,
	phaseHistory,
	phaseStart,
	deployExists,
	latestDeployId,
	type DemoDeploy,
	type DemoInstall,
	type DemoInstallComponent,
	type Phase,
	type Schedule,
	type World,
} from './world.js';
import {jobsOf, jobObject} from './jobs.js';
import {runObject} from './runs.js';
import {deployRun} from './run-windows.js';
import {streamObject} from './log-records.js';

/**
 * The build a deploy deploys (app/install_deploy.go: `ComponentBuildID json:"build_id"`, not null):
 * one per component and release, the same on every install it reaches.
 */
export const buildId = ({ic, release}: DemoDeploy) =>
	`bld${digest(`${ic.component.id}/${release}`).slice(0, 23)}`;

/**
 * A deploy's `release_id` is a component release's step (app/install_deploy.go:
 * `ComponentReleaseStepID json:"release_id"`, omitted when nil): set only on the deploys a release
 * made (releases/worker/activities/create_install_deploy.go), one step per group of installs; a deploy
 * an install workflow made has none. The demo's release-made deploys get a step per install, so
 * nothing can group installs by it.
 */
const releaseStep = ({workflowId, ic, release, install}: DemoDeploy) =>
	workflowId ? {} : {release_id: `rls${digest(`${ic.component.id}/${release}/${install.id}`).slice(0, 23)}`};

/** A deploy as the latest-deploys view gives it: the table's columns, after AfterQuery (install_deploy.go).
 * */
export function listedDeploy(
	world: World,
	deployId: string,
	t: number,
): (InstallDeploy & {plan_only: boolean}) | undefined {
	// Built from its columns alone, not from the whole deploy (its jobs, runs and logs): a page of
	// 100 installs carries hundreds of these, polled every two seconds in watch mode.
	const entry = world.deploys.get(deployId);
	if (!entry || !deployExists(entry, t)) return undefined;
	const {install, ic, schedule} = entry;
	const phase = entry.superseded ? 'inactive' : phaseAt(schedule, t);
	return {
		id: deployId,
		created_by_id: `acc${install.id.slice(3, 12)}`,
		created_at: iso(world, schedule.queuedAt),
		updated_at: iso(world, phaseStart(world, schedule, t)),
		build_id: buildId(entry),
		install_component_id: ic.id,
		...releaseStep(entry),
		status: DEPLOY_STATUS[phase],
		status_description: DESCRIPTIONS[phase],
		install_deploy_type: ic.component.type === 'docker_build' ? 'sync-image' : 'apply',
		status_v2: compositeStatus(world, schedule, t, entry.superseded),
		...(entry.workflowId ? {workflow_id: entry.workflowId, install_workflow_id: entry.workflowId} : {}),
		install_id: '',
		plan_only: false,
		outputs: {},
	};
}

/** The latest deploy of an install component, or undefined if it was never deployed. */
export function latestDeploy(
	world: World,
	_install: DemoInstall,
	ic: DemoInstallComponent,
	t: number,
): InstallDeploy | undefined {
	if (ic.neverDeployed) return undefined;
	return deploy(world, latestDeployId(world, ic, t), t);
}

/** Every deploy of an install component at time t, newest first. */
export function componentDeploys(world: World, ic: DemoInstallComponent, t: number): InstallDeploy[] {
	return ic.deployIds.map(id => deploy(world, id, t)).filter(deploy => deploy !== undefined);
}

/** Every deploy of every component of an install, newest first. */
export function installDeploys(world: World, install: DemoInstall, t: number): InstallDeploy[] {
	return install.components
		.flatMap(ic => componentDeploys(world, ic, t))
		.sort((a, b) => b.created_at!.localeCompare(a.created_at!));
}

export function deploy(world: World, deployId: string, t: number): InstallDeploy | undefined {
	const entry = world.deploys.get(deployId);
	if (!entry || !deployExists(entry, t)) return undefined;
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
		...(entry.workflowId ? {workflow_id: entry.workflowId, install_workflow_id: entry.workflowId} : {}),
		install_deploy_type: deployType,
		status: DEPLOY_STATUS[phase],
		status_description: DESCRIPTIONS[phase],
		status_v2: compositeStatus(world, schedule, t, entry.superseded),
		created_at: iso(world, createdAt),
		updated_at: iso(world, phaseStart(world, schedule, t)),
		created_by_id: `acc${install.id.slice(3, 12)}`,
		created_by: {id: `acc${install.id.slice(3, 12)}`, email: entry.author, account_type: 'auth0'},
		build_id: buildId(entry),
		...releaseStep(entry),
		component_config_version: entry.configVersion,
		oci_artifact: {
			id: `oci${deployId.slice(3)}`,
			repository: `registry.nuon.co/${install.app.catalog.name}/${ic.component.name}`,
			tag: release,
			digest: `sha256:${digest(deployId)}`,
			media_type: 'application/vnd.oci.image.manifest.v1+json',
		},
		log_stream: streamObject(world, `lgd${deployId.slice(3)}`, deployId, 'install_deploys', !done, createdAt),
		runner_jobs: jobsOf(world, deployId)
			.filter(job => job.from <= t || job.group === 'sync')
			.reverse()
			.slice(0, 10)
			.map(job => jobObject(world, job, deployId, t)),
		action_workflow_runs: (() => {
			const run = deployRun(world, deployId);
			return run && run.from <= t ? [runObject(world, run, install, t)] : [];
		})(),
	};
}

export function compositeStatus(
	world: World,
	schedule: Schedule,
	t: number,
	superseded = false,
): CompositeStatus {
	const steps = (
		[...phaseHistory(schedule), ...(superseded ? [['inactive', schedule.doneAt + 7 * 86_400]] : [])] as Array<
			[Phase, number]
		>
	).filter(([, at]) => at <= t);
	const entries = steps.map(([phase, at]) => ({
		status: V2_STATUS[phase],
		status_human_description: DESCRIPTIONS[phase],
		created_at_ts: Math.floor((world.startedAt + at * SECOND) / SECOND),
		created_by_id: 'accrunner',
	}));
	const current = entries.at(-1)!;
	return {...current, history: entries.slice(0, -1).reverse()};
}
