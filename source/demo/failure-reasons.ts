// What the server of 2026 says about a failure: a failed deploy's and runner job's `composite_error`
// (compositeerrors.CompositeErrorData: SDK 0.19.1012 on deploys, 0.19.1117 on runner jobs and their
// execution results) and a deploy's `policy_reports` (0.19.771). Older servers send none of them.
import type {InstallDeploy, RunnerJob} from '../api/resources.js';
import {since, type DemoApi} from './api-mode.js';
import type {DemoDeploy} from './world-types.js';

/** The demo's Helm chart that fails: a release left pending (runners/errparse/helm). */
const HELM_PENDING = {
	version: 1,
	type: 'helm.pending_operation',
	severity: 'error',
	message: 'Helm release is stuck in pending-upgrade from an operation that never finished',
	sections: [
		{
			kind: 'markdown',
			heading: 'How to fix',
			body:
				'Recover the release (nuon installs components recover-helm-release --component <component>), ' +
				'then deploy the component again.',
		},
		{kind: 'code', heading: 'Output', body: 'Error: UPGRADE FAILED: release is stuck in pending-upgrade'},
	],
	data: {status: 'pending-upgrade'},
	hints: {skip_auto_retry: 'true'},
};

const failed = (status: unknown) => status === 'error' || status === 'failed';

/** A deploy's policy report from the check its step ran (app.PolicyReport, its violations). */
const policyReport = (deployId: string, policy: NonNullable<DemoDeploy['policy']>) => ({
	id: `prp${deployId.slice(3)}`,
	owner_id: deployId,
	owner_type: 'install_deploys',
	deny_count: policy.passed ? 0 : 1,
	warn_count: 1,
	violations: [
		...(policy.passed
			? []
			: [
					{
						policy_name: 'require-requests-limits',
						severity: 'deny',
						input_identity: 'Deployment/default/api',
						message: policy.response,
					},
				]),
		{
			policy_name: 'disallow-latest-tag',
			severity: 'warn',
			input_identity: 'Deployment/default/api',
			message: 'an image tagged :latest will not be pinned',
		},
	],
});

const withJobReason = (job: RunnerJob): RunnerJob =>
	failed(job.status) ? ({...job, composite_error: HELM_PENDING} as RunnerJob) : job;

/** On 2026, a job as the server sends it: a failed one with its reason. */
export const jobAsSent = (api: DemoApi, job: RunnerJob): RunnerJob =>
	since(api, '2026') ? withJobReason(job) : job;

/**
 * On 2026, a deploy as the server sends it: a failed one with its reason (and its failed jobs' own),
 * one whose step ran a policy check with its report.
 */
export function deployAsSent(
	api: DemoApi,
	deploy: InstallDeploy,
	policy: DemoDeploy['policy'] | undefined,
): InstallDeploy {
	if (!since(api, '2026')) return deploy;
	const status = deploy.status_v2?.status ?? deploy.status;
	return {
		...deploy,
		...(failed(status) ? {composite_error: HELM_PENDING} : {}),
		...(policy && deploy.id ? {policy_reports: [policyReport(deploy.id, policy)]} : {}),
		...(deploy.runner_jobs ? {runner_jobs: deploy.runner_jobs.map(withJobReason)} : {}),
	} as InstallDeploy;
}
