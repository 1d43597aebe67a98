// The demo API's routes for workflows, their steps and approvals, and the writes on them.
import {since} from './api-mode.js';
import {found, notFound, ok, withInstall, type Handler, type Request} from './route-kit.js';
import type {Scenario} from './scenario.js';

/** A workflow of the rollout, a drift check's, else one no deploy asks for (plan-runs.ts). */
const anyWorkflow = (scenario: Scenario, id: string, {t, api}: Request) =>
	scenario.workflow(id, t, api) ?? scenario.driftRun(id, t) ?? scenario.planRunWorkflow(id, t, api);
const stepsOf = (scenario: Scenario, id: string, {t, api}: Request) =>
	scenario.workflowSteps(id, t) ?? scenario.planRunWorkflow(id, t, api)?.steps;

export const WORKFLOW_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/installs\/([^/]+)\/workflows$/,
		// installs/service/get_workflows.go: `planonly=false` leaves out plan-only workflows (since 2025-08-25).
		withInstall((scenario, install, {t, api, query}) => ({
			list: [
				...scenario.planRunWorkflowsOf(install, t, api),
				...scenario.installWorkflows(install, t, api),
			].filter(
				workflow => !(since(api, '2025-12') && query.get('planonly') === 'false' && workflow.plan_only),
			),
		})),
	],
	[
		/^\/v1\/workflows\/([^/]+)$/,
		(scenario, request) =>
			found(anyWorkflow(scenario, request.params[0]!, request), `workflow ${request.params[0]}`),
	],
	[
		// Paged since API 0.19.1006 (SDK 2026-06-12: get_workflow_steps.py takes offset, limit 10, page;
		// installs/service/get_workflow_steps.go scopes WithOffsetPagination); whole before (2025-12's).
		/^\/v1\/workflows\/([^/]+)\/steps$/,
		(scenario, request) => {
			const steps = stepsOf(scenario, request.params[0]!, request);
			if (!steps) return notFound(`workflow ${request.params[0]}`);
			// Paged since API 0.19.1006 (get_workflow_steps.go); whole before.
			return since(request.api, '2026') ? {list: steps} : ok(steps);
		},
	],
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)$/,
		(scenario, request) =>
			found(
				stepsOf(scenario, request.params[0]!, request)?.find(step => step.id === request.params[1]),
				`workflow step ${request.params[1]}`,
			),
	],
	[
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/approvals\/([^/]+)$/,
		(scenario, request) => {
			const [workflowId, stepId, approvalId] = request.params as [string, string, string];
			const step = stepsOf(scenario, workflowId, request)?.find(found => found.id === stepId);
			const approval = step?.approval?.id === approvalId ? step.approval : undefined;
			return found(approval, `workflow step approval ${approvalId}`);
		},
	],
	[
		// The server stores the plan as a JSON text and sends it gzipped, as application/json.
		/^\/v1\/workflows\/([^/]+)\/steps\/([^/]+)\/approvals\/([^/]+)\/contents$/,
		(scenario, request) => {
			const [workflowId, stepId, approvalId] = request.params as [string, string, string];
			const approval = scenario.approval(workflowId, stepId, approvalId, request.t);
			if (approval) return {status: 200, gzipJson: approval.contents};
			const step = stepsOf(scenario, workflowId, request)?.find(found => found.id === stepId);
			return step?.approval?.id === approvalId
				? {status: 200, gzipJson: scenario.planRunContents(workflowId, request.api)}
				: notFound(`workflow step approval ${approvalId}`);
		},
	],
];

/** 2026 (API 0.19.852): registered before `/v1/workflows/:workflow_id` (installs/service/service.go). */
export const NEWEST_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/workflows\/pending-approvals$/,
		(scenario, {t, api}) => ({list: scenario.pendingApprovals(t, api)}),
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
		(scenario, {params, body, t}) => scenario.updateWorkflow(params[0]!, body, t),
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
