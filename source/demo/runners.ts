// Each install's runner at scenario time t, as the runners service answers for it
// (services/ctl-api/internal/app/runners/service/). One install's runner stops sending heartbeats
// mid-rollout (world.ts, RUNNER_OUTAGE): its deploys wait, queued, until it is back.
import type {RunnerJob} from '../api/resources.js';
import type {components} from '../api/schema.js';
import {jobObject, jobsOf} from './jobs.js';
import {deployExists, iso, ORG_ID, type DemoInstall, type World} from './world.js';

type Schemas = components['schemas'];

export const runnerIdOf = (install: DemoInstall) => `run${install.id.slice(3)}`;
export const RUNNER_VERSION = 'v0.19.642';
/** Heartbeats come every 5 s; /connected says connected while the latest is at most 15 s old
 * (get_runner_connected_status.go). */
const HEARTBEAT_EVERY = 5;
const CONNECTED_WINDOW = 15;

/** offline_check.go marks a runner offline once its last health check is too old: a while after it
 * stopped. */
const OFFLINE_AFTER = 20;

const down = (install: DemoInstall, t: number) =>
	!!install.runnerOutage && t >= install.runnerOutage.from && t < install.runnerOutage.to;

/** The runner's status and description, as the installs list copies them (install.go, AfterQuery). */
export function runnerStatus(install: DemoInstall, t: number): {status: string; description: string} {
	// offline_check.go marks a runner offline once its last active health check is too old.
	return down(install, t) && t >= install.runnerOutage!.from + OFFLINE_AFTER
		? {status: 'offline', description: 'runner is offline'}
		: {status: 'active', description: 'runner is healthy'};
}

const platformOf = (install: DemoInstall) =>
	install.cloud === 'aws' ? 'aws-ecs' : install.cloud === 'azure' ? 'azure-aks' : 'gcp-gke';

/** When the runner's process started: after the outage, when it came back. */
const startedAt = (install: DemoInstall, t: number) =>
	install.runnerOutage && t >= install.runnerOutage.to ? install.runnerOutage.to : -3 * 86_400;

/** The latest heartbeat's time: the outage's start while it is down. */
function lastBeat(install: DemoInstall, t: number): number {
	if (down(install, t)) return install.runnerOutage!.from;
	return Math.floor(t / HEARTBEAT_EVERY) * HEARTBEAT_EVERY;
}

/** get_runner_ctl_api.go: the runner with its group (platform) and the group's settings. */
export type DemoRunner = Schemas['app.Runner'] & {runner_group: Schemas['app.RunnerGroup']};

export function runner(world: World, install: DemoInstall, t: number): DemoRunner {
	const {status, description} = runnerStatus(install, t);
	return {
		id: runnerIdOf(install),
		org_id: ORG_ID,
		name: `install-runner-${install.name}`,
		display_name: `${install.name} runner`,
		status: status as Schemas['app.Runner']['status'],
		status_description: description,
		runner_group_id: `rgr${install.id.slice(3)}`,
		created_at: new Date(install.createdAt).toISOString(),
		updated_at: iso(world, down(install, t) ? install.runnerOutage!.from : startedAt(install, t)),
		runner_group: {
			id: `rgr${install.id.slice(3)}`,
			owner_id: install.id,
			owner_type: 'installs',
			platform: platformOf(install) as Schemas['app.RunnerGroup']['platform'],
			type: 'install' as Schemas['app.RunnerGroup']['type'],
		},
	};
}

/** A heartbeat as the runner_heart_beats table has it (the contract's /latest-heart-beat). */
export function heartBeat(world: World, install: DemoInstall, t: number): Schemas['app.RunnerHeartBeat'] {
	const at = lastBeat(install, t);
	return {
		id: `rhb${install.id.slice(3, 19)}${Math.max(0, Math.round(at))}`,
		runner_id: runnerIdOf(install),
		created_at: iso(world, at),
		updated_at: iso(world, at),
		started_at: iso(world, startedAt(install, t)),
		// time.Duration: nanoseconds.
		alive_time: Math.max(0, at - startedAt(install, t)) * 1e9,
		version: RUNNER_VERSION,
	};
}

/** get_runner_latest_runner_heart_beat_from_view.go: the newest heartbeat of each process, by process. */
export function latestHeartBeats(world: World, install: DemoInstall, t: number): Record<string, unknown> {
	const {id: _id, updated_at: _updated, created_at, ...beat} = heartBeat(world, install, t);
	return {install: {...beat, process: 'install', created_at}};
}

/** get_runner_connected_status.go: connected while the latest heartbeat is at most 15 s old. */
export function connected(world: World, install: DemoInstall, t: number, now: number) {
	const at = world.startedAt + (lastBeat(install, t) * 1000) / world.speed;
	const seconds = Math.floor(at / 1000);
	return {
		connected: Math.floor(now / 1000) - seconds <= CONNECTED_WINDOW,
		latest_heartbeat_timestamp: seconds,
	};
}

/**
 * get_runner_recent_health_checks.go: the window's health checks (one a minute), oldest first. While
 * the runner is offline the health-check cron skips it (cron_health_check.go, isNoopHealthCheck): a gap.
 */
export function recentHealthChecks(
	world: World,
	install: DemoInstall,
	t: number,
	windowSeconds = 3600,
): Array<Schemas['app.RunnerHealthCheck']> {
	const checks: Array<Schemas['app.RunnerHealthCheck']> = [];
	const last = Math.floor(t / 60) * 60;
	for (let at = last - windowSeconds + 60; at <= last; at += 60) {
		if (down(install, at)) continue;
		checks.push({
			id: `rhc${install.id.slice(3, 19)}${at + 1_000_000}`,
			runner_id: runnerIdOf(install),
			status: 'active',
			status_code: 0,
			minute_bucket: iso(world, at),
			created_at: iso(world, at),
			updated_at: iso(world, at),
		} as Schemas['app.RunnerHealthCheck']);
	}
	return checks;
}

/**
 * get_runner_jobs_ctl_api.go: the runner's jobs, newest first, filtered by `status`/`statuses` and
 * `group`/`groups` (comma-separated). A started deploy's jobs are queued on the runner from the
 * moment the deploy is.
 */
export function runnerJobs(
	world: World,
	install: DemoInstall,
	t: number,
	query: URLSearchParams,
): RunnerJob[] {
	const listOf = (one: string, many: string) =>
		(query.get(one) || query.get(many) || '')
			.split(',')
			.map(word => word.trim())
			.filter(Boolean);
	const statuses = listOf('status', 'statuses');
	const groups = listOf('group', 'groups');
	const found: RunnerJob[] = [];
	for (const ic of install.components) {
		for (const deployId of ic.deployIds) {
			const entry = world.deploys.get(deployId)!;
			if (!deployExists(entry, t)) continue;
			for (const job of jobsOf(world, deployId)) {
				const created = Math.min(job.from - 1, entry.schedule.queuedAt);
				if (created > t) continue;
				const object = {...jobObject(world, job, deployId, t), created_at: iso(world, created)};
				if (statuses.length && !statuses.includes(String(object.status))) continue;
				if (groups.length && !groups.includes(String(object.group))) continue;
				found.push(object);
			}
		}
	}
	return found.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
}

export const findRunnerInstall = (world: World, runnerId: string): DemoInstall | undefined =>
	world.installByBase.get(runnerId.slice(3, 19));
