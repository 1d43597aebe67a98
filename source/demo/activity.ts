// What happens inside a deploy or an action run, as pure functions of scenario time: runner jobs
// with their executions (some retried), action workflow runs with ordered steps, and the log
// records each of them writes.
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

// ---- action workflows -----------------------------------------------------------------------------

export interface StepWindow extends Window {
	id: string;
	name: string;
	idx: number;
	fails: boolean;
	command?: string;
	inlineContents?: string;
	repo?: {repo: string; branch: string; directory: string};
	envVars: Record<string, string>;
}

export interface RunWindow extends Window {
	id: string;
	workflowId: string;
	workflowName: string;
	trigger: 'post-deploy-component' | 'cron';
	steps: StepWindow[];
	fails: boolean;
	logStreamId: string;
	jobId: string;
}

interface StepTemplate {
	name: string;
	share: number;
	command?: string;
	inlineContents?: string;
	repo?: StepWindow['repo'];
	envVars: Record<string, string>;
}

export const WORKFLOWS: Record<RunWindow['trigger'], {name: string; steps: StepTemplate[]}> = {
	'post-deploy-component': {
		name: 'smoke-test',
		steps: [
			{
				name: 'wait for rollout',
				share: 0.3,
				command: 'kubectl rollout status deploy/$COMPONENT --timeout=120s',
				envVars: {COMPONENT: '', NAMESPACE: ''},
			},
			{
				name: 'http health check',
				share: 0.5,
				inlineContents:
					'#!/bin/sh\nset -e\nfor i in 1 2 3; do\n  curl -fsS "https://$HOST/healthz"\n  sleep 1\ndone\n',
				envVars: {HOST: '', RETRIES: ''},
			},
			{
				name: 'report',
				share: 0.2,
				command: './scripts/report.sh',
				repo: {repo: 'ledgerly/ops-actions', branch: 'main', directory: 'smoke'},
				envVars: {SLACK_CHANNEL: ''},
			},
		],
	},
	cron: {
		name: 'health-probe',
		steps: [
			{
				name: 'collect metrics',
				share: 0.35,
				command: 'nuon-probe collect --window 5m',
				envVars: {PROBE_WINDOW: '', REGION: ''},
			},
			{
				name: 'check certificates',
				share: 0.25,
				inlineContents:
					'#!/bin/sh\nopenssl s_client -connect "$HOST:443" </dev/null | openssl x509 -noout -dates\n',
				envVars: {HOST: ''},
			},
			{
				name: 'upload report',
				share: 0.4,
				command: 'make upload',
				repo: {repo: 'ledgerly/ops-actions', branch: 'main', directory: 'probe'},
				envVars: {BUCKET: '', AWS_REGION: ''},
			},
		],
	},
};

/** Cron runs: every PERIOD seconds, each lasting DURATION, offset per install. */
export const CRON_PERIOD = 90;
export const CRON_DURATION = 40;

export function actionRun(
	id: string,
	trigger: RunWindow['trigger'],
	from: number,
	duration: number,
	fails = false,
): RunWindow {
	const workflow = WORKFLOWS[trigger];
	let at = from;
	const steps = workflow.steps.map((template, idx) => {
		const step: StepWindow = {
			id: `aws${id.slice(3, 24)}${idx}`,
			name: template.name,
			idx,
			from: at,
			to: at + template.share * duration,
			fails: fails && idx === workflow.steps.length - 1,
			command: template.command,
			inlineContents: template.inlineContents,
			repo: template.repo,
			envVars: template.envVars,
		};
		at = step.to;
		return step;
	});
	return {
		id,
		workflowId: `awf${trigger === 'cron' ? 'cronhealthprobe' : 'postdeploysmoke'}00000000`.slice(0, 26),
		workflowName: workflow.name,
		trigger,
		from,
		to: from + duration,
		steps,
		fails,
		logStreamId: `${trigger === 'cron' ? 'lgc' : 'lgr'}${id.slice(3)}`,
		jobId: `${trigger === 'cron' ? 'rjc' : 'rja'}${id.slice(3)}`,
	};
}

export type StepStatus = 'pending' | 'in-progress' | 'finished' | 'error';

export function stepStatus(step: StepWindow, t: number): StepStatus {
	if (t < step.from) return 'pending';
	if (t < step.to) return 'in-progress';
	return step.fails ? 'error' : 'finished';
}

// ---- logs ------------------------------------------------------------------------------------------

export interface LogLine {
	/** Scenario seconds. */
	at: number;
	/** Nanoseconds within the millisecond, so records can share a millisecond and still be ordered. */
	nanos: number;
	severity: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
	body: string;
	step?: string;
	jobId?: string;
	executionId?: string;
	executionStep?: string;
}

const GREEN = '\u001B[32m';
const YELLOW = '\u001B[33m';
const RED = '\u001B[31m';
const BOLD = '\u001B[1m';
const RESET = '\u001B[0m';
const PLANNED_BUCKET = '{"address":"aws_s3_bucket.logs","change":{"actions":["create"]}},';

