// The latest deploy as lines: what happened (status, history, jobs, runs) and what was deployed.
import {awaitsApproval} from '../../domain/status.js';
import type {InstallDeploy} from '../../api/resources.js';
import {countStatuses, formatCounts} from '../../domain/install.js';
import {ago, formatNanoseconds, formatTimestamp} from '../../domain/time.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {items} from '../../domain/fields.js';
import {failureLines} from './failure-lines.js';

export function deployStatusLines(deploy: InstallDeploy, now: number): Line[] {
	const v2 = deploy.status_v2;
	const current = v2?.status ?? deploy.status;
	const jobs = items(deploy.runner_jobs);
	const runs = items(deploy.action_workflow_runs);
	const history = items(v2?.history);
	return [
		heading('Status'),
		field('status', current, current ?? ''),
		text(v2?.status_human_description || deploy.status_description || '', {muted: true}),
		field(
			'since',
			v2?.created_at_ts
				? `${formatTimestamp(v2.created_at_ts)} (${ago(v2.created_at_ts, now)})`
				: formatTimestamp(deploy.updated_at),
		),
		field('deploy status', deploy.status, deploy.status ?? ''),
		...(awaitsApproval(current) || awaitsApproval(deploy.status)
			? [
					text(
						'waits for a person to approve its plan: w opens its workflow, where ⏎ on the step shows ' +
							'the plan' +
							(deploy.workflow_id || deploy.install_workflow_id ? '' : ' (this deploy names no workflow)'),
						{status: 'approval-awaiting'},
					),
				]
			: []),
		...failureLines(deploy),
		blank,
		heading(`History (${history.length})`),
		...(history.length
			? history.map(h =>
					text(
						`${formatTimestamp(h.created_at_ts)}  ${h.status ?? '?'}  ${h.status_human_description ?? ''}`,
						{status: h.status ?? ''},
					),
				)
			: [text('no earlier statuses', {muted: true})]),
		blank,
		heading(`Runner jobs (${jobs.length})`),
		...(jobs.length
			? [text(formatCounts(countStatuses(jobs.map(j => j.status))), {muted: true})]
			: [text('no runner jobs yet', {muted: true})]),
		...jobs.map(job =>
			text(
				`${job.status ?? '?'}  ${[job.group, job.operation].filter(Boolean).join('/')}  ${job.type ?? ''} ` +
					` ${formatNanoseconds(job.execution_time)}`,
				{status: job.status ?? ''},
			),
		),
		blank,
		heading(`Action workflow runs (${runs.length})`),
		...(runs.length
			? [text(formatCounts(countStatuses(runs.map(r => r.status_v2?.status ?? r.status))), {muted: true})]
			: [text('no action workflow runs', {muted: true})]),
		...runs.map(run => {
			const status = run.status_v2?.status ?? run.status ?? '';
			return text(`${status}  ${run.trigger_type ?? 'run'}  ${formatNanoseconds(run.execution_time)}`, {
				status,
			});
		}),
		blank,
		text('⏎ jobs & runs, their executions and steps   L logs of this deploy', {muted: true}),
	];
}

export function deployFactLines(deploy: InstallDeploy, now: number): Line[] {
	const artifact = deploy.oci_artifact;
	return [
		heading('Deploy'),
		field('id', deploy.id),
		field('type', deploy.install_deploy_type),
		field('component', deploy.component_name),
		field('created by', deploy.created_by?.email || deploy.created_by_id),
		field('workflow', deploy.workflow_id ?? deploy.install_workflow_id),
		field('created', `${formatTimestamp(deploy.created_at)} (${ago(deploy.created_at, now)})`),
		field('updated', `${formatTimestamp(deploy.updated_at)} (${ago(deploy.updated_at, now)})`),
		blank,
		heading('Release'),
		field('build id', deploy.build_id),
		field('release id', deploy.release_id),
		field('config version', deploy.component_config_version),
		blank,
		heading('OCI artifact'),
		...(artifact
			? [
					field('repository', artifact.repository),
					field('tag', artifact.tag),
					field('digest', artifact.digest),
				]
			: [text('no artifact recorded', {muted: true})]),
		blank,
		heading('Logs'),
		field('log stream', deploy.log_stream?.id),
		field('stream', deploy.log_stream ? (deploy.log_stream.open ? 'open' : 'closed') : undefined),
	];
}
