// A workflow step's detail lines: the step, its approval, its policy check, and the workflow it is in.
import type * as api from '../../api/resources.js';
import {accountLabel, createdByEmail} from '../../domain/accounts.js';
import {answerStatus, answerWord, compositeWord} from '../../domain/approval-words.js';
import {countStatuses, formatCounts} from '../../domain/install.js';
import {awaitsApproval, statusIs} from '../../domain/status.js';
import {ago, formatNanoseconds, formatTimestamp} from '../../domain/time.js';
import {
	answerableApproval,
	stepLabel,
	stepProgress,
	workflowFinished,
	workflowStatus,
	workflowType,
} from '../../domain/workflow-steps.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {failureLines} from './failure-lines.js';

type Step = api.WorkflowStep;

export const stepStatus = (step: Step) => step.status?.status;

export function stepDetail(
	workflow: api.Workflow | undefined,
	steps: readonly Step[],
	policyOf: (step: Step) => api.WorkflowStep['policy_validation'],
	emails: ReadonlyMap<string, string> = new Map(),
	/** What the step ran, where it was read (a failed step's deploy): its reason is the step's. */
	targetOf: (step: Step) => unknown = () => undefined,
) {
	return (step: Step, now: number): Line[] => [
		field('step', stepLabel(step)),
		field('id', step.id),
		field('status', stepStatus(step), stepStatus(step) ?? ''),
		text(step.status?.status_human_description ?? '', {muted: true}),
		field('runs', step.execution_type),
		field(
			'started',
			step.started_at ? `${formatTimestamp(step.started_at)} (${ago(step.started_at, now)})` : 'not yet',
		),
		field('duration', formatNanoseconds(step.execution_time)),
		field('can retry', step.retryable ? 'yes' : 'no'),
		field('can skip', step.skippable ? 'yes' : 'no'),
		...failureLines(step),
		...failureLines(targetOf(step), 'Why its deploy failed'),
		blank,
		heading('Target'),
		field('type', step.step_target_type),
		field('id', step.step_target_id),
		...approvalLines(step, now, emails),
		...policyLines(policyOf(step)),
		...(workflow
			? [
					blank,
					heading('Workflow'),
					field('type', workflowType(workflow)),
					field('status', workflowStatus(workflow), workflowStatus(workflow) ?? ''),
					field('progress', progressBar(stepProgress(steps))),
					text(formatCounts(countStatuses(steps.map(stepStatus))), {muted: true}),
					...workflowTimeLines(workflow, now),
					field('plan only', workflow.plan_only ? 'yes' : 'no'),
					field('approvals', workflow.approval_option),
					field('on failure', workflow.step_error_behavior),
				]
			: []),
		blank,
		text(
			answerableApproval(step)
				? '⏎ the plan to approve'
				: step.step_target_type === 'install_deploys'
					? `⏎ the deploy’s jobs and runs${step.approval?.id ? ' · P the plan it approved' : ''}`
					: step.step_target_type === 'install_action_workflow_runs'
						? '⏎ the action run’s steps'
						: '⏎ the step as JSON',
			{muted: true},
		),
	];
}

function policyLines(policy: api.WorkflowStep['policy_validation']): Line[] {
	if (!policy || typeof policy !== 'object') return [];
	const status = compositeWord(policy.status);
	return [
		blank,
		heading('Policy check'),
		field('status', status, status),
		text(policy.response ?? '', {muted: true}),
	];
}

/** "██████░░░░ 3/5" */
function progressBar({done, total}: {done: number; total: number}, width = 10): string {
	const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
	return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`;
}

function approvalLines(step: Step, now: number, emails: ReadonlyMap<string, string>): Line[] {
	const approval = step.approval;
	if (!approval?.id) return [];
	const response = approval.response;
	const answer = answerWord(response?.type);
	return [
		blank,
		heading('Approval'),
		field('type', approval.type ? String(approval.type).replaceAll('_', ' ') : '—'),
		field('runner job', approval.runner_job_id),
		field(
			'asked',
			approval.created_at
				? `${formatTimestamp(approval.created_at)} (${ago(approval.created_at, now)})`
				: '—',
		),
		response
			? field(
					'answer',
					`${answer}${response.created_at ? ` ${ago(response.created_at, now)}` : ''}`,
					answerStatus(response.type),
				)
			: field(
					'answer',
					awaitsApproval(step.status?.status)
						? 'waiting for a person'
						: `none (${statusIs('the step', step.status?.status)})`,
					'approval-awaiting',
				),
		...(response
			? [
					field('by', accountLabel(response.created_by_id, emails, createdByEmail(response))),
					...(response.note ? [field('note', response.note)] : []),
				]
			: []),
	];
}

/** When a workflow started and finished, in its list and on its steps' screen alike. */
export const workflowTimeLines = (workflow: api.Workflow, now: number): Line[] => [
	field(
		'started',
		workflow.started_at ? `${formatTimestamp(workflow.started_at)} (${ago(workflow.started_at, now)})` : '—',
	),
	field(
		'finished',
		workflow.finished_at
			? formatTimestamp(workflow.finished_at)
			: workflowFinished(workflow)
				? 'yes (no time given)'
				: 'not yet',
	),
];
