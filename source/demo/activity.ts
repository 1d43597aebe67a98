// What happens inside a deploy, as pure functions of scenario time: its schedule, its approval, its
// runner jobs with their executions (some retried). Action runs are in action-runs.ts, the lines
// each writes in log-lines.ts.
import type {ComponentKind} from './catalog.js';

export interface Window {
	from: number;
	to: number;
}

export interface ExecutionWindow extends Window {
	id: string;
	attempt: number;
	fails: boolean;
	errorCode?: number;
	errorReason?: string;
}

export type JobGroup = 'sync' | 'deploy' | 'actions';
export type JobOperation = 'exec' | 'create-apply-plan' | 'apply-plan';

export interface JobWindow extends Window {
	id: string;
	group: JobGroup;
	type: string;
	operation: JobOperation;
	fails: boolean;
	executions: ExecutionWindow[];
	logStreamId: string;
	componentType?: ComponentKind;
}

export interface DeploySchedule {
	queuedAt: number;
	planningAt: number;
	executingAt: number;
	doneAt: number;
	fails: boolean;
	/** The plan waits for a person between planning and executing (executingAt is when it was answered). */
	approval?: ApprovalSchedule;
	/** Cancelled (with its workflow) at doneAt. */
	cancelled?: boolean;
}

/** Whether the answer lets the plan be applied (any other word acts as a deny:
 * pkg/flow/execute_workflow_step.go). */
export const approvesPlan = (approval: ApprovalSchedule | undefined): boolean =>
	!approval || approval.response === 'approve' || approval.response === 'auto-approve';

export interface ApprovalSchedule {
	id: string;
	type: 'terraform_plan' | 'helm_approval' | 'kubernetes_manifest_approval';
	/** A plan that only adds and changes (no delete, no replace). */
	additive?: boolean;
	/** When the plan was ready and the approval asked for. */
	requestedAt: number;
	/** When it is answered: by the demo's teammate unless someone answers before (POST …/response). */
	answeredAt: number;
	/** The answer's type as it was sent: approve, deny, deny-skip-current, … or any other word. */
	response: string;
	/** A deny that skips the step and lets the workflow go on (today's deny-skip-current…). */
	skips?: boolean;
	by: string;
	note: string;
}

const DEPLOY_JOB_TYPE: Record<ComponentKind, string> = {
	terraform_module: 'terraform-deploy',
	helm_chart: 'helm-chart-deploy',
	job: 'job-deploy',
	docker_build: 'noop-deploy',
};

/** The runner jobs of a deploy, oldest first. `retried` makes the apply job fail once, then succeed. */
export function deployJobs(
	deployId: string,
	type: ComponentKind,
	s: DeploySchedule,
	retried: boolean,
): JobWindow[] {
	const base = deployId.slice(3, 24);
	const job = (
		index: number,
		group: JobGroup,
		jobType: string,
		operation: JobOperation,
		w: Window,
		fails = false,
		executions?: ExecutionWindow[],
	): JobWindow => {
		const id = `rjb${base}${index}`;
		return {
			id,
			group,
			type: jobType,
			operation,
			...w,
			fails,
			componentType: type,
			logStreamId: `lgj${id.slice(3)}`,
			executions: executions ?? [{id: `rje${id.slice(3)}1`, attempt: 1, ...w, fails}],
		};
	};
	const jobs = [job(0, 'sync', 'oci-sync', 'exec', {from: s.queuedAt, to: s.planningAt})];
	if (type === 'docker_build') return jobs;
	jobs.push(
		job(1, 'deploy', DEPLOY_JOB_TYPE[type], 'create-apply-plan', {
			from: s.planningAt,
			to: s.approval?.requestedAt ?? s.executingAt,
		}),
	);
	if (!approvesPlan(s.approval) || (s.cancelled && s.doneAt <= s.executingAt)) return jobs;
	const apply = {from: s.executingAt, to: s.doneAt};
	const applyId = `rjb${base}2`;
	const attempt = (
		n: number,
		w: Window,
		fails: boolean,
		errorCode?: number,
		errorReason?: string,
	): ExecutionWindow => ({
		id: `rje${applyId.slice(3)}${n}`,
		attempt: n,
		...w,
		fails,
		errorCode,
		errorReason,
	});
	const split = apply.from + (apply.to - apply.from) * 0.4;
	let executions: ExecutionWindow[] | undefined;
	if (s.fails) {
		executions = [
			attempt(1, {from: apply.from, to: split}, true, 124, 'timed out waiting for the condition'),
			attempt(2, {from: split, to: apply.to}, true, 1, 'UPGRADE FAILED: timed out waiting for the condition'),
		];
	} else if (retried) {
		executions = [
			attempt(1, {from: apply.from, to: split}, true, 137, 'runner lost its connection to the cluster API'),
			attempt(2, {from: split, to: apply.to}, false),
		];
	}
	jobs.push(job(2, 'deploy', DEPLOY_JOB_TYPE[type], 'apply-plan', apply, s.fails, executions));
	return jobs;
}

export type JobStatus = 'queued' | 'in-progress' | 'finished' | 'failed';
export type ExecutionStatus = 'pending' | 'in-progress' | 'finished' | 'failed';

export function jobStatus(job: JobWindow, t: number): JobStatus {
	if (t < job.from) return 'queued';
	if (t < job.to) return 'in-progress';
	return job.fails ? 'failed' : 'finished';
}

export function executionStatus(execution: ExecutionWindow, t: number): ExecutionStatus {
	if (t < execution.from) return 'pending';
	if (t < execution.to) return 'in-progress';
	return execution.fails ? 'failed' : 'finished';
}
