// The demo API's routes: what each path answers from the scenario at time t, on today's server and
// on August 2025's, by area. A path is matched against a table's routes in their order.
import {JOB_ROUTES, TODAYS_JOB_ROUTES} from './job-routes.js';
import {ORG_ROUTES, TODAYS_ORG_ROUTES} from './org-routes.js';
import type {Handler} from './route-kit.js';
import {WORKFLOW_ROUTES} from './workflow-routes.js';

export {
	NEWEST_POST_ROUTES,
	NEWEST_ROUTES,
	PATCH_ROUTES,
	POST_ROUTES,
	TODAYS_POST_ROUTES,
} from './workflow-routes.js';

/** Both servers' reads. */
export const ROUTES: Array<[RegExp, Handler]> = [...ORG_ROUTES, ...JOB_ROUTES, ...WORKFLOW_ROUTES];

/** Today's routes that the contract lacks (the contract's own routes for the same things are deprecated). */
export const TODAYS_ROUTES: Array<[RegExp, Handler]> = [...TODAYS_JOB_ROUTES, ...TODAYS_ORG_ROUTES];
