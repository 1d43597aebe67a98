// The log records a runner job's execution or an action run writes, as lines over its window: ANSI
// colours, long lines, and many records within one millisecond.
import type {RunWindow} from './action-runs.js';
import type {ExecutionWindow, JobWindow} from './activity.js';

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
