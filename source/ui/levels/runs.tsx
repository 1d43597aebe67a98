// An install's action workflows, each with its latest run.
import {useMemo} from 'react';
import type {ActionWorkflowRun, InstallActionWorkflow} from '../../api/resources.js';
import {runStatus} from '../../domain/activity.js';
import {ago, formatNanoseconds} from '../../domain/time.js';
import {useLatestRuns, useReadActionRun} from '../../state/data.js';
import type {Column} from '../widgets/columns.js';
import {text} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {logsOfListedRun, runTarget, viewValue} from './destinations.js';
import {runDetail} from './run-lines.js';
import {items} from '../../domain/fields.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import {listKeys} from '../widgets/list-keys.js';
import {defineLevel, listParts} from './level.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({actions: ['logs', 'view']});

interface WorkflowRow {
	id: string;
	name: string;
	run?: ActionWorkflowRun;
}

export function workflowRows(workflows: InstallActionWorkflow[]): WorkflowRow[] {
	return items(workflows).map(workflow => ({
		id: workflow.id ?? workflow.action_workflow_id ?? '',
		name: workflow.action_workflow?.name || workflow.action_workflow_id || workflow.id || 'workflow',
		run: items<ActionWorkflowRun>(workflow.runs).sort((a, b) =>
			String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')),
		)[0],
	}));
}

const status = (row: WorkflowRow) => (row.run ? runStatus(row.run) : 'never run');

const COLUMNS: Column<WorkflowRow>[] = [
	{header: 'WORKFLOW', width: 12, grow: true, priority: 1, text: row => row.name},
	{header: 'LATEST RUN', width: 13, priority: 1, text: row => status(row) ?? '', status},
	{header: 'TRIGGER', width: 21, priority: 4, text: row => row.run?.trigger_type ?? '—'},
	{
		header: 'TIME',
		width: 7,
		priority: 3,
		align: 'right',
		text: row => formatNanoseconds(row.run?.execution_time),
	},
	{
		header: 'STARTED',
		width: 8,
		priority: 2,
		align: 'right',
		text: (row, now) => ago(row.run?.created_at, now),
	},
];

const detail = (row: WorkflowRow, now: number) =>
	row.run
		? runDetail(row.run, now, row.name)
		: [text(`${row.name} has not run in this install.`, {muted: true})];

export function RunsLevel({installId, installName}: {installId: string; installName: string}) {
	const workflows = useLatestRuns(installId);
	const readRun = useReadActionRun(installId);
	const rows = useMemo(() => workflows.data && workflowRows(workflows.data), [workflows.data]);
	const resource = useMemo(() => ({...workflows, data: rows}), [workflows, rows]);
	return (
		<ListLevel
			keys={KEYS}
			noun="action workflows"
			titleSuffix={` of ${installName}`}
			resource={resource}
			columns={COLUMNS}
			rowId={row => row.id}
			detailTitle={row => row.name}
			detail={detail}
			open={row =>
				row.run?.id
					? {kind: 'steps', installId, installName, runId: row.run.id, runName: row.name}
					: undefined
			}
			actions={{
				logs: row => row.run && logsOfListedRun(readRun, row.run, row.name),
				view: row => row.run && viewValue(`${row.name} outputs`, row.run.outputs ?? {}),
			}}
			identify={row => ({
				id: row.run?.id,
				target: row.run ? runTarget(installId, row.run) : {installId},
				label: `action run of ${row.name}`,
			})}
			emptyText={`${installName} has no action workflows.`}
		/>
	);
}

export const runs = defineLevel<{installId: string; installName: string}>({
	View: RunsLevel,
	keys: KEYS,
	crumb: ({installName}) => `action runs of ${installName}`,
	example: {installId: 'inl1', installName: 'fuzz'},
	parts: listParts({
		load: (client, {installId}: {installId: string}) => ENDPOINTS.latestRuns.fetch(client, {installId}),
		list: {
			rows: workflowRows,
			columns: () => COLUMNS,
			rowId: row => row.id,
			detailTitle: row => row.name,
			detail: () => detail,
		},
	}),
});
