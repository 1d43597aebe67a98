// One workflow's steps in the order they run (by group, then position), a retry shown as another
// attempt of its step; Enter goes to what a step ran (a deploy's jobs, an action run's steps).
import {useMemo} from 'react';
import * as api from '../../api/resources.js';
import {
	answerableApproval,
	pendingApproval,
	stepLabel,
	workflowFinished,
} from '../../domain/workflow-steps.js';
import {useAccountEmails, useApprovalPlan, useWorkflowStep} from '../../state/data.js';
import {accountLabel, createdByEmail} from '../../domain/accounts.js';
import {useExplorer, useLevelPlace} from '../shell/context.js';
import type {Key} from 'ink';
import type {CommandId} from '../shell/key-bindings.js';
import {writeKeys, WritePanel} from '../writes/use-write.js';
import {useWorkflowWrites, writeTargetWorkflow} from '../writes/workflow-writes.js';
import {awaitsApproval, statusIs, statusWord} from '../../domain/status.js';
import {answerStatus, answerWord, compositeWord} from '../../domain/approval-words.js';
import {countStatuses, formatCounts} from '../../domain/install.js';
import {ago, formatNanoseconds, formatTimestamp} from '../../domain/time.js';
import {useClient} from '../../state/resource.js';
import {statusRank, type Column} from '../widgets/columns.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {defineLevel, listParts} from './level.js';
import {fetchWorkflow} from '../../state/fetchers.js';
import type {WorkflowData} from '../../state/data.js';
import type {Location} from './registry.js';
import {viewValue} from './activity.js';
import {workflowStatus, workflowType} from './workflows.js';

type Step = api.WorkflowStep;

const stepStatus = (step: Step) => step.status?.status;
/** Steps the workflow runs without showing (skipped, hidden) are listed, dimmed. */
const quiet = (step: Step) => step.execution_type === 'skipped' || step.execution_type === 'hidden';

const COLUMNS: Column<Step>[] = [
	{
		header: 'GRP',
		width: 3,
		priority: 1,
		align: 'right',
		text: step => (Number.isFinite(step.group_idx) ? String((step.group_idx ?? 0) + 1) : '?'),
		muted: quiet,
	},
	{header: 'STEP', width: 10, grow: true, priority: 1, text: stepLabel, muted: quiet},
	{
		header: 'STATUS',
		width: 13,
		priority: 1,
		text: step => stepStatus(step) ?? '',
		status: stepStatus,
		sort: step => statusRank(stepStatus(step)),
	},
	{
		header: 'DURATION',
		width: 8,
		priority: 2,
		align: 'right',
		text: step => formatNanoseconds(step.execution_time),
	},
];

