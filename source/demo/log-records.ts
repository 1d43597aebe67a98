// Log streams and their records at scenario time t, with nanosecond timestamps.
import type {components} from '../api/schema.js';
import {executionLines, runLines, type LogLine} from './log-lines.js';
import {SECOND, deployEntry, iso, type World} from './world.js';
import {findJob, jobsOf} from './jobs.js';
import {findRun} from './run-windows.js';

type Schemas = components['schemas'];

/** The stream's lines (all of them, written or not yet) and when it closes. */
export function streamSource(
	world: World,
	streamId: string,
): {lines: LogLine[]; closesAt: number; opensAt: number; ownerId: string; ownerType: string} | undefined {
	const base = streamId.slice(3);
	if (streamId.startsWith('lgd')) {
		const deployId = `ind${base}`;
		const entry = deployEntry(world, deployId);
		if (!entry) return undefined;
		const lines = jobsOf(world, deployId).flatMap(job => job.executions.flatMap(e => executionLines(job, e)));
		return {
			lines,
			opensAt: entry.schedule.queuedAt,
			closesAt: entry.schedule.doneAt,
			ownerId: deployId,
			ownerType: 'install_deploys',
		};
	}
	if (streamId.startsWith('lgj')) {
		const found = findJob(world, `rjb${base}`);
		if (!found) return undefined;
		const {job} = found;
		const lines = job.executions.flatMap(e => executionLines(job, e));
		return {lines, opensAt: job.from, closesAt: job.to, ownerId: job.id, ownerType: 'runner_jobs'};
	}
	if (streamId.startsWith('lgr') || streamId.startsWith('lgc')) {
		const run = findRun(world, `${streamId.startsWith('lgr') ? 'awr' : 'awc'}${base}`);
		if (!run) return undefined;
		return {
			lines: runLines(run.window),
			opensAt: run.window.from,
			closesAt: run.window.to,
			ownerId: run.window.id,
			ownerType: 'install_action_workflow_runs',
		};
	}
	return undefined;
}

// ---- logs ---------------------------------------------------------------------------------------
export function streamObject(
	world: World,
	id: string,
	ownerId: string,
	ownerType: string,
	open: boolean,
	createdAt: number,
): Schemas['app.LogStream'] {
	return {
		id,
		owner_id: ownerId,
		owner_type: ownerType,
		created_at: iso(world, createdAt),
		...(open ? {open: true} : {}),
	};
}

export function logStream(world: World, streamId: string, t: number): Schemas['app.LogStream'] | undefined {
	const source = streamSource(world, streamId);
	if (!source || t < source.opensAt) return undefined;
	return streamObject(world, streamId, source.ownerId, source.ownerType, t < source.closesAt, source.opensAt);
}

/** The records written by `t`, oldest first, with their nanosecond timestamps. */
export function logRecords(
	world: World,
	streamId: string,
	t: number,
): Array<{ns: bigint; record: Schemas['app.OtelLogRecord']}> | undefined {
	const source = streamSource(world, streamId);
	if (!source || t < source.opensAt) return undefined;
	return source.lines
		.map((line, index) => ({line, index, ns: nanos(world, line)}))
		.filter(({line}) => line.at <= t)
		.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : a.index - b.index))
		.map(({line, index, ns}) => ({
			ns,
			record: {
				id: `olr${streamId.slice(3, 20)}${String(index).padStart(6, '0')}`,
				log_stream_id: streamId,
				timestamp: nanosToTimestamp(ns),
				severity_text: line.severity,
				severity_number: SEVERITY_NUMBER[line.severity],
				body: line.body,
				service_name: 'nuon-runner',
				runner_job_id: line.jobId,
				runner_job_execution_id: line.executionId,
				runner_job_execution_step: line.executionStep,
				log_attributes: line.step ? {workflow_step_name: line.step} : ({} as Record<string, string>),
			},
		}));
}

export function nanos(world: World, line: LogLine): bigint {
	const ms = Math.floor(world.startedAt + line.at * SECOND);
	const subMillisecond = line.nanos || Math.floor(((world.startedAt + line.at * SECOND) % 1) * 1e6);
	return BigInt(ms) * 1_000_000n + BigInt(subMillisecond);
}

const SEVERITY_NUMBER = {DEBUG: 5, INFO: 9, WARN: 13, ERROR: 17} as const;

/** RFC 3339 with nanoseconds, as the API writes log timestamps. */
export function nanosToTimestamp(ns: bigint): string {
	const ms = Number(ns / 1_000_000n);
	const fraction = String(ns % 1_000_000_000n).padStart(9, '0');
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${fraction}Z`);
}
