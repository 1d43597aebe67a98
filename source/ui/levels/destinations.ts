// Where a level's keys lead: the locations and dashboard pages of the things levels show, shared by
// the levels that show them (a level never imports another level).
import type {ActionWorkflowRun, InstallDeploy, RunnerJob} from '../../api/resources.js';
import {jobName} from '../../domain/activity.js';
import type {LinkTarget} from '../../domain/links.js';
import type {DeployParams, Location} from '../../state/locations.js';
import type {CommandId} from '../keys/commands.js';

export const logsOfJob = (job: RunnerJob, executionId?: string): Location | undefined =>
	job.log_stream_id
		? {
				kind: 'logs',
				streamId: job.log_stream_id,
				title: jobName(job),
				filter: executionId ? {executionId} : undefined,
			}
		: undefined;

export const logsOfRun = (run: ActionWorkflowRun, name: string, step?: string): Location | undefined =>
	run.log_stream?.id
		? {kind: 'logs', streamId: run.log_stream.id, title: name, filter: step ? {step} : undefined}
		: undefined;

/**
 * L on a run from a list: today's latest runs and a deploy's runs come without their log stream
 * (their handlers do not preload it); the run by id has it, so it is read then.
 */
export const logsOfListedRun = (
	read: (runId: string) => Promise<ActionWorkflowRun>,
	run: ActionWorkflowRun,
	name: string,
): Location | Promise<Location | undefined> | undefined =>
	logsOfRun(run, name) ?? (run.id ? read(run.id).then(full => logsOfRun(full, name)) : undefined);

/** The dashboard page of an action run (its workflow id comes from the run or its job's metadata). */
export function runTarget(installId: string, run: ActionWorkflowRun): LinkTarget {
	const meta = (run.runner_job?.metadata ?? {}) as Record<string, unknown>;
	const workflowId =
		run.install_action_workflow?.action_workflow_id ??
		(typeof meta.action_workflow_id === 'string' ? meta.action_workflow_id : undefined);
	return workflowId && run.id ? {installId, actionWorkflowId: workflowId, runId: run.id} : {installId};
}

export const viewValue = (title: string, value: unknown): Location => ({
	kind: 'document',
	title,
	source: {type: 'value', value},
});

/** What the deploy level's keys open (the board's keys on a cell open the same). */
export const DEPLOY_ACTIONS: Partial<
	Record<CommandId, (deploy: InstallDeploy | undefined, params: DeployParams) => Location | undefined>
> = {
	workflows: (deploy, {installId, installName, componentName}) => {
		const workflowId = deploy?.workflow_id ?? deploy?.install_workflow_id;
		return workflowId
			? {
					kind: 'workflow',
					installId,
					installName,
					workflowId,
					workflowName: `workflow of the ${componentName} deploy`,
				}
			: undefined;
	},
	history: (_deploy, {installId, installName, componentId, componentName}) => ({
		kind: 'deployHistory',
		installId,
		installName,
		componentId,
		componentName,
	}),
	logs: (deploy, {componentName}) =>
		deploy?.log_stream?.id
			? {kind: 'logs', streamId: deploy.log_stream.id, title: `${componentName} deploy`}
			: undefined,
};
