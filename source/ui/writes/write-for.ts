// Which write a key asks for on a workflow's screens (approve, the other answers, approve all, retry,
// skip, cancel), only where the server takes it, and what its confirmation names and says will
// happen; or why there is none.
import * as api from '../../api/resources.js';
import {ago, formatTimestamp} from '../../domain/time.js';
import {oneLine} from '../../domain/text.js';
import {statusIs} from '../../domain/status.js';
import {canRerun, stepLabel, stepState} from '../../domain/workflow-steps.js';
import {sentAt} from '../../state/sent-writes.js';
import type {CommandId} from '../keys/commands.js';
import type {Write, WriteChoice} from './use-write.js';
import {approvalWrites, approveAllWrite} from './approval-writes.js';
import {
	CANCELLABLE,
	recheck,
	stepOf,
	type Fact,
	type WorkflowWrite,
	type WriteTarget,
} from './write-target.js';

/** The write a key asks for here, or why there is none. */
export function writeFor(command: CommandId, target: WriteTarget): Write | WriteChoice | string {
	const {client, workflow, step} = target;
	const facts = (...more: Fact[]): Fact[] => [
		['org', target.orgLabel],
		['install', target.installName],
		['workflow', `${workflow.name} (${workflow.id})`],
		...more,
	];
	if (command === 'approveAll') return approveAllWrite(target, facts);
	if (command === 'cancelWorkflow') {
		if (!workflow.status || !CANCELLABLE.has(workflow.status))
			return (
				(workflow.status ? statusIs('the workflow', workflow.status) : 'the workflow is not loaded yet') +
				': only a running, queued or waiting workflow can be cancelled'
			);
		const write: WorkflowWrite = {
			title: 'Cancel the workflow',
			facts: facts(['status', workflow.status]),
			effect: 'Steps not finished stop and do not run.',
			check: recheck(client, workflow.id, data =>
				CANCELLABLE.has(String(data.workflow.status?.status))
					? undefined
					: `${statusIs('the workflow', data.workflow.status?.status)} now`,
			),
			send: () => api.cancelWorkflow(client, workflow.id),
			done: `asked Nuon to cancel ${workflow.name}`,
			follow: {
				key: `workflow:${workflow.id}`,
				state: data => String(data.workflow.status?.status ?? ''),
				label: workflow.name,
			},
		};
		return write;
	}
	if (!step?.id) return 'no step selected';
	const stepId = step.id;
	const waited = sentAt(client, `step:${stepId}`, stepState(step));
	if (waited !== undefined)
		return `sent ${Math.round((Date.now() - waited) / 1000)} s ago; waiting for Nuon to act on it`;
	if (command === 'approve' || command === 'deny') return approvalWrites(command, target, step, facts);
	if (command === 'retryStep' || command === 'skipStep') {
		const operation = command === 'retryStep' ? 'retry-step' : 'skip-step';
		const verb = command === 'retryStep' ? 'retried' : 'skipped';
		if (!canRerun(step, operation))
			return `${stepLabel(step)} cannot be ${verb}: only a failed step (status error) that allows it`;
		const write: WorkflowWrite = {
			title: command === 'retryStep' ? 'Retry the step' : 'Skip the step',
			facts: facts(['step', `${stepLabel(step)} (${stepId})`], ['status', String(step.status?.status)]),
			effect:
				command === 'retryStep'
					? 'Nuon runs the step again, then the steps after it.'
					: 'Nuon marks the step skipped and runs the steps after it.',
			load: () => newerWorkflows(target, command === 'retryStep' ? 'a retry' : 'a skip'),
			check: recheck(client, workflow.id, data =>
				canRerun(stepOf(data, stepId), operation)
					? undefined
					: stepOf(data, stepId)
						? `${statusIs('the step', stepOf(data, stepId)?.status?.status)} now`
						: 'the step is gone from the workflow',
			),
			send: () => api.retryStep(client, workflow.id, stepId, operation),
			done:
				`asked Nuon to ${command === 'retryStep' ? 'retry' : 'skip'} ${stepLabel(step)}; waiting for ` +
				`Nuon to act`,
			follow: {key: `step:${stepId}`, state: data => stepState(stepOf(data, stepId)), label: stepLabel(step)},
		};
		return write;
	}
	return 'not a write';
}

/**
 * When the workflow was made, and the install's workflows made since: a retry or skip in a workflow
 * that a newer one has replaced re-runs an old release, so the user types `old` to send it.
 */
async function newerWorkflows(
	target: WriteTarget,
	verb: string,
): Promise<{facts: Fact[]; mustType?: {word: string; why: string}}> {
	const {workflow} = target;
	const created = Date.parse(workflow.createdAt ?? '');
	const facts: Fact[] = [
		[
			'made',
			workflow.createdAt
				? `${formatTimestamp(workflow.createdAt)} (${ago(workflow.createdAt, Date.now())})`
				: 'not said',
		],
	];
	// A plan-only workflow (a drift check) changed nothing: it replaces no release.
	const page = await api.listInstallWorkflowsPage(target.client, target.installId, 0, {
		withoutPlanOnly: true,
	});
	const newer = page.items.filter(
		other => other.id !== workflow.id && Date.parse(String(other.created_at)) > created,
	);
	const newest = newer.sort((a, b) => Date.parse(String(b.created_at)) - Date.parse(String(a.created_at)))[0];
	if (!newest) return {facts: [...facts, ['newer', 'none: the install’s newest workflow']]};
	const name = oneLine(newest.name || String(newest.type ?? newest.id));
	facts.push([
		'replaced by',
		`${name} (${String(newest.status?.status ?? '?')}, made ` +
			`${ago(String(newest.created_at), Date.now())})` +
			(newer.length > 1 ? ` and ${newer.length - 1} more` : ''),
	]);
	return {
		facts,
		mustType: {
			word: 'old',
			why: `${name} has run on this install since: ${verb} here runs this older workflow again.`,
		},
	};
}
