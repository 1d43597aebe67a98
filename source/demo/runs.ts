// Action workflow runs at scenario time t: a post-deploy run after each Helm deploy and an
// install's health probe every CRON_PERIOD seconds.
import type {ActionWorkflowRun} from '../api/resources.js';
import type {components} from '../api/schema.js';
import {stepStatus, type RunWindow} from './action-runs.js';
import {SECOND, iso, latestDeployId, type DemoInstall, type World} from './world.js';
import {jobObject} from './jobs.js';
import {streamObject} from './log-records.js';
import {deployRun, findRun, latestCronRun, runJob} from './run-windows.js';

type Schemas = components['schemas'];

export function runObject(world: World, run: RunWindow, install: DemoInstall, t: number): ActionWorkflowRun {
	const steps = run.steps;
	const done = t >= run.to;
	const failed = done && run.fails;
	const status = !done ? 'in-progress' : failed ? 'error' : 'finished';
	const configId = `awg${run.workflowId.slice(3)}`;
	return {
		id: run.id,
		install_id: install.id,
		install_action_workflow_id: `iaw${install.id.slice(3, 16)}${run.workflowId.slice(3, 16)}`,
		install_action_workflow: {
			id: `iaw${install.id.slice(3, 16)}${run.workflowId.slice(3, 16)}`,
			action_workflow_id: run.workflowId,
			action_workflow: {id: run.workflowId, name: run.workflowName},
		},
		trigger_type: run.trigger,
		triggered_by_id: run.trigger === 'cron' ? 'cron-scheduler' : `ind${run.id.slice(3)}`,
		triggered_by_type: run.trigger === 'cron' ? 'cron' : 'install_deploys',
		status,
		status_description: !done
			? `running ${steps.find(step => t < step.to)?.name ?? ''}`
			: failed
				? `step ${steps.at(-1)!.name} failed`
				: `${run.workflowName} finished`,
		status_v2: {
			status: !done ? 'in-progress' : failed ? 'error' : 'success',
			status_human_description: !done ? 'running' : failed ? 'a step failed' : 'all steps finished',
			created_at_ts: Math.floor((world.startedAt + Math.min(t, run.to) * SECOND) / SECOND),
		},
		execution_time: Math.round((Math.min(t, run.to) - run.from) * 1e9),
		created_at: iso(world, run.from),
		updated_at: iso(world, Math.min(t, run.to)),
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
				env_vars: Object.fromEntries(
					Object.keys(step.envVars).map(name => [name, `{{ .nuon.install.${name.toLowerCase()} }}`]),
				),
				...(step.repo
					? {
							public_git_vcs_config: {
								repo: step.repo.repo,
								branch: step.repo.branch,
								directory: step.repo.directory,
							},
						}
					: {}),
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
				created_at: iso(world, step.from),
				updated_at: iso(world, Math.min(t, step.to)),
			})),
		log_stream: streamObject(world, run.logStreamId, run.id, 'install_action_workflow_runs', !done, run.from),
		runner_job: jobObject(world, runJob(run), run.id, t, {install, run}),
		outputs:
			done && !failed
				? {
						checks_passed: String(steps.length),
						report_url: `https://reports.example.com/${install.name}/${run.id}`,
					}
				: undefined,
	};
}

export function actionRunOf(
	world: World,
	install: DemoInstall,
	runId: string,
	t: number,
): ActionWorkflowRun | undefined {
	const run = findRun(world, runId);
	if (!run || run.install !== install || run.window.from > t) return undefined;
	return runObject(world, run.window, install, t);
}

/** The install's action workflows, each with its latest run (as latest-runs answers). */
export function latestRuns(
	world: World,
	install: DemoInstall,
	t: number,
): Array<Schemas['app.InstallActionWorkflow']> {
	const runs: RunWindow[] = [latestCronRun(world, install, t)];
	const deployRuns = install.components
		.map(ic => latestDeployId(world, ic, t))
		.map(id => deployRun(world, id))
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
		runs: [runObject(world, run, install, t)],
	}));
}
