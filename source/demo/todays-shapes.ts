// What today's handlers send of an object, from the demo's full one: each handler preloads some
// relations and not others (services/ctl-api/internal/app/, server source of 2025-12-26). The
// contract's era (2025-08) keeps the full objects.
import type {ActionWorkflowRun, InstallComponent, InstallDeploy, RunnerJob} from '../api/resources.js';
import type {components} from '../api/schema.js';

type Schemas = components['schemas'];

const without = <T extends object>(object: T, keys: readonly string[]): T =>
	Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key))) as T;

/**
 * A runner job read as a relation with its views disabled (`scopes.WithDisableViews`), or preloaded
 * without them: the base table has no `execution_count`, `final_runner_job_execution_id` nor
 * outputs (`runner_job.go`: "read only fields from view"), and nothing preloads its executions.
 */
export const baseTableJob = (job: RunnerJob): RunnerJob =>
	without(job, ['execution_count', 'final_runner_job_execution_id', 'outputs', 'executions']);

/** A run preloaded as a bare relation (a deploy's `ActionWorkflowRuns`): none of its own relations. */
const bareRun = (run: ActionWorkflowRun): ActionWorkflowRun =>
	without(run, [
		'runner_job',
		'log_stream',
		'steps',
		'config',
		'install_action_workflow',
		'created_by',
		'outputs',
	]);

/**
 * installs/service/get_install_component_latest_deploy.go: the newest of getInstallComponentDeploys,
 * which preloads only `CreatedBy` and `ComponentBuild`. No runner jobs, runs, OCI artifact nor log
 * stream; `install_id` (never omitted) is empty and `component_id`/`component_name` are left out,
 * as AfterQuery reads them from the install component nobody preloaded.
 */
export function latestDeploy(deploy: InstallDeploy): InstallDeploy {
	const shown = without(deploy, [
		'runner_jobs',
		'action_workflow_runs',
		'oci_artifact',
		'log_stream',
		'component_id',
		'component_name',
	]);
	return {...shown, install_id: '', plan_only: false, outputs: {}} as InstallDeploy;
}

/**
 * installs/service/get_install_deploy.go (`getInstallDeploy`, both the component's route and the
 * deprecated install's): the install component, runner jobs (views disabled, newest 10), bare
 * action runs, log stream, OCI artifact and build; not `CreatedBy`. Outputs merge the jobs' parsed
 * outputs, which the base table does not have.
 */
export function deployById(deploy: InstallDeploy): InstallDeploy {
	return {
		...without(deploy, ['created_by']),
		runner_jobs: (deploy.runner_jobs ?? []).map(baseTableJob),
		action_workflow_runs: (deploy.action_workflow_runs ?? []).map(bareRun),
		plan_only: false,
		outputs: {},
	} as InstallDeploy;
}

/**
 * actions/service/get_install_action_workflows_latest_runs.go: each workflow with its latest run
 * (`Runs` from the latest view) and the run's runner job with views disabled; the run's config,
 * steps and log stream are not preloaded (its outputs come from the job's, absent there).
 */
export function latestRuns(
	workflow: Schemas['app.InstallActionWorkflow'],
): Schemas['app.InstallActionWorkflow'] {
	return {
		...workflow,
		runs: (workflow.runs ?? []).map(run => ({
			...without(run, ['log_stream', 'steps', 'config', 'install_action_workflow', 'created_by', 'outputs']),
			...(run.runner_job ? {runner_job: baseTableJob(run.runner_job)} : {}),
		})),
	};
}

/** actions/service/get_install_action_workflow_run.go: config (steps, triggers), log stream, runner job and
 * steps; not its install action workflow nor `CreatedBy`. */
export const actionRun = (run: ActionWorkflowRun): ActionWorkflowRun =>
	without(run, ['install_action_workflow', 'created_by']);

/** installs/service/get_install_components.go: `Preload("Component")` only, so the component comes without
 * its dependencies (`Preload("Dependencies")` is the app components'). */
export function installComponent(ic: InstallComponent): InstallComponent {
	return ic.component ? {...ic, component: without(ic.component, ['dependencies'])} : ic;
}
