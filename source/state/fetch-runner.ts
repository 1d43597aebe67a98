// An install's runner as its level shows it: five requests side by side (the runner, whether it is
// connected, its latest heartbeat, recent health checks, its jobs); what fails is named.
import type {NuonClient} from '../api/client.js';
import {describeError} from '../api/errors.js';
import type {RunnerJob} from '../api/resources.js';
import * as runners from '../api/runners.js';

/** What the runner level shows; each part may be missing (`failed` says which and why). */
export interface RunnerData {
	runner?: runners.Runner;
	connection?: runners.RunnerConnection;
	heartBeat?: runners.HeartBeat;
	checks?: runners.HealthCheck[];
	jobs: RunnerJob[];
	failed: string[];
}

/** Five requests, side by side; what fails is named, the rest is shown (all failing is an error). */
export async function fetchRunner(client: NuonClient, runnerId: string): Promise<RunnerData> {
	const parts = [
		['runner', runners.getRunner(client, runnerId)],
		['connection', runners.getRunnerConnection(client, runnerId)],
		['heartbeat', runners.getLatestHeartBeat(client, runnerId)],
		['health checks', runners.listRecentHealthChecks(client, runnerId)],
		['jobs', runners.listRunnerJobs(client, runnerId)],
	] as const;
	const answers = await Promise.allSettled(parts.map(([, promise]) => promise));
	const failed = answers.flatMap((answer, index) =>
		answer.status === 'rejected' ? [`${parts[index]![0]}: ${describeError(answer.reason)}`] : [],
	);
	if (failed.length === parts.length) throw (answers[0] as PromiseRejectedResult).reason;
	const value = <T>(index: number) =>
		answers[index]!.status === 'fulfilled' ? (answers[index] as PromiseFulfilledResult<T>).value : undefined;
	return {
		runner: value(0),
		connection: value(1),
		heartBeat: value(2),
		checks: value(3),
		jobs: value<RunnerJob[]>(4) ?? [],
		failed,
	};
}
