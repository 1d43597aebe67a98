// Pure readings of runner jobs, executions and action workflow runs.
import type {
	ActionWorkflowRun,
	ActionWorkflowRunStep,
	ActionWorkflowStepConfig,
	JobExecutions,
	RunnerJob,
	RunnerJobExecution,
} from '../api/resources.js';
import {parseTime} from './time.js';
import {phaseOf} from './status.js';
import {items, text} from './fields.js';

/** "deploy/apply-plan" */
export function jobName(job: RunnerJob): string {
	return [job.group, job.operation].filter(Boolean).join('/') || job.type || job.id || 'job';
}

/** What a runner job belongs to, from its metadata: "component api, deploy ind…". */
export function jobOwner(job: RunnerJob): string {
	const meta = (job.metadata ?? {}) as Record<string, unknown>;
	const text = (key: string) =>
		typeof meta[key] === 'string' && meta[key] ? (meta[key] as string) : undefined;
	const run = text('action_workflow_run_id');
	if (run) {
		const action = text('action_workflow_name') ?? text('action_workflow_id') ?? '';
		return `action ${action} run ${run}`.replace(/\s+/g, ' ');
	}
	if (text('component_name') || text('deploy_id'))
		return [
			text('component_name') && `component ${text('component_name')}`,
			text('deploy_id') && `deploy ${text('deploy_id')}`,
		]
			.filter(Boolean)
			.join(', ');
	if (text('sandbox_run_id')) return `sandbox run ${text('sandbox_run_id')}`;
	return job.owner_type ? `${job.owner_type} ${job.owner_id ?? ''}`.trim() : '—';
}

/** Seconds an execution ran (or has run so far). */
export function executionSeconds(execution: RunnerJobExecution): number | undefined {
	const start = parseTime(execution.created_at);
	const end = parseTime(execution.updated_at);
	return start !== undefined && end !== undefined ? Math.max(0, (end - start) / 1000) : undefined;
}

/** "success", "error 137", or the status while it runs. */
export function executionResult(execution: RunnerJobExecution): string {
	const result = execution.result;
	if (!result) return phaseOf(execution.status) === 'success' ? 'success' : '—';
	if (result.success) return 'success';
	return result.error_code !== undefined ? `error ${result.error_code}` : 'error';
}

/** Executions oldest first, numbered as attempts (the API sends newest first). */
export function executionsInOrder(
	executions: RunnerJobExecution[],
): Array<RunnerJobExecution & {attempt: number}> {
	return items(executions)
		.sort((a, b) => (parseTime(a.created_at) ?? 0) - (parseTime(b.created_at) ?? 0))
		.map((execution, index) => ({...execution, attempt: index + 1}));
}

/**
 * A job's attempts as they can be known: every execution numbered, or, where the server shows only
 * the latest, that one numbered by the job's count of attempts (unknown when it sent none).
 */
export function attemptsOf({
	executions,
	latestOnly,
	count,
}: JobExecutions): Array<RunnerJobExecution & {attempt?: number}> {
	if (!latestOnly) return executionsInOrder(executions);
	return items(executions)
		.slice(0, 1)
		.map(execution => ({...execution, attempt: count !== undefined && count > 0 ? count : undefined}));
}

/** A count the server may not have sent: "–" rather than a 0 it never said. */
export const countText = (count: unknown): string =>
	typeof count === 'number' && Number.isFinite(count) ? String(count) : '–';

export interface OrderedStep {
	id: string;
	idx: number;
	name: string;
	config?: ActionWorkflowStepConfig;
	step?: ActionWorkflowRunStep;
	status: string;
	durationNs?: number;
}

/**
 * A run's steps in the order of `config.steps[].idx`, named from the matching config step (run
 * steps carry only `step_id`). Steps that have not started yet show as pending.
 */
export function orderedSteps(run: ActionWorkflowRun): OrderedStep[] {
	const configs = items<ActionWorkflowStepConfig>(run.config?.steps).sort(
		(a, b) => (a.idx ?? Infinity) - (b.idx ?? Infinity),
	);
	const runSteps = new Map(
		items<ActionWorkflowRunStep>(run.steps).map(step => [text(step.step_id) ?? '', step]),
	);
	const ordered: OrderedStep[] = configs.map((config, position) => {
		const step = runSteps.get(config.id ?? '');
		runSteps.delete(config.id ?? '');
		return {
			id: config.id ?? `step-${position}`,
			idx: config.idx ?? position,
			name: config.name || `step ${position + 1}`,
			config,
			step,
			status: step?.status ?? 'pending',
			durationNs: step?.execution_duration,
		};
	});
	// Run steps with no config entry still show, after the known ones.
	for (const step of runSteps.values()) {
		ordered.push({
			id: step.step_id ?? step.id ?? '?',
			idx: Infinity,
			name: step.step_id ?? 'unknown step',
			step,
			status: step.status ?? 'unknown',
			durationNs: step.execution_duration,
		});
	}
	return ordered;
}

/** The name of an action run: its workflow's name, or its trigger. */
export function runName(run: ActionWorkflowRun, workflowName?: string): string {
	return (
		workflowName || run.install_action_workflow?.action_workflow?.name || run.trigger_type || run.id || 'run'
	);
}

export function runStatus(run: ActionWorkflowRun): string | undefined {
	return run.status_v2?.status || run.status || undefined;
}
