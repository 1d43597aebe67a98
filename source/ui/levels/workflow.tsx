// One workflow's steps in the order they run (by group, then position), a retry shown as another
// attempt of its step; Enter goes to what a step ran (a deploy's jobs, an action run's steps).
import React, {useMemo} from 'react';
import * as api from '../../api/resources.js';
import {items} from '../../domain/fields.js';
import {countStatuses, formatCounts} from '../../domain/install.js';
import {ago, formatNanoseconds, formatTimestamp} from '../../domain/time.js';
import {useClient, useResource} from '../../state/resource.js';
import {statusRank, type Column} from '../columns.js';
import {blank, field, heading, text, type Line} from '../lines.js';
import {ListLevel} from '../ListLevel.js';
import {defineLevel} from './level.js';
import type {Location} from './registry.js';
import {viewValue} from './activity.js';
import {workflowStatus, workflowType} from './workflows.js';

type Step = api.WorkflowStep;

const stepStatus = (step: Step) => step.status?.status;
/** Steps the workflow runs without showing (skipped, hidden) are listed, dimmed. */
const quiet = (step: Step) => step.execution_type === 'skipped' || step.execution_type === 'hidden';
const stepName = (step: Step) => `${step.name || step.id || 'step'}${(step.group_retry_idx ?? 0) > 0 ? ` (attempt ${(step.group_retry_idx ?? 0) + 1})` : ''}`;
const position = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER);

/** Execution order: by group, then retry attempt, then position. */
export function orderSteps(steps: readonly Step[]): Step[] {
	return [...steps].sort((a, b) => position(a.group_idx) - position(b.group_idx) || position(a.group_retry_idx) - position(b.group_retry_idx) || position(a.idx) - position(b.idx));
}

const COLUMNS: Column<Step>[] = [
	{header: 'GRP', width: 3, priority: 1, align: 'right', text: step => (Number.isFinite(step.group_idx) ? String((step.group_idx ?? 0) + 1) : '?'), muted: quiet},
	{header: 'STEP', width: 10, grow: true, priority: 1, text: stepName, muted: quiet},
	{header: 'STATUS', width: 13, priority: 1, text: step => stepStatus(step) ?? '', status: stepStatus, sort: step => statusRank(stepStatus(step))},
	{header: 'DURATION', width: 8, priority: 2, align: 'right', text: step => formatNanoseconds(step.execution_time)},
];

function stepDetail(workflow: api.Workflow | undefined, steps: readonly Step[]) {
	return (step: Step, now: number): Line[] => [
		field('step', stepName(step)),
		field('id', step.id),
		field('status', stepStatus(step), stepStatus(step) ?? ''),
		text(step.status?.status_human_description ?? '', {muted: true}),
		field('runs', step.execution_type),
		field('started', step.started_at ? `${formatTimestamp(step.started_at)} (${ago(step.started_at, now)})` : 'not yet'),
		field('duration', formatNanoseconds(step.execution_time)),
		field('can retry', step.retryable ? 'yes' : 'no'),
		field('can skip', step.skippable ? 'yes' : 'no'),
		blank,
		heading('Target'),
		field('type', step.step_target_type),
		field('id', step.step_target_id),
		...(step.policy_validation ? [blank, heading('Policy check'), field('status', step.policy_validation.status, step.policy_validation.status ?? ''), text(step.policy_validation.response ?? '', {muted: true})] : []),
		...(workflow
			? [
					blank,
					heading('Workflow'),
					field('type', workflowType(workflow)),
					field('status', workflowStatus(workflow), workflowStatus(workflow) ?? ''),
					text(formatCounts(countStatuses(steps.map(stepStatus))), {muted: true}),
					field('on failure', workflow.step_error_behavior),
				]
			: []),
		blank,
		text(step.step_target_type === 'install_deploys' ? '⏎ the deploy’s jobs and runs' : '⏎ the step as JSON', {muted: true}),
	];
}

interface WorkflowParams {
	installId: string;
	installName: string;
	workflowId: string;
	workflowName: string;
}

export function WorkflowLevel({installId, installName, workflowId, workflowName}: WorkflowParams) {
	const client = useClient();
	const workflow = useResource(['workflow', workflowId], async () => {
		const [found, steps] = await Promise.all([api.getWorkflow(client, workflowId), api.listWorkflowSteps(client, workflowId)]);
		return {workflow: found, steps: orderSteps(steps.length ? steps : items(found.steps))};
	});
	const steps = workflow.data?.steps;
	const detail = useMemo(() => stepDetail(workflow.data?.workflow, steps ?? []), [workflow.data, steps]);
	const summary = workflow.data ? ` · ${workflowStatus(workflow.data.workflow) ?? '?'} · ${(steps ?? []).filter(step => stepStatus(step) === 'success').length}/${steps?.length ?? 0} done` : '';
	const open = (step: Step): Location | undefined =>
		step.step_target_type === 'install_deploys' && step.step_target_id
			? {kind: 'activity', installId, installName, deployId: step.step_target_id, componentName: step.name || 'deploy'}
			: viewValue(`step ${stepName(step)}`, step);
	return (
		<ListLevel
			noun="steps"
			titleSuffix={` of ${workflowName}${summary}`}
			resource={{...workflow, data: steps}}
			columns={COLUMNS}
			rowId={step => step.id ?? ''}
			detailTitle={stepName}
			detail={detail}
			open={open}
			identify={step => ({id: step.id, target: {installId, workflowId}, label: `step ${stepName(step)}`})}
			emptyText={`${workflowName} has no steps yet.`}
		/>
	);
}

export const workflow = defineLevel<WorkflowParams>({
	View: WorkflowLevel,
	crumb: ({workflowName}) => workflowName,
	example: {installId: 'inl1', installName: 'fuzz', workflowId: 'iwf1', workflowName: 'deploy'},
});