function stepDetail(
	workflow: api.Workflow | undefined,
	steps: readonly Step[],
	policyOf: (step: Step) => api.WorkflowStep['policy_validation'],
	emails: ReadonlyMap<string, string> = new Map(),
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
					field(
						'progress',
						progressBar(
							steps.filter(step => !step.retried && stepStatus(step) === 'success').length,
							steps.filter(step => !step.retried).length,
						),
					),
					text(formatCounts(countStatuses(steps.map(stepStatus))), {muted: true}),
					field(
						'started',
						workflow.started_at
							? `${formatTimestamp(workflow.started_at)} (${ago(workflow.started_at, now)})`
							: '—',
					),
					field(
						'finished',
						workflow.finished_at
							? formatTimestamp(workflow.finished_at)
							: workflowFinished(workflow)
								? 'yes (no time given)'
								: 'not yet',
					),
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
export function progressBar(done: number, total: number, width = 10): string {
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

interface WorkflowParams {
	installId: string;
	installName: string;
	workflowId: string;
	workflowName: string;
}

const STEP_WRITES: CommandId[] = ['approve', 'deny', 'approveAll', 'retryStep', 'skipStep', 'cancelWorkflow'];

const stepId = (step: Step) => step.id ?? '';
const workflowSummary = ({workflow, steps}: WorkflowData) =>
	` · ${statusWord(workflowStatus(workflow) ?? '?')} · ` +
	`${(steps ?? []).filter(step => stepStatus(step) === 'success').length}/${steps?.length ?? 0} done`;

export function WorkflowLevel({installId, installName, workflowId, workflowName}: WorkflowParams) {
	const client = useClient();
	const {orgLabel, theme} = useExplorer();
	const writes = useWorkflowWrites(workflowId);
	const {workflow} = writes;
	const steps = workflow.data?.steps;
	const {selectedId} = useLevelPlace().entry;
	const selected = steps?.find(step => step.id === selectedId) ?? steps?.[0];
	const waiting = pendingApproval(selected);
	// The plan of the selected step's pending approval: its counts go into the confirmation.
	const plan = useApprovalPlan(workflowId, waiting ? selected?.id : undefined, waiting?.id);
	// The selected step read alone: its policy check comes only that way.
	const alone = useWorkflowStep(workflowId, selected).data;
	const emails = useAccountEmails();
	const detail = useMemo(
		() =>
			stepDetail(
				workflow.data?.workflow,
				steps ?? [],
				step => step.policy_validation ?? (alone?.id === step.id ? alone?.policy_validation : undefined),
				emails,
			),
		[workflow.data, steps, alone, emails],
	);
	const summary = workflow.data ? workflowSummary(workflow.data) : '';
	const planOf = (step: Step): Location | undefined =>
		step.approval?.id && step.id
			? {
					kind: 'approval',
					installId,
					installName,
					workflowId,
					workflowName,
					stepId: step.id,
					stepName: stepLabel(step),
					approvalId: step.approval.id,
				}
			: undefined;
	const open = (step: Step): Location | undefined => {
		if (pendingApproval(step)) return planOf(step);
		const target = step.step_target_id;
		if (step.step_target_type === 'install_deploys' && target)
			return {
				kind: 'activity',
				installId,
				installName,
				deployId: target,
				componentName: step.name || 'deploy',
			};
		if (step.step_target_type === 'install_action_workflow_runs' && target)
			return {kind: 'steps', installId, installName, runId: target, runName: stepLabel(step)};
		return viewValue(`step ${stepLabel(step)}`, step);
	};
	const onKey = (command: CommandId | undefined, input: string, key: Key) =>
		writes.onKey(command, input, key, () => ({
			client,
			orgLabel,
			installId,
			installName,
			workflow: writeTargetWorkflow(workflowId, workflowName, workflow.data?.workflow),
			step: selected,
			steps,
			plan: plan.data,
		}));
	return (
		<ListLevel
			noun="steps"
			titleSuffix={` of ${workflowName}${writes.following}${summary}`}
			resource={{...workflow, data: steps}}
			columns={COLUMNS}
			rowId={stepId}
			detailTitle={stepLabel}
			detail={detail}
			open={open}
			actions={{approvalPlan: planOf}}
			onKey={onKey}
			overlay={writes.panel ? <WritePanel {...writes.panel} theme={theme} /> : undefined}
			overlayKeys={writeKeys(writes.panel?.stage)}
			notice={writes.notice}
			extraHints={writes.hints(STEP_WRITES)}
			identify={step => ({id: step.id, target: {installId, workflowId}, label: `step ${stepLabel(step)}`})}
			emptyText={`${workflowName} has no steps yet.`}
		/>
	);
}

export const workflow = defineLevel<WorkflowParams>({
	View: WorkflowLevel,
	crumb: ({workflowName}) => workflowName,
	example: {installId: 'inl1', installName: 'fuzz', workflowId: 'iwf1', workflowName: 'deploy'},
	parts: listParts({
		load: async (client, {workflowId}: WorkflowParams) => {
			const data = await fetchWorkflow(client, workflowId);
			// The first step read alone, as the level reads the selected one for its policy check.
			const first = data.steps[0];
			const alone = first?.id
				? await api.getWorkflowStep(client, workflowId, first.id).catch(() => undefined)
				: undefined;
			return {...data, alone};
		},
		list: {
			rows: data => data.steps,
			columns: () => COLUMNS,
			rowId: stepId,
			detailTitle: stepLabel,
			detail: ({workflow, steps, alone}) =>
				stepDetail(
					workflow,
					steps,
					step => step.policy_validation ?? (alone?.id === step.id ? alone?.policy_validation : undefined),
				),
		},
		text: data => [workflowSummary(data)],
	}),
});
