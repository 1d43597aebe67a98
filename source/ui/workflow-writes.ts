// The writes a workflow's screens offer (approve, deny, retry, skip, cancel): for a step, which
// apply and what their confirmation names (pure but for the request each one sends), and the keys
// that ask for them.
import type {NuonClient} from '../api/client.js';
import * as api from '../api/resources.js';
import {formatChangeCounts, type ApprovalPlan} from '../domain/approval-plan.js';
import type {Key} from 'ink';
import {useExplorer} from './context.js';
import {commandHint, WRITE_COMMANDS, type CommandId} from './keys.js';
import {useWrite, type Write} from './use-write.js';
import {pendingApproval, stepLabel} from '../domain/workflow-steps.js';

export interface WriteTarget {
	client: NuonClient;
	orgLabel: string;
	installName: string;
	workflow: {id: string; name: string; status?: string};
	step?: api.WorkflowStep;
	/** The plan the step's approval asks about, once loaded. */
	plan?: ApprovalPlan;
}

/** Statuses in which the server lets a workflow be cancelled. */
const CANCELLABLE = new Set(['in-progress', 'pending', 'approval-awaiting', 'awaiting-approval']);

/** The write a key asks for here, or why there is none. */
export function writeFor(command: CommandId, target: WriteTarget): Write | string {
	const {client, workflow, step} = target;
	const facts = (...more: Array<readonly [string, string]>): Array<readonly [string, string]> => [
		['org', target.orgLabel],
		['install', target.installName],
		['workflow', `${workflow.name} (${workflow.id})`],
		...more,
	];
	if (command === 'cancelWorkflow') {
		if (!workflow.status || !CANCELLABLE.has(workflow.status)) return `the workflow is ${workflow.status ?? 'not loaded yet'}: only a running workflow can be cancelled`;
		return {title: 'Cancel the workflow', facts: facts(['status', workflow.status], ['effect', 'steps not finished stop and do not run']), send: () => api.cancelWorkflow(client, workflow.id), done: `cancelled workflow ${workflow.name}`};
	}
	if (!step?.id) return 'no step selected';
	const stepFact = ['step', `${stepLabel(step)} (${step.id})`] as const;
	if (command === 'approve' || command === 'deny') {
		const approval = pendingApproval(step);
		if (!approval?.id) return step.approval?.response ? `the approval was answered already (${step.approval.response.type ?? 'answered'})` : 'this step is not waiting for an approval';
		const planFact = ['plan', target.plan ? formatChangeCounts(target.plan.counts) : 'not loaded (P shows it)'] as const;
		const response = command === 'approve' ? 'approve' : 'deny';
		return {
			title: command === 'approve' ? 'Approve the plan' : 'Deny the plan',
			facts: facts(stepFact, ['approval', `${approval.type ?? 'approval'} (${approval.id})`], planFact),
			...(command === 'deny' ? {note: 'Type a note for the record (optional).'} : {}),
			send: note => api.respondToApproval(client, workflow.id, step.id!, approval.id!, response, note),
			done: `${command === 'approve' ? 'approved' : 'denied'} the plan of ${stepLabel(step)}`,
		};
	}
	if (command === 'retryStep' || command === 'skipStep') {
		const allowed = command === 'retryStep' ? step.retryable : step.skippable;
		if (!allowed) return `${stepLabel(step)} cannot be ${command === 'retryStep' ? 'retried' : 'skipped'} (only a failed step that allows it)`;
		const operation = command === 'retryStep' ? 'retry-step' : 'skip-step';
		return {
			title: command === 'retryStep' ? 'Retry the step' : 'Skip the step',
			facts: facts(stepFact, ['status', step.status?.status ?? '?']),
			send: () => api.retryStep(client, workflow.id, step.id!, operation),
			done: `${command === 'retryStep' ? 'retrying' : 'skipped'} ${stepLabel(step)}`,
		};
	}
	return 'not a write';
}

/**
 * A workflow screen's writes: `onKey` asks for the one a key means (saying why when there is none)
 * and takes every key while a confirmation is open; under --read-only it asks for nothing.
 */
export function useWorkflowWrites(refresh: () => void) {
	const {readOnly, say} = useExplorer();
	const write = useWrite(refresh);
	const onKey = (command: CommandId | undefined, input: string, key: Key, target: () => WriteTarget): boolean => {
		if (write.key(command, input, key)) return true;
		if (!command || !WRITE_COMMANDS.has(command) || readOnly) return false;
		const found = writeFor(command, target());
		if (typeof found === 'string') say(`${commandHint(command) ?? command}: ${found}`);
		else write.ask(found);
		return true;
	};
	/** The screen's write keys worth a hint (none under --read-only). */
	const hints = (ids: readonly CommandId[]) => ids.filter(id => !(readOnly && WRITE_COMMANDS.has(id)));
	return {onKey, panel: write.panel, hints};
}
