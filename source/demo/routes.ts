// The demo API's routes: what each path answers from the scenario at time t, on today's server and
// on August 2025's.
import type {IncomingMessage} from 'node:http';
import type {DemoApi} from './api-mode.js';
import type {Scenario} from './scenario.js';
import type {DemoInstall} from './world.js';
import * as todays from './todays-shapes.js';

export interface Request {
	params: string[];
	/** A POST's body, parsed (undefined when it is not JSON). */
	body?: unknown;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	t: number;
	api: DemoApi;
}

/** `each`: what an item of the list is sent as, made only for the items of the page asked for. */
export type Answer =
	| {status: number; body: unknown; headers?: Record<string, string>}
	| {list: unknown[]; each?: (item: never) => unknown}
	| {status: number; text: string; type: string}
	| {status: number; gzipJson: unknown};
export type Handler = (scenario: Scenario, request: Request) => Answer;

const notFound = (what: string): Answer => ({
	status: 404,
	body: {error: 'not found', user_error: true, description: `${what} not found`},
});
const ok = (body: unknown): Answer => ({status: 200, body});

function withInstall(
	handler: (
		scenario: Scenario,
		install: NonNullable<ReturnType<Scenario['findInstall']>>,
		request: Request,
	) => Answer,
): Handler {
	return (scenario, request) => {
		const install = scenario.findInstall(request.params[0]!);
		return install ? handler(scenario, install, request) : notFound(`install ${request.params[0]}`);
	};
}

const found = (body: unknown, what: string): Answer => (body === undefined ? notFound(what) : ok(body));

/** What gin answers for a path no route of the public API has. */
export const routerNotFound: Answer = {status: 404, text: '404 page not found', type: 'text/plain'};

/** Today's shape of an object (todays-shapes.ts) on today's server, the full one on the contract's. */
const shaped = <T>(api: Request['api'], object: T, today: (object: T) => T): T =>
	api === 'today' ? today(object) : object;

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
	const descending = api === 'today' && query.get('order') === 'desc';
	const page = descending
		? records
				.filter(r => cursor === undefined || r.ns < cursor)
				.reverse()
				.slice(0, LOG_PAGE)
		: records.filter(r => cursor === undefined || r.ns > cursor).slice(0, LOG_PAGE);
	const next = page.length === LOG_PAGE ? String(page.at(-1)!.ns) : '';
	return {status: 200, body: page.map(r => r.record), headers: {'x-nuon-api-next': next}};
}

const orgOf = (headers: IncomingMessage['headers']) => String(headers['x-nuon-org-id'] ?? '');

const search = (query: URLSearchParams) => (name: string) =>
	name.toLowerCase().includes((query.get('q') ?? '').toLowerCase());

