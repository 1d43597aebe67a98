// The demo API's routes for workflows, their steps and approvals, and the writes on them.
import {since} from './api-mode.js';
import {found, notFound, withInstall, type Handler} from './route-kit.js';

export const WORKFLOW_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/installs\/([^/]+)\/workflows$/,
		// installs/service/get_workflows.go: `planonly=false` leaves out plan-only workflows (since 2025-08-25).
		withInstall((scenario, install, {t, api, query}) => ({
			list: scenario
				.installWorkflows(install, t)
				.filter(
					workflow => !(since(api, '2025-12') && query.get('planonly') === 'false' && workflow.plan_only),
				),
		})),
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
	[
		/^\/v1\/workflows\/([^/]+)\/cancel$/,
		(scenario, {params, t, api}) => scenario.cancelWorkflow(params[0]!, t, api),
	],
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

/** December 2025's retry of one step (installs/service/retry_workflow_step.go): the body says what. */
export const TODAYS_POST_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/retry$/,
		(scenario, {params, body, t}) => scenario.retryStep(params[0]!, params[1]!, body, t),
	],
];

/** 2026 (API 0.19.894): retry and skip by route, no body read. */
export const NEWEST_POST_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/retry$/,
		(scenario, {params, t}) => scenario.actOnPathStep(params[0]!, params[1]!, 'retry-step', t),
	],
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/skip$/,
		(scenario, {params, t}) => scenario.actOnPathStep(params[0]!, params[1]!, 'skip-step', t),
	],
];
