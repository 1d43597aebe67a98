// The demo API's routes for runner jobs and their plans, action runs and log streams.
import {since} from './api-mode.js';
import {
	found,
	notFound,
	ok,
	routerNotFound,
	shaped,
	withInstall,
	type Answer,
	type Handler,
	type Request,
} from './route-kit.js';
import type {Scenario} from './scenario.js';
import * as todays from './todays-shapes.js';
import {jobAsSent} from './failure-reasons.js';

const LOG_PAGE = 100;

/**
 * Log records after (order=asc) or before (order=desc) the nanosecond cursor in X-Nuon-API-Offset,
 * 100 at most; X-Nuon-API-Next is the next cursor, empty when fewer than 100 came back.
 */
function logs(scenario: Scenario, {params, query, headers, t, api}: Request): Answer {
	const records = scenario.logRecords(params[0]!, t);
	if (!records) return notFound(`log stream ${params[0]}`);
	const offset = String(headers['x-nuon-api-offset'] ?? '');
	const cursor = /^\d+$/.test(offset) ? BigInt(offset) : undefined;
	// Before 2025-11-19 the server ignored `order` and always read forward from the offset.
	const descending = since(api, '2025-12') && query.get('order') === 'desc';
	const page = descending
		? records
				.filter(r => cursor === undefined || r.ns < cursor)
				.reverse()
				.slice(0, LOG_PAGE)
		: records.filter(r => cursor === undefined || r.ns > cursor).slice(0, LOG_PAGE);
	const next = page.length === LOG_PAGE ? String(page.at(-1)!.ns) : '';
	return {status: 200, body: page.map(r => r.record), headers: {'x-nuon-api-next': next}};
}

export const JOB_ROUTES: Array<[RegExp, Handler]> = [
	[
		// runners/service/get_runner_job.go: the job (from its view: execution_count) with its latest execution
		// only.
		/^\/v1\/runner-jobs\/([^/]+)$/,
		(scenario, {params, t, api}) => {
			const job = scenario.runnerJob(params[0]!, t);
			return found(job && jobAsSent(api, job), `runner job ${params[0]}`);
		},
	],
	[
		// Today only the runners' API has this route (runners/service/service.go, RegisterRunnerRoutes).
		/^\/v1\/runner-jobs\/([^/]+)\/executions$/,
		(scenario, {params, t, api}) => {
			if (since(api, '2025-12')) return routerNotFound;
			const executions = scenario.executions(params[0]!, t);
			// Not really paged: up to 1000, newest first, whatever the limit.
			return executions ? ok(executions.slice(0, 1000)) : notFound(`runner job ${params[0]}`);
		},
	],
	[
		/^\/v1\/runner-jobs\/([^/]+)\/plan$/,
		(scenario, {params, t, api}) => {
			const deployPlan = scenario.deployPlan(params[0]!, t);
			if (deployPlan === undefined) return notFound('plan');
			const plan = JSON.stringify(deployPlan);
			// runners/service/get_runner_job_plan.go: today the stored plan JSON is the body, as text (ctx.String);
			// the contract says a JSON string.
			return since(api, '2025-12') ? {status: 200, text: plan, type: 'text/plain; charset=utf-8'} : ok(plan);
		},
	],
	[
		/^\/v1\/installs\/([^/]+)\/action-workflows\/latest-runs$/,
		withInstall((scenario, install, {t, api}) => ({
			list: scenario.latestRuns(install, t).map(workflow => shaped(api, workflow, todays.latestRuns)),
		})),
	],
	[
		/^\/v1\/installs\/([^/]+)\/action-workflows\/runs\/([^/]+)$/,
		withInstall((scenario, install, {params, t, api}) => {
			const run = scenario.actionRun(install, params[1]!, t);
			return found(run && shaped(api, run, todays.actionRun), `action workflow run ${params[1]}`);
		}),
	],
	[
		/^\/v1\/log-streams\/([^/]+)$/,
		(scenario, {params, t}) => found(scenario.logStream(params[0]!, t), `log stream ${params[0]}`),
	],
	[/^\/v1\/log-streams\/([^/]+)\/logs$/, (scenario, request) => logs(scenario, request)],
];

/** Today's routes that the contract lacks (the contract's own routes for the same things are deprecated). */
export const TODAYS_JOB_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/installs\/([^/]+)\/actions\/latest-runs$/,
		withInstall((scenario, install, {t}) => ({list: scenario.latestRuns(install, t).map(todays.latestRuns)})),
	],
	[
		/^\/v1\/installs\/([^/]+)\/actions\/runs\/([^/]+)$/,
		withInstall((scenario, install, {params, t}) => {
			const run = scenario.actionRun(install, params[1]!, t);
			return found(run && todays.actionRun(run), `action run ${params[1]}`);
		}),
	],
	[
		// runners/service/get_runner_job_composite_plan.go (since 2025-09-25): the stored composite plan; a
		// deploy job's is `deploy_plan`.
		/^\/v1\/runner-jobs\/([^/]+)\/composite-plan$/,
		(scenario, {params, t}) => {
			const deployPlan = scenario.deployPlan(params[0]!, t);
			return deployPlan === undefined ? notFound('runner job plan') : ok({deploy_plan: deployPlan});
		},
	],
];