export const ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/general\/cli-config$/,
		() =>
			ok({
				dashboard_url: 'https://app.nuon.co',
				auth_domain: 'auth.nuon.co',
				auth_audience: 'api.nuon.co',
				auth_client_id: 'demo',
			}),
	],
	[/^\/v1\/apps$/, scenario => ({list: scenario.apps.map(app => scenario.app(app))})],
	[/^\/v1\/orgs$/, scenario => ({list: scenario.orgs()})],
	// orgs/service/get_org_accounts.go: the org-admin accounts, paged.
	[/^\/v1\/orgs\/current\/accounts$/, scenario => ({list: scenario.accounts()})],
	[
		/^\/v1\/installs$/,
		(scenario, {query, headers, t, api}) => ({
			list: scenario.installsOf(orgOf(headers)).filter(i => search(query)(i.name)),
			each: (i: DemoInstall) => scenario.listedInstall(i, t, api),
		}),
	],
	[
		/^\/v1\/apps\/([^/]+)\/installs$/,
		(scenario, {params, query, headers, t, api}) => {
			const app = scenario.apps.find(a => a.id === params[0] || a.catalog.name === params[0]);
			if (!app) return notFound(`app ${params[0]}`);
			return {
				list: scenario.installsOf(orgOf(headers)).filter(i => i.app === app && search(query)(i.name)),
				each: (i: DemoInstall) => scenario.install(i, t, api),
			};
		},
	],
	[
		/^\/v1\/apps\/([^/]+)\/components$/,
		(scenario, {params}) => {
			const app = scenario.apps.find(a => a.id === params[0] || a.catalog.name === params[0]);
			return app ? {list: app.components.map(c => scenario.component(c))} : notFound(`app ${params[0]}`);
		},
	],
	[
		/^\/v1\/installs\/([^/]+)$/,
		withInstall((scenario, install, {t, api}) => ok(scenario.install(install, t, api))),
	],
	[
		/^\/v1\/installs\/([^/]+)\/components$/,
		withInstall((scenario, install, {t, api}) => ({
			list: install.components.map(ic =>
				shaped(api, scenario.installComponent(install, ic, t), todays.installComponent),
			),
		})),
	],
	// Removed on 2025-11-17: today the path falls through to the component route below.
	[
		/^\/v1\/installs\/([^/]+)\/components\/summary$/,
		withInstall((scenario, install, {t, api}) =>
			api === 'today'
				? notFound('install component summary')
				: {list: install.components.map(ic => scenario.componentSummary(install, ic, t))},
		),
	],
	[
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)$/,
		withInstall((scenario, install, {params, t, api}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const latest = scenario.latestDeploy(install, ic, t);
			return ok({
				...shaped(api, scenario.installComponent(install, ic, t), todays.installComponent),
				install_deploys: latest ? [latest] : [],
			});
		}),
	],
	[
		// Today's server ends this query with GORM's First: it answers the newest deploy only (404 if none).
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys$/,
		withInstall((scenario, install, {params, t, api}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const deploys = scenario.componentDeploys(ic, t);
			// Its query (get_install_component_deploys.go) preloads only the author and the build, as the latest
			// deploy's.
			if (api === 'today')
				return deploys.length ? ok(deploys.slice(0, 1).map(todays.latestDeploy)) : notFound('install deploy');
			return {list: deploys};
		}),
	],
	[
		/^\/v1\/installs\/([^/]+)\/deploys$/,
		withInstall((scenario, install, {t}) => ({list: scenario.installDeploys(install, t)})),
	],
	[
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys\/latest$/,
		withInstall((scenario, install, {params, t, api}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const deploy = scenario.latestDeploy(install, ic, t);
			return deploy ? ok(shaped(api, deploy, todays.latestDeploy)) : notFound('install deploy');
		}),
	],
	[
		// runners/service/get_runner_job.go: the job (from its view: execution_count) with its latest execution
		// only.
		/^\/v1\/runner-jobs\/([^/]+)$/,
		(scenario, {params, t}) => found(scenario.runnerJob(params[0]!, t), `runner job ${params[0]}`),
	],
	[
		// Today only the runners' API has this route (runners/service/service.go, RegisterRunnerRoutes).
		/^\/v1\/runner-jobs\/([^/]+)\/executions$/,
		(scenario, {params, t, api}) => {
			if (api === 'today') return routerNotFound;
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
			return api === 'today' ? {status: 200, text: plan, type: 'text/plain; charset=utf-8'} : ok(plan);
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
	[
		/^\/v1\/installs\/([^/]+)\/deploys\/([^/]+)$/,
		withInstall((scenario, install, {params, t, api}) => {
			const deploy = scenario.deploy(params[1]!, t);
			return deploy && deploy.install_id === install.id
				? ok(shaped(api, deploy, todays.deployById))
				: notFound(`deploy ${params[1]}`);
		}),
	],
	[
		/^\/v1\/installs\/([^/]+)\/workflows$/,
		withInstall((scenario, install, {t}) => ({list: scenario.installWorkflows(install, t)})),
	],
	[
		/^\/v1\/workflows\/([^/]+)$/,
		(scenario, {params, t}) => found(scenario.workflow(params[0]!, t), `workflow ${params[0]}`),
	],
	[
		/^\/v1\/workflows\/([^/]+)\/steps$/,
		(scenario, {params, t}) => found(scenario.workflowSteps(params[0]!, t), `workflow ${params[0]}`),
	],
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)$/,
		(scenario, {params, t}) =>
			found(
				scenario.workflowSteps(params[0]!, t)?.find(step => step.id === params[1]),
				`workflow step ${params[1]}`,
			),
	],
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/approvals\/([^/]+)$/,
		(scenario, {params, t}) =>
			found(
				scenario.approval(params[0]!, params[1]!, params[2]!, t)?.approval,
				`workflow step approval ${params[2]}`,
			),
	],
	[
		// The server stores the plan as a JSON text and sends it gzipped, as application/json.
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/approvals\/([^/]+)\/contents$/,
		(scenario, {params, t}) => {
			const approval = scenario.approval(params[0]!, params[1]!, params[2]!, t);
			return approval
				? {status: 200, gzipJson: approval.contents}
				: notFound(`workflow step approval ${params[2]}`);
		},
	],
];

/** The writes both servers take. */
export const POST_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/approvals\/([^/]+)\/response$/,
		(scenario, {params, body, t, api}) =>
			scenario.respondToApproval(params[0]!, params[1]!, params[2]!, body, t, api),
	],
	[/^\/v1\/workflows\/([^/]+)\/cancel$/, (scenario, {params, t}) => scenario.cancelWorkflow(params[0]!, t)],
	// The contract's retry (deprecated today): the step in the body.
	[
		/^\/v1\/workflows\/([^/]+)\/retry$/,
		(scenario, {params, body, t}) => scenario.retryStep(params[0]!, undefined, body, t),
	],
];

/** installs/service/update_workflow.go (both servers): approve all. */
export const PATCH_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/workflows\/([^/]+)$/,
		(scenario, {params, body, t, api}) => scenario.updateWorkflow(params[0]!, body, t, api),
	],
];

/** Today's retry of one step. */
export const TODAYS_POST_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/retry$/,
		(scenario, {params, body, t}) => scenario.retryStep(params[0]!, params[1]!, body, t),
	],
];

/** Today's routes that the contract lacks (the contract's own routes for the same things are deprecated). */
export const TODAYS_ROUTES: Array<[RegExp, Handler]> = [
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
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys\/([^/]+)$/,
		withInstall((scenario, install, {params, t}) => {
			const deploy = scenario.deploy(params[2]!, t);
			if (!deploy || deploy.install_id !== install.id) return notFound(`deploy ${params[2]}`);
			return deploy.component_id === params[1]
				? ok(todays.deployById(deploy))
				: notFound(`deploy ${params[2]} does not belong to component ${params[1]}`);
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
