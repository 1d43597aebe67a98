// The runners service's public routes (runners/service/service.go, RegisterPublicRoutes): a runner,
// whether it is connected, its latest heartbeat, its recent health checks and its jobs.
import type {NuonClient} from './client.js';
import type {components} from './schema.js';
import {listAll, listPage} from './paging.js';
import {eitherRoute, getData} from './route-memory.js';
import type {RunnerJob} from './types.js';

type Schemas = components['schemas'];
/** get_runner_ctl_api.go preloads the runner group (its platform) and the group's settings. */
export type Runner = Schemas['app.Runner'] & {runner_group?: Schemas['app.RunnerGroup']};
export type RunnerConnection = Schemas['service.RunnerConnectionStatus'];
export type HealthCheck = Schemas['app.RunnerHealthCheck'] & {process?: string};
/** A heartbeat: the table's row (the contract's route) or the view's (today's, per process). */
export interface HeartBeat {
	created_at?: string;
	started_at?: string;
	alive_time?: number;
	version?: string;
	process?: string;
}

const id = encodeURIComponent;

export const getRunner = (client: NuonClient, runnerId: string) =>
	getData<Runner>(client)(`/v1/runners/${id(runnerId)}`);

export const getRunnerConnection = (client: NuonClient, runnerId: string) =>
	getData<RunnerConnection>(client)(`/v1/runners/${id(runnerId)}/connected`);

/**
 * The newest heartbeat: today's `/heart-beats/latest` (get_runner_latest_runner_heart_beat_from_view.go)
 * answers one per process (`install`, `mng`, `org`), the newest of which is taken; the contract's
 * `/latest-heart-beat` answers the row itself.
 */
export const getLatestHeartBeat = (client: NuonClient, runnerId: string): Promise<HeartBeat | undefined> =>
	eitherRoute(
		client,
		'heart-beats-latest',
		[`/v1/runners/${id(runnerId)}/heart-beats/latest`, `/v1/runners/${id(runnerId)}/latest-heart-beat`],
		async path => {
			const body = await getData<unknown>(client)(path);
			return path.endsWith('/latest-heart-beat') ? (body as HeartBeat) : newestBeat(body);
		},
	);

export function newestBeat(byProcess: unknown): HeartBeat | undefined {
	if (!byProcess || typeof byProcess !== 'object' || Array.isArray(byProcess)) return undefined;
	const beats = Object.values(byProcess).filter(
		(beat): beat is HeartBeat => !!beat && typeof beat === 'object' && !Array.isArray(beat),
	);
	return beats.sort((a, b) => String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')))[0];
}

/** The last hour's health checks, oldest first (one a minute: 60, a page of 100). */
export const listRecentHealthChecks = (client: NuonClient, runnerId: string) =>
	listAll<HealthCheck>(client, `/v1/runners/${id(runnerId)}/recent-health-checks`, {window: '1h'});

/** The runner's newest jobs (queued, in progress and recent), newest first: one page. */
export const listRunnerJobs = async (client: NuonClient, runnerId: string, limit = 50) =>
	(await listPage<RunnerJob>(client, `/v1/runners/${id(runnerId)}/jobs`, 0, {}, limit)).items;
