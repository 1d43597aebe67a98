// The executions of one runner job, oldest first: a retried job shows each attempt.
import {useMemo} from 'react';
import type {RunnerJobExecution} from '../../api/resources.js';
import {attemptsOf, countText, executionResult, executionSeconds} from '../../domain/activity.js';
import {ago, formatSeconds, formatTimestamp} from '../../domain/time.js';
import {useExecutions} from '../../state/data.js';
import type {Column} from '../widgets/columns.js';
import {failureLines} from './failure-lines.js';
import {blank, field, heading, jsonLines, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {defineLevel, listParts} from './level.js';
import {viewValue} from './destinations.js';
import {hasEnded} from '../../domain/status.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import {listKeys} from '../widgets/list-keys.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({actions: ['logs', 'view']});

type ExecutionRow = RunnerJobExecution & {attempt?: number};

const attemptName = (row: ExecutionRow) =>
	row.attempt === undefined ? 'the latest attempt' : `attempt ${row.attempt}`;

/** Said wherever this server shows only a job's latest attempt. */
export const LATEST_ONLY = 'this server shows only the latest attempt of a job';

const duration = (row: ExecutionRow) => {
	const seconds = executionSeconds(row);
	return seconds === undefined ? '—' : formatSeconds(seconds);
};

const COLUMNS: Column<ExecutionRow>[] = [
	{header: '#', width: 3, priority: 1, align: 'right', text: row => countText(row.attempt)},
	{header: 'STATUS', width: 13, priority: 1, text: row => row.status ?? '', status: row => row.status},
	{header: 'RESULT', width: 11, grow: true, priority: 2, text: executionResult},
	{header: 'DURATION', width: 8, priority: 3, align: 'right', text: duration},
	{header: 'CREATED', width: 8, priority: 4, align: 'right', text: (row, now) => ago(row.created_at, now)},
];

function detail(row: ExecutionRow, now: number, latestOnly: boolean): Line[] {
	const result = row.result;
	const errors = Object.entries(result?.error_metadata ?? {});
	return [
		...(latestOnly ? [text(`⚠ ${LATEST_ONLY}: earlier ones are not listed`, {tone: 'warning'}), blank] : []),
		field('attempt', countText(row.attempt)),
		field('id', row.id),
		field('status', row.status, row.status ?? ''),
		field('created', `${formatTimestamp(row.created_at)} (${ago(row.created_at, now)})`),
		field('updated', formatTimestamp(row.updated_at)),
		field('duration', duration(row)),
		blank,
		heading('Result'),
		...(result
			? [
					field('success', result.success ? 'yes' : 'no', result.success ? 'success' : 'error'),
					...(result.error_code !== undefined ? [field('error code', result.error_code)] : []),
					...errors.map(([key, value]) => field(key, value)),
					...failureLines(result),
				]
			: [text(hasEnded(row.status) ? 'no result recorded' : 'not finished yet', {muted: true})]),
		blank,
		heading('Outputs'),
		...jsonLines(row.outputs?.outputs, 20),
		blank,
		text('⏎ logs of this execution  L all logs of the job  v outputs', {muted: true}),
	];
}

const executionId = (row: ExecutionRow) => row.id ?? countText(row.attempt);

export function ExecutionsLevel({
	jobId,
	jobName,
	logStreamId,
}: {
	jobId: string;
	jobName: string;
	logStreamId?: string;
}) {
	const executions = useExecutions(jobId);
	const rows = useMemo(() => executions.data && attemptsOf(executions.data), [executions.data]);
	const latestOnly = executions.data?.latestOnly ?? false;
	const resource = useMemo(
		() => ({
			...executions,
			data: rows,
			partial: latestOnly ? `earlier attempts (${LATEST_ONLY})` : undefined,
		}),
		[executions, rows, latestOnly],
	);
	const logs = (executionId?: string) =>
		logStreamId
			? {
					kind: 'logs' as const,
					streamId: logStreamId,
					title: jobName,
					filter: executionId ? {executionId} : undefined,
				}
			: undefined;
	return (
		<ListLevel
			keys={KEYS}
			noun="executions"
			titleSuffix={` of ${jobName}`}
			resource={resource}
			columns={COLUMNS}
			rowId={executionId}
			detailTitle={attemptName}
			detail={(row, now) => detail(row, now, latestOnly)}
			open={row => logs(row.id)}
			actions={{
				logs: () => logs(),
				view: row =>
					viewValue(`${attemptName(row)} outputs`, {
						result: row.result ?? {},
						outputs: row.outputs?.outputs ?? {},
					}),
			}}
			emptyText={`This job has not started an execution yet${latestOnly ? ` (${LATEST_ONLY})` : ''}.`}
			// An execution has no dashboard page of its own: y copies its id, Y and o say there is none.
			identify={row => ({id: row.id, target: {}, label: `execution ${attemptName(row)}`})}
		/>
	);
}

export const executions = defineLevel<{jobId: string; jobName: string; logStreamId?: string}>({
	View: ExecutionsLevel,
	keys: KEYS,
	crumb: ({jobName}) => `${jobName} › executions`,
	example: {jobId: 'rjb1', jobName: 'deploy/apply-plan', logStreamId: 'lgj1'},
	parts: listParts({
		load: (client, {jobId}: {jobId: string}) => ENDPOINTS.executions.fetch(client, {jobId}),
		list: {
			rows: attemptsOf,
			columns: () => COLUMNS,
			rowId: executionId,
			detailTitle: attemptName,
			detail: data => (row, now) => detail(row, now, data.latestOnly ?? false),
		},
		text: data => (data.latestOnly ? [`earlier attempts (${LATEST_ONLY})`] : []),
	}),
});
