import type * as api from '../../api/resources.js';
import {items} from '../../domain/fields.js';
import {countStatuses, formatCounts} from '../../domain/install.js';
import {progressText, stepProgress, workflowStatus, workflowType} from '../../domain/workflow-steps.js';
import {formatNanoseconds, formatTimestamp, parseTime} from '../../domain/time.js';
import {useWorkflows} from '../../state/data.js';
import {PAGED_ENDPOINTS} from '../../state/endpoints.js';
import {statusRank, type Column} from '../widgets/columns.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {listKeys} from '../widgets/list-keys.js';
import {defineLevel, listParts} from './level.js';
import {workflowTimeLines} from './workflow-lines.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({});

type Workflow = api.Workflow;

const stepStatuses = (workflow: Workflow) => items(workflow.steps).map(step => step.status?.status);
const progress = (workflow: Workflow) => progressText(stepProgress(workflow.steps));

const COLUMNS: Column<Workflow>[] = [
	{
		header: 'STARTED',
		width: 11,
		priority: 1,
		text: w => formatTimestamp(w.started_at ?? w.created_at).slice(5, 16),
		sort: w => -(parseTime(w.created_at) ?? 0),
	},
	// The name says which release ("Deploy v2.4.0 to prod-eu"): what a user looks for first.
	{header: 'WORKFLOW', width: 12, grow: true, priority: 1, text: w => w.name || workflowType(w)},
	{header: 'TYPE', width: 12, priority: 6, text: workflowType},
	{
		header: 'STATUS',
		width: 13,
		priority: 1,
		text: w => workflowStatus(w) ?? '',
		status: workflowStatus,
		sort: w => statusRank(workflowStatus(w)),
	},
	{header: 'STEPS', width: 5, priority: 3, align: 'right', text: progress},
	{header: 'DURATION', width: 8, priority: 4, align: 'right', text: w => formatNanoseconds(w.execution_time)},
	{header: 'BY', width: 22, priority: 5, text: w => w.created_by?.email || w.created_by_id || '—'},
];

function detail(workflow: Workflow, now: number): Line[] {
	const status = workflowStatus(workflow);
	return [
		field('workflow', workflow.name),
		field('id', workflow.id),
		field('type', workflowType(workflow)),
		blank,
		heading('Status'),
		field('status', status, status ?? ''),
		text(workflow.status?.status_human_description ?? '', {muted: true}),
		field('steps', `${progress(workflow)} done`),
		text(formatCounts(countStatuses(stepStatuses(workflow))), {muted: true}),
		...workflowTimeLines(workflow, now),
		field('duration', formatNanoseconds(workflow.execution_time)),
		blank,
		heading('Settings'),
		field('plan only', workflow.plan_only ? 'yes' : 'no'),
		field('approvals', workflow.approval_option),
		field('on failure', workflow.step_error_behavior),
		field('created by', workflow.created_by?.email || workflow.created_by_id),
		blank,
		text('⏎ opens its steps', {muted: true}),
	];
}

interface WorkflowsParams {
	installId: string;
	installName: string;
}

const workflowId = (workflow: Workflow) => workflow.id ?? '';
const workflowTitle = (workflow: Workflow) => workflow.name || workflowType(workflow);

export function WorkflowsLevel({installId, installName}: WorkflowsParams) {
	const workflows = useWorkflows(installId);
	return (
		<ListLevel
			keys={KEYS}
			noun="workflows"
			titleSuffix={` of ${installName}`}
			resource={workflows}
			columns={COLUMNS}
			rowId={workflowId}
			detailTitle={workflowTitle}
			detail={detail}
			open={workflow =>
				workflow.id
					? {
							kind: 'workflow',
							installId,
							installName,
							workflowId: workflow.id,
							workflowName: workflow.name || workflowType(workflow),
						}
					: undefined
			}
			identify={workflow => ({
				id: workflow.id,
				target: {installId, workflowId: workflow.id},
				label: `workflow ${workflow.name ?? ''}`,
			})}
			emptyText={`${installName} has no workflows yet.`}
		/>
	);
}

export const workflows = defineLevel<WorkflowsParams>({
	View: WorkflowsLevel,
	keys: KEYS,
	crumb: ({installName}) => `workflows of ${installName}`,
	selectedBelow: ({installId}) => installId,
	example: {installId: 'inl1', installName: 'fuzz'},
	parts: listParts({
		load: async (client, params: {installId: string}) =>
			(await PAGED_ENDPOINTS.workflows.fetchPage(client, params, 0)).items,
		list: {
			rows: workflows => workflows,
			columns: () => COLUMNS,
			rowId: workflowId,
			detailTitle: workflowTitle,
			detail: () => detail,
		},
	}),
});
