import type {RunnerJob} from '../../api/resources.js';
import type * as runners from '../../api/runners.js';
import {jobName, jobOwner} from '../../domain/activity.js';
import {text as textOf} from '../../domain/fields.js';
import {ago, formatNanoseconds, formatTimestamp, parseTime} from '../../domain/time.js';
import {useRunner} from '../../state/data.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import type {RunnerData} from '../../state/fetch-runner.js';
import {listKeys} from '../widgets/list-keys.js';
import {statusRank, type Column} from '../widgets/columns.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {defineLevel, listParts} from './level.js';

/** What this level binds (Enter opens a job's executions). */
const KEYS = listKeys({});

interface RunnerParams {
	runnerId: string;
	installName: string;
}

const MOVING = ['in-progress', 'available', 'queued'];
/** In progress first, then queued, then the rest newest first (as the server sends them). */
export const jobQueue = (jobs: readonly RunnerJob[]): RunnerJob[] =>
	[...jobs].sort((a, b) => rankOf(a) - rankOf(b));
const rankOf = (job: RunnerJob) => {
	const rank = MOVING.indexOf(String(job.status));
	return rank === -1 ? MOVING.length : rank;
};

const SPARK_MINUTES = 30;

/** One character a minute for the last half hour, oldest first: █ healthy, ✗ not, ░ no check. */
export function healthSparkline(checks: readonly runners.HealthCheck[] | undefined, now: number): string {
	const byMinute = new Map<number, string>();
	for (const check of checks ?? []) {
		const at = parseTime(check.minute_bucket ?? check.created_at);
		if (at !== undefined) byMinute.set(Math.floor(at / 60_000), String(check.status ?? ''));
	}
	const last = Math.floor(now / 60_000);
	let line = '';
	for (let minute = last - SPARK_MINUTES + 1; minute <= last; minute++) {
		const status = byMinute.get(minute);
		line += status === undefined ? '░' : status === 'active' ? '█' : '✗';
	}
	return line;
}

export function runnerLines(data: RunnerData, now: number): Line[] {
	const {runner, connection, heartBeat} = data;
	const beatAt = heartBeat?.created_at ?? connection?.latest_heartbeat_timestamp;
	const connected = connection ? (connection.connected ? 'connected' : 'not connected') : undefined;
	return [
		heading('Runner'),
		field('status', runner?.status, runner?.status ?? ''),
		text(textOf(runner?.status_description), {muted: true}),
		field('connected', connected, connection?.connected ? 'connected' : connection ? 'not-connected' : ''),
		field('heartbeat', beatAt === undefined ? undefined : `${formatTimestamp(beatAt)} (${ago(beatAt, now)})`),
		field('version', heartBeat?.version),
		field('up for', heartBeat?.alive_time ? formatNanoseconds(heartBeat.alive_time) : undefined),
		field('platform', runner?.runner_group?.platform),
		field('health', `${healthSparkline(data.checks, now)} (last ${SPARK_MINUTES} min)`),
		...data.failed.map(failure => text(`⚠ not shown: ${failure}`, {tone: 'warning'})),
		blank,
	];
}

function jobLines(job: RunnerJob, now: number): Line[] {
	return [
		heading('Job'),
		field('operation', jobName(job)),
		field('status', job.status, job.status ?? ''),
		text(textOf(job.status_description), {muted: true}),
		field('owner', jobOwner(job)),
		field('created', `${formatTimestamp(job.created_at)} (${ago(job.created_at, now)})`),
		field('id', job.id),
	];
}

const COLUMNS: Column<RunnerJob>[] = [
	{
		header: 'STATUS',
		width: 11,
		priority: 1,
		text: job => job.status ?? '',
		status: job => job.status,
		sort: job => statusRank(job.status),
	},
	{header: 'OPERATION', width: 18, priority: 1, text: jobName},
	{header: 'OWNER', width: 16, grow: true, priority: 2, text: jobOwner},
	{
		header: 'CREATED',
		width: 8,
		priority: 3,
		align: 'right',
		text: (job, now) => ago(job.created_at, now),
		sort: job => -(parseTime(job.created_at) ?? 0),
	},
];

const jobId = (job: RunnerJob) => job.id ?? '';
const jobTitle = (job: RunnerJob) => jobName(job);
const detailOf = (data: RunnerData | undefined) => (job: RunnerJob, now: number) => [
	...(data ? runnerLines(data, now) : []),
	...jobLines(job, now),
];

/** " · offline · heartbeat 1m ago" */
export function runnerTitle(data: RunnerData | undefined, now: number): string {
	if (!data) return '';
	const beat = data.heartBeat?.created_at ?? data.connection?.latest_heartbeat_timestamp;
	return [data.runner?.status, beat === undefined ? undefined : `heartbeat ${ago(beat, now)}`]
		.filter(Boolean)
		.map(part => ` · ${part}`)
		.join('');
}

export function RunnerLevel({runnerId, installName}: RunnerParams) {
	const resource = useRunner(runnerId);
	const data = resource.data;
	return (
		<ListLevel
			keys={KEYS}
			noun="jobs"
			titleSuffix={` of ${installName}'s runner${runnerTitle(data, Date.now())}`}
			resource={{
				...resource,
				data: data && jobQueue(data.jobs),
				partial: data?.failed.length ? data.failed.join('; ') : undefined,
			}}
			columns={COLUMNS}
			rowId={jobId}
			detailTitle={jobTitle}
			detail={detailOf(data)}
			open={job =>
				job.id
					? {kind: 'executions', jobId: job.id, jobName: jobName(job), logStreamId: job.log_stream_id}
					: undefined
			}
			identify={job => ({id: job.id, target: {}, label: `runner job ${jobName(job)}`})}
			emptyText={`${installName}'s runner has no jobs.`}
		/>
	);
}

export const runner = defineLevel<RunnerParams>({
	View: RunnerLevel,
	keys: KEYS,
	crumb: ({installName}) => `${installName} › runner`,
	example: {runnerId: 'run1', installName: 'fuzz'},
	parts: listParts({
		load: (client, {runnerId}: RunnerParams) => ENDPOINTS.runner.fetch(client, {runnerId}),
		list: {
			rows: data => jobQueue(data.jobs),
			columns: () => COLUMNS,
			rowId: jobId,
			detailTitle: jobTitle,
			detail: data => detailOf(data),
		},
		text: (data, _params, now) => [runnerTitle(data, now), ...runnerLines(data, now)],
	}),
});
