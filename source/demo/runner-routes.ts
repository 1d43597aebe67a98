// The runners service's public routes (runners/service/service.go, RegisterPublicRoutes) the demo
// plays: the runner, whether it is connected, its heartbeats, health checks and jobs.
import {notFound, ok, type Answer, type Handler, type Request} from './route-kit.js';
import type {Scenario} from './scenario.js';
import type {DemoInstall} from './world.js';
import type {RunnerJob} from '../api/resources.js';
import {baseTableJob} from './todays-shapes.js';
import {jobAsSent} from './failure-reasons.js';

/** Each handler first reads the runner (getRunner): an unknown id is a 404. */
const withRunner =
	(handler: (scenario: Scenario, install: DemoInstall, request: Request) => Answer): Handler =>
	(scenario, request) => {
		const install = scenario.findRunnerInstall(request.params[0]!);
		return install ? handler(scenario, install, request) : notFound(`runner ${request.params[0]}`);
	};

/** A Go duration such as `1h` or `30m`, in seconds (the handler answers an error for any other). */
const windowSeconds = (value: string | null) => {
	const match = /^(\d+)(h|m|s)$/.exec(value ?? '1h');
	return match ? Number(match[1]) * {h: 3600, m: 60, s: 1}[match[2] as 'h' | 'm' | 's'] : 3600;
};

/** Both servers. */
export const RUNNER_ROUTES: Array<[RegExp, Handler]> = [
	// get_runner_ctl_api.go: the runner with its group and the group's settings.
	[/^\/v1\/runners\/([^/]+)$/, withRunner((scenario, install, {t}) => ok(scenario.runner(install, t)))],
	// get_runner_connected_status.go
	[
		/^\/v1\/runners\/([^/]+)\/connected$/,
		withRunner((scenario, install, {t}) => ok(scenario.runnerConnected(install, t))),
	],
	// get_runner_latest_runner_heart_beat.go (the contract's route)
	[
		/^\/v1\/runners\/([^/]+)\/latest-heart-beat$/,
		withRunner((scenario, install, {t}) => ok(scenario.runnerHeartBeat(install, t))),
	],
	// get_runner_recent_health_checks.go: `window` (default 1h), oldest first, paged.
	[
		/^\/v1\/runners\/([^/]+)\/recent-health-checks$/,
		withRunner((scenario, install, {t, query}) => ({
			list: scenario.recentHealthChecks(install, t, windowSeconds(query.get('window'))),
		})),
	],
	// get_runner_jobs_ctl_api.go: newest first, `statuses` and `groups` filters, paged; from the base table
	// (`scopes.WithDisableViews` since 2025-02-25, nothing preloaded): no executions, count or outputs. Its
	// composite_error column is sent on 2026.
	[
		/^\/v1\/runners\/([^/]+)\/jobs$/,
		withRunner((scenario, install, {t, query, api}) => ({
			list: scenario.runnerJobs(install, t, query),
			each: (job: RunnerJob) => jobAsSent(api, baseTableJob(job)),
		})),
	],
];

/** Today's only. */
export const TODAYS_RUNNER_ROUTES: Array<[RegExp, Handler]> = [
	// get_runner_latest_runner_heart_beat_from_view.go: process → its newest heartbeat.
	[
		/^\/v1\/runners\/([^/]+)\/heart-beats\/latest$/,
		withRunner((scenario, install, {t}) => ok(scenario.latestHeartBeats(install, t))),
	],
	// get_runner_card_details.go: the runner and its latest heartbeat.
	[
		/^\/v1\/runners\/([^/]+)\/card-details$/,
		withRunner((scenario, install, {t}) =>
			ok({runner: scenario.runner(install, t), latest_heart_beat: scenario.runnerHeartBeat(install, t)}),
		),
	],
];
