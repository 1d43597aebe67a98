// One workflow's steps in the order they run (by group, then position), a retry shown as another
// attempt of its step; Enter goes to what a step ran (a deploy's jobs, an action run's steps).
import {useMemo} from 'react';
import * as api from '../../api/resources.js';
import {
	pendingApproval,
	progressText,
	stepLabel,
	stepProgress,
	workflowStatus,
} from '../../domain/workflow-steps.js';
import {phaseOf, statusWord} from '../../domain/status.js';
import {useAccountEmails, useApprovalPlan, useDeploy, useWorkflowStep} from '../../state/data.js';
import {useExplorer, useLevelPlace} from '../shell/context.js';
import type {CommandId} from '../keys/commands.js';
import type {KeyPress} from '../keys/keymap.js';
import {writeKeys} from '../writes/use-write.js';
import {WritePanel} from '../writes/WritePanel.js';
import {useWorkflowWrites} from '../writes/workflow-writes.js';
import {writeTargetWorkflow} from '../writes/write-target.js';
import {formatNanoseconds} from '../../domain/time.js';
import {useClient} from '../../state/resource.js';
import {statusRank, type Column} from '../widgets/columns.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {listKeys} from '../widgets/list-keys.js';
import {defineLevel, listParts} from './level.js';
import {stepDetail, stepStatus} from './workflow-lines.js';
import {fetchWorkflow} from '../../state/fetchers.js';
import type {WorkflowData} from '../../state/data.js';
import type {Location} from '../../state/locations.js';
import {viewValue} from './destinations.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({
	actions: ['approvalPlan'],
	extra: ['approve', 'deny', 'approveAll', 'retryStep', 'skipStep', 'cancelWorkflow'],
});

type Step = api.WorkflowStep;

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

interface WorkflowParams {
	installId: string;
	installName: string;
	workflowId: string;
	workflowName: string;
}

const stepId = (step: Step) => step.id ?? '';
const workflowSummary = ({workflow, steps}: WorkflowData) =>
	` · ${statusWord(workflowStatus(workflow) ?? '?')} · ` + `${progressText(stepProgress(steps))} done`;

export function WorkflowLevel({installId, installName, workflowId, workflowName}: WorkflowParams) {
	const client = useClient();
	const {orgLabel, theme} = useExplorer();
	const writes = useWorkflowWrites(workflowId);
	const {workflow} = writes;
	const steps = workflow.data?.steps;
	// The step under the cursor: ListLevel keeps the entry naming it (a filter's first row included).
	const {selectedId} = useLevelPlace().entry;
	const selected = steps?.find(step => step.id === selectedId);
	const waiting = pendingApproval(selected);
	// The plan of the selected step's pending approval: its counts go into the confirmation.
	const plan = useApprovalPlan(workflowId, waiting ? selected?.id : undefined, waiting?.id);
	// The selected step read alone: its policy check comes only that way.
	const alone = useWorkflowStep(workflowId, selected).data;
	// A failed step's reason is on the deploy it ran (composite_error, policy_reports): read it alone.
	const failedDeploy =
		selected?.step_target_type === 'install_deploys' && phaseOf(stepStatus(selected)) === 'failure'
			? (selected.step_target_id ?? undefined)
			: undefined;
	const target = useDeploy(installId, failedDeploy).data;
	const emails = useAccountEmails();
	const detail = useMemo(
		() =>
			stepDetail(
				workflow.data?.workflow,
				steps ?? [],
				step => step.policy_validation ?? (alone?.id === step.id ? alone?.policy_validation : undefined),
				emails,
				step => (target && target.id === step.step_target_id ? target : undefined),
			),
		[workflow.data, steps, alone, emails, target],
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
	// A key acts on the row highlighted as it was pressed, and its plan only if that is the one read.
	const onKey = (command: CommandId | undefined, press: KeyPress | undefined, row: Step | undefined) =>
		writes.onKey(command, press, () => ({
			client,
			orgLabel,
			installId,
			installName,
			workflow: writeTargetWorkflow(workflowId, workflowName, workflow.data?.workflow),
			step: row,
			steps,
			plan: row?.id !== undefined && row.id === selected?.id ? plan.data : undefined,
		}));
	return (
		<ListLevel
			keys={KEYS}
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
			overlayAcross
			notice={writes.notice}
			identify={step => ({id: step.id, target: {installId, workflowId}, label: `step ${stepLabel(step)}`})}
			emptyText={`${workflowName} has no steps yet.`}
		/>
	);
}

export const workflow = defineLevel<WorkflowParams>({
	View: WorkflowLevel,
	keys: KEYS,
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
