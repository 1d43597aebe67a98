// An install's action workflows: the latest run of each, one run.
import type {NuonClient} from './client.js';
import {listAll} from './paging.js';
import {eitherRoute, getData} from './route-memory.js';
import type {ActionWorkflowRun, InstallActionWorkflow} from './types.js';

const id = encodeURIComponent;

/**
 * The latest run of each action workflow of an install (`/actions/…` today, `/action-workflows/…`
 * before).
 */
export const listLatestRuns = (client: NuonClient, installId: string) =>
	eitherRoute(
		client,
		'latest-runs',
		[
			`/v1/installs/${id(installId)}/actions/latest-runs`,
			`/v1/installs/${id(installId)}/action-workflows/latest-runs`,
		],
		path => listAll<InstallActionWorkflow>(client, path),
	);

export const getActionRun = (client: NuonClient, installId: string, runId: string) =>
	eitherRoute(
		client,
		'action-run',
		[
			`/v1/installs/${id(installId)}/actions/runs/${id(runId)}`,
			`/v1/installs/${id(installId)}/action-workflows/runs/${id(runId)}`,
		],
		getData<ActionWorkflowRun>(client),
	);
