// Runner jobs: a job, its executions and the plan it works from.
import type {NuonClient} from './client.js';
import {NuonApiError} from './errors.js';
import {listPage} from './paging.js';
import {memoryOf} from './route-memory.js';
import type {RunnerJob, RunnerJobExecution} from './types.js';
import {items, number} from '../domain/fields.js';
import {readablePlan} from '../domain/runner-plan.js';

const id = encodeURIComponent;

export const getRunnerJob = async (client: NuonClient, jobId: string) =>
	(await client.get<RunnerJob>(`/v1/runner-jobs/${id(jobId)}`)).data;

export interface JobExecutions {
	executions: RunnerJobExecution[];
	/** Only the latest attempt is known: today's public API lists no executions, its job carries the latest
	 * one. */
	latestOnly: boolean;
	/** How many attempts the job has had, when the server said (`execution_count`). */
	count?: number;
}

const EXECUTIONS = 'executions';

/**
 * A runner job's executions (not really paged: up to 1000, newest first). Today only the runners'
 * API has that route (the public one answers its router's 404): then the job itself is read, with
 * its latest execution, and that is remembered for the session.
 */
export async function listExecutions(client: NuonClient, jobId: string): Promise<JobExecutions> {
	const memory = memoryOf(client);
	if (memory.get(EXECUTIONS) !== 'gone') {
		try {
			return {
				executions: (await listPage<RunnerJobExecution>(client, `/v1/runner-jobs/${id(jobId)}/executions`, 0))
					.items,
				latestOnly: false,
			};
		} catch (error) {
			if (!(error instanceof NuonApiError && error.isUnknownRoute)) throw error;
			memory.set(EXECUTIONS, 'gone');
		}
	}
	const job = await getRunnerJob(client, jobId);
	return {
		executions: items<RunnerJobExecution>(job?.executions).slice(0, 1),
		latestOnly: true,
		count: number(job?.execution_count),
	};
}

const PLAN = 'plan';

/**
 * The plan a deploy's runner job works from, as text for the viewer to parse. Today's server has
 * `/composite-plan` (typed JSON, what the dashboard reads; since 2025-09); `/plan` (deprecated)
 * sends the plan itself as `text/plain` today and as a JSON string holding it in the contract.
 * `/composite-plan` answers a 500 for a job whose type it cannot derive a plan for, a JSON 404 for a
 * job without one (runners/service/get_runner_job_composite_plan.go): on any failure `/plan` is
 * read; a server without the route (its router's 404) is asked `/plan` only from then on.
 * An `apply_plan_display` holding JSON is shown as that JSON.
 */
export async function getPlan(client: NuonClient, jobId: string): Promise<string> {
	const memory = memoryOf(client);
	const read = async (path: string) => {
		const {data, headers} = await client.get<string>(path, {as: 'text'});
		return readablePlan(path.endsWith('/composite-plan') ? data : planText(data, headers['content-type']));
	};
	if (memory.get(PLAN) !== 'legacy') {
		try {
			return await read(`/v1/runner-jobs/${id(jobId)}/composite-plan`);
		} catch (error) {
			if (error instanceof NuonApiError && error.isUnknownRoute) memory.set(PLAN, 'legacy');
		}
	}
	return read(`/v1/runner-jobs/${id(jobId)}/plan`);
}

export function planText(body: string, contentType: string | undefined): string {
	if (!/json/i.test(contentType ?? '')) return body;
	try {
		const value: unknown = JSON.parse(body);
		return typeof value === 'string' ? value : body;
	} catch {
		return body;
	}
}
