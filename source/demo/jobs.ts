// Runner jobs, their executions and plans at scenario time t, for deploys and action runs.
import type {RunnerJob} from '../api/resources.js';
import type {components} from '../api/schema.js';
import {deployJobs, executionStatus, jobStatus, type ExecutionWindow, type JobWindow} from './activity.js';
import type {RunWindow} from './action-runs.js';
import {deployPlanFor, jobOutputs} from './fixtures.js';
import {deployEntry, iso, type DemoInstall, type DemoInstallComponent, type World} from './world.js';
import {findRun, runJob} from './run-windows.js';

type Schemas = components['schemas'];

export function jobsOf(world: World, deployId: string): JobWindow[] {
	const entry = deployEntry(world, deployId);
	if (!entry) return [];
	const index = world.installs.indexOf(entry.install) + entry.install.components.indexOf(entry.ic);
	return deployJobs(deployId, entry.ic.component.type, entry.schedule, entry.rollout && index % 4 === 1);
}

/** A runner job of a deploy or an action run, by id. */
export function findJob(
	world: World,
	jobId: string,
): {job: JobWindow; ownerId: string; install: DemoInstall; ic?: DemoInstallComponent} | undefined {
	const deployId = world.deployByBase.get(jobId.slice(3, 24));
	if (deployId) {
		const job = jobsOf(world, deployId).find(j => j.id === jobId);
		const entry = world.deploys.get(deployId)!;
		if (job) return {job, ownerId: deployId, install: entry.install, ic: entry.ic};
	}
	const run = jobId.startsWith('rja')
		? findRun(world, `awr${jobId.slice(3)}`)
		: jobId.startsWith('rjc')
			? findRun(world, `awc${jobId.slice(3)}`)
			: undefined;
	return run ? {job: runJob(run.window), ownerId: run.window.id, install: run.install} : undefined;
}

export function jobObject(
	world: World,
	job: JobWindow,
	ownerId: string,
	t: number,
	owner?: {install: DemoInstall; ic?: DemoInstallComponent; run?: RunWindow},
): RunnerJob {
	const status = jobStatus(job, t);
	const started = t >= job.from;
	const finished = t >= job.to;
	const entry = world.deploys.get(ownerId);
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
		status_description:
			status === 'failed'
				? `failed after ${executions.length} executions: ${latest?.errorReason ?? 'error'}`
				: `job ${status}`,
		execution_count: executions.length,
		max_executions: 3,
		execution_time: Math.round(((finished ? job.to : Math.max(t, job.from)) - job.from) * 1e9),
		available_timeout: 300e9,
		queue_timeout: 600e9,
		execution_timeout: 1800e9,
		overall_timeout: 3600e9,
		created_at: iso(world, job.from - 1),
		updated_at: iso(world, finished ? job.to : started ? job.from : job.from - 1),
		...(started ? {started_at: iso(world, job.from)} : {}),
		...(finished ? {finished_at: iso(world, job.to), final_runner_job_execution_id: latest?.id} : {}),
		owner_id: ownerId,
		owner_type: owner?.run ? 'install_action_workflow_runs' : 'install_deploys',
		log_stream_id: job.logStreamId,
		runner_id: install ? `run${install.id.slice(3)}` : undefined,
		executions: latest ? [executionObject(world, job, latest, t)] : [],
		outputs: finished && !job.fails ? jobOutputs(job) : undefined,
		metadata: {
			...(install ? {install_id: install.id, app_id: install.app.id} : {}),
			...(ic ? {component_name: ic.component.name, component_id: ic.component.id, deploy_id: ownerId} : {}),
			...(owner?.run
				? {
						action_workflow_id: owner.run.workflowId,
						action_workflow_run_id: owner.run.id,
						action_workflow_name: owner.run.workflowName,
					}
				: {}),
		},
	};
}

export function executionObject(
	world: World,
	job: JobWindow,
	execution: ExecutionWindow,
	t: number,
): Schemas['app.RunnerJobExecution'] {
	const status = executionStatus(execution, t);
	const done = status === 'finished' || status === 'failed';
	return {
		id: execution.id,
		runner_job_id: job.id,
		status,
		created_at: iso(world, execution.from),
		updated_at: iso(world, Math.min(t, execution.to)),
		...(done
			? {
					result: {
						id: `rjr${execution.id.slice(3)}`,
						runner_job_execution_id: execution.id,
						success: !execution.fails,
						...(execution.fails
							? {
									error_code: execution.errorCode ?? 1,
									error_metadata: {
										reason: execution.errorReason ?? 'failed',
										attempt: String(execution.attempt),
									},
								}
							: {}),
						created_at: iso(world, execution.to),
					},
				}
			: {}),
		...(done && !execution.fails
			? {
					outputs: {
						id: `rjo${execution.id.slice(3)}`,
						runner_job_execution_id: execution.id,
						outputs: jobOutputs(job),
					},
				}
			: {}),
	};
}

export function runnerJob(world: World, jobId: string, t: number): RunnerJob | undefined {
	const found = findJob(world, jobId);
	if (!found || found.job.from - 1 > t) return undefined;
	const run = findRun(world, found.ownerId);
	return jobObject(world, found.job, found.ownerId, t, {
		install: found.install,
		ic: found.ic,
		run: run?.window,
	});
}

/** Executions of a runner job, newest first (as the API sends them). */
export function executions(
	world: World,
	jobId: string,
	t: number,
): Array<Schemas['app.RunnerJobExecution']> | undefined {
	const found = findJob(world, jobId);
	if (!found) return undefined;
	return found.job.executions
		.filter(e => e.from <= t)
		.map(e => executionObject(world, found.job, e, t))
		.reverse();
}

/** The deploy plan of a deploy job (deploy_plan.go), once its plan job has finished; undefined for another
 * job. */
export function deployPlan(world: World, jobId: string, t: number): Record<string, unknown> | undefined {
	const found = findJob(world, jobId);
	if (found?.job.group !== 'deploy' || !found.ic) return undefined;
	const planJob = jobsOf(world, found.ownerId).find(j => j.operation === 'create-apply-plan');
	if (!planJob || t < planJob.to) return undefined;
	const entry = world.deploys.get(found.ownerId)!;
	const {component} = found.ic;
	return deployPlanFor({
		installId: found.install.id,
		appId: found.install.app.id,
		componentId: component.id,
		name: component.name,
		type: component.type,
		release: entry.release,
	});
}
