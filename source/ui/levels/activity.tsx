// The runner jobs and action workflow runs of one deploy.
import {useMemo} from 'react';
import type {ActionWorkflowRun, InstallDeploy, RunnerJob} from '../../api/resources.js';
import {countText, jobName, jobOwner, runName, runStatus} from '../../domain/activity.js';
import {ago, formatNanoseconds, formatTimestamp} from '../../domain/time.js';
import {logsOfJob, logsOfListedRun, runTarget, viewValue} from './destinations.js';
import {runDetail} from './run-lines.js';
import {failureLines} from './failure-lines.js';
import {useDeploy, useReadActionRun} from '../../state/data.js';
import type {Column} from '../widgets/columns.js';
import {blank, field, heading, jsonLines, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {items} from '../../domain/fields.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import {listKeys} from '../widgets/list-keys.js';
import {defineLevel, listParts} from './level.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({actions: ['logs', 'plan', 'view']});

export type ActivityRow =
	| {kind: 'job'; id: string; job: RunnerJob}
	| {kind: 'run'; id: string; run: ActionWorkflowRun};

const rowStatus = (row: ActivityRow) => (row.kind === 'job' ? row.job.status : runStatus(row.run));
const rowName = (row: ActivityRow) => (row.kind === 'job' ? jobName(row.job) : `action ${runName(row.run)}`);

const COLUMNS: Column<ActivityRow>[] = [
	{header: 'JOB OR ACTION RUN', width: 24, grow: true, priority: 1, text: rowName},
	{header: 'STATUS', width: 13, priority: 1, text: row => rowStatus(row) ?? '', status: rowStatus},
	{
		header: 'EXECS',
		width: 5,
		priority: 4,
		align: 'right',
		text: row => (row.kind === 'job' ? countText(row.job.execution_count) : '—'),
	},
	{
		header: 'TIME',
		width: 7,
		priority: 3,
		align: 'right',
		text: row => formatNanoseconds(row.kind === 'job' ? row.job.execution_time : row.run.execution_time),
	},
	{
		header: 'STARTED',
		width: 8,
		priority: 5,
		align: 'right',
		text: (row, now) => ago(row.kind === 'job' ? row.job.started_at : row.run.created_at, now),
	},
];

export function jobDetail(job: RunnerJob, now: number): Line[] {
	return [
		field('job', jobName(job)),
		field('id', job.id),
		field('type', job.type),
		field('status', job.status, job.status ?? ''),
		text(job.status_description ?? '', {muted: true}),
		...failureLines(job),
		blank,
		field(
			'executions',
			`${countText(job.execution_count)}${job.max_executions ? ` of at most ${job.max_executions}` : ''}`,
		),
		field('execution time', formatNanoseconds(job.execution_time)),
		field(
			'started',
			job.started_at ? `${formatTimestamp(job.started_at)} (${ago(job.started_at, now)})` : '—',
		),
		field(
			'finished',
			job.finished_at ? `${formatTimestamp(job.finished_at)} (${ago(job.finished_at, now)})` : '—',
		),
		field('owner', jobOwner(job)),
		field('log stream', job.log_stream_id),
		blank,
		heading('Timeouts'),
		field('queue', formatNanoseconds(job.queue_timeout)),
		field('available', formatNanoseconds(job.available_timeout)),
		field('execution', formatNanoseconds(job.execution_timeout)),
		field('overall', formatNanoseconds(job.overall_timeout)),
		blank,
		heading('Outputs'),
		// A job listed from its base table (today's deploy) has neither its view's count nor outputs.
		...(job.outputs === undefined && job.execution_count === undefined
			? [text('not sent in this list: ⏎ shows the latest attempt’s', {muted: true})]
			: jsonLines(job.outputs, 20)),
		blank,
		text('⏎ executions  L logs  P plan  v outputs & metadata', {muted: true}),
	];
}

const detail = (row: ActivityRow, now: number) =>
	row.kind === 'job' ? jobDetail(row.job, now) : runDetail(row.run, now);

/** A deploy's runner jobs, then its action runs. */
const activityRows = (data: InstallDeploy): ActivityRow[] => [
	...items(data.runner_jobs).map(job => ({kind: 'job' as const, id: job.id ?? '', job})),
	...items(data.action_workflow_runs).map(run => ({kind: 'run' as const, id: run.id ?? '', run})),
];

export function ActivityLevel({
	installId,
	installName,
	deployId,
	componentId,
	componentName,
}: {
	installId: string;
	installName: string;
	deployId: string;
	componentId?: string;
	componentName: string;
}) {
	const deploy = useDeploy(installId, deployId, componentId);
	const readRun = useReadActionRun(installId);
	const data = deploy.data;
	const rows = useMemo<ActivityRow[] | undefined>(() => data && activityRows(data), [data]);
	const resource = useMemo(() => ({...deploy, data: rows}), [deploy, rows]);
	return (
		<ListLevel
			keys={KEYS}
			noun="jobs & runs"
			titleSuffix={` of ${componentName} in ${installName}`}
			resource={resource}
			columns={COLUMNS}
			rowId={row => row.id}
			detailTitle={rowName}
			detail={detail}
			open={row => {
				if (!row.id) return undefined;
				return row.kind === 'job'
					? {kind: 'executions', jobId: row.id, jobName: jobName(row.job), logStreamId: row.job.log_stream_id}
					: {kind: 'steps', installId, installName, runId: row.id, runName: runName(row.run)};
			}}
			actions={{
				logs: row =>
					row.kind === 'job' ? logsOfJob(row.job) : logsOfListedRun(readRun, row.run, runName(row.run)),
				plan: row =>
					row.kind === 'job' && row.job.id && row.job.group === 'deploy'
						? {
								kind: 'document',
								title: `plan of ${jobName(row.job)}`,
								source: {type: 'plan', jobId: row.job.id},
							}
						: undefined,
				view: row =>
					row.kind === 'job'
						? viewValue(`${jobName(row.job)} outputs`, {
								outputs: row.job.outputs ?? {},
								metadata: row.job.metadata ?? {},
							})
						: viewValue(`${runName(row.run)} outputs`, row.run.outputs ?? {}),
			}}
			identify={row =>
				row.kind === 'job'
					? // A runner job has no page of its own: its link is its deploy's.
						{
							id: row.job.id,
							target: {installId, componentId: data?.component_id, deployId},
							label: `job ${jobName(row.job)}`,
						}
					: {id: row.run.id, target: runTarget(installId, row.run), label: `action run ${runName(row.run)}`}
			}
			emptyText="This deploy has no runner jobs or action runs yet."
		/>
	);
}

export const activity = defineLevel<{
	installId: string;
	installName: string;
	deployId: string;
	componentId?: string;
	componentName: string;
}>({
	View: ActivityLevel,
	keys: KEYS,
	crumb: () => 'jobs & runs',
	example: {installId: 'inl1', installName: 'fuzz', deployId: 'ind1', componentName: 'api'},
	parts: listParts({
		load: (
			client,
			{installId, deployId, componentId}: {installId: string; deployId: string; componentId?: string},
		) => ENDPOINTS.deploy.fetch(client, {installId, deployId, componentId}),
		list: {
			rows: activityRows,
			columns: () => COLUMNS,
			rowId: row => row.id,
			detailTitle: rowName,
			detail: () => detail,
		},
	}),
});