/** The lines one job execution writes over its window. */
export function executionLines(job: JobWindow, execution: ExecutionWindow): LogLine[] {
	const span = execution.to - execution.from;
	const lines: LogLine[] = [];
	const add = (fraction: number, severity: LogLine['severity'], body: string, nanos = 0) =>
		lines.push({
			at: execution.from + span * fraction,
			nanos,
			severity,
			body,
			jobId: job.id,
			executionId: execution.id,
			executionStep: job.operation,
		});
	add(
		0,
		'INFO',
		`${BOLD}runner${RESET} picked up job ${job.id} (${job.type}, ${job.operation}), attempt ` +
			`${execution.attempt}`,
	);
	if (job.group === 'sync') {
		for (let layer = 0; layer < 6; layer++)
			add(
				0.1 + layer * 0.14,
				'INFO',
				`copying layer sha256:${(layer * 7919 + 104729).toString(16).padStart(12, '0')}… ` +
					`${(layer + 1) * 12} MB`,
			);
		add(0.98, 'INFO', `${GREEN}synced${RESET} artifact to the install registry`);
		return lines;
	}
	const terraform = job.componentType === 'terraform_module';
	if (job.operation === 'create-apply-plan') {
		add(0.05, 'INFO', terraform ? 'Initializing the backend...' : 'helm: fetching chart dependencies');
		add(
			0.1,
			'DEBUG',
			terraform ? 'Terraform has been successfully initialized!' : 'helm: rendering templates',
		);
		// A burst: hundreds of records within one millisecond, as refresh output arrives.
		for (let index = 0; index < 250; index++) {
			add(
				0.5,
				'DEBUG',
				terraform
					? `aws_iam_policy.resource_${index}: Refreshing state... ` +
							`[id=arn:aws:iam::482193000000:policy/p-${index}]`
					: `manifest ${index}: unchanged`,
				index * 1000 + 17,
			);
		}
		add(
			0.8,
			'INFO',
			terraform
				? `  ${GREEN}+${RESET} resource "aws_s3_bucket" "logs" {`
				: `  ${YELLOW}~${RESET} Deployment/worker: image tag v2.3.1 → v2.4.0`,
		);
		add(0.85, 'INFO', `${BOLD}Plan:${RESET} 3 to add, 1 to change, 0 to destroy.`);
		add(0.9, 'DEBUG', `plan json: {"resource_changes":[${PLANNED_BUCKET.repeat(60)}]}`);
		add(0.98, 'INFO', 'plan saved');
		return lines;
	}
	for (let index = 0; index < 12; index++) {
		add(
			0.05 + index * 0.07,
			'INFO',
			terraform
				? `aws_s3_bucket.logs: Still creating... [${(index + 1) * 10}s elapsed]`
				: `waiting for deployment "${job.id.slice(3, 9)}" rollout to finish: ${index % 3} of 3 updated ` +
						`replicas are available...`,
		);
	}
	if (execution.fails) {
		add(0.9, 'WARN', `${YELLOW}warning:${RESET} retries exhausted for this attempt`);
		add(
			0.97,
			'ERROR',
			`${RED}Error:${RESET} ${execution.errorReason ?? 'failed'} (exit code ${execution.errorCode ?? 1})`,
		);
	} else {
		add(
			0.9,
			'INFO',
			terraform
				? `${GREEN}Apply complete!${RESET} Resources: 3 added, 1 changed, 0 destroyed.`
				: `Release has been upgraded. Happy Helming!`,
		);
	}
	add(0.99, 'INFO', `execution ${execution.id} ${execution.fails ? 'failed' : 'finished'}`);
	return lines;
}

/** The lines an action run writes, each tagged with its step's name. */
export function runLines(run: RunWindow): LogLine[] {
	const lines: LogLine[] = [];
	for (const step of run.steps) {
		const span = step.to - step.from;
		const count = Math.max(4, Math.round(span * 1.5));
		const add = (fraction: number, severity: LogLine['severity'], body: string) =>
			lines.push({
				at: step.from + span * fraction,
				nanos: 0,
				severity,
				body,
				step: step.name,
				jobId: run.jobId,
			});
		add(0, 'INFO', `${BOLD}step ${step.idx + 1}/${run.steps.length}:${RESET} ${step.name}`);
		for (let index = 1; index < count; index++)
			add(index / count, 'INFO', `${step.name}: ${progressLine(step.name, index)}`);
		if (step.fails) add(0.99, 'ERROR', `${RED}${step.name} failed${RESET}: exit status 2`);
		else add(0.99, 'INFO', `${GREEN}✓${RESET} ${step.name} done`);
	}
	return lines;
}

function progressLine(step: string, index: number): string {
	if (step.includes('health')) return `GET /healthz → 200 OK in ${20 + ((index * 37) % 60)}ms`;
	if (step.includes('rollout')) return `${index} of ${index + 1} replicas ready`;
	if (step.includes('metrics')) return `scraped ${index * 128} series`;
	if (step.includes('cert')) return `notAfter=Mar ${index} 12:00:00 2027 GMT`;
	return `uploaded part ${index} (${index * 4} MiB)`;
}
