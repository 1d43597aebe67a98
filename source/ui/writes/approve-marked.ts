// `a` in the approvals queue: approve the marked approvals (or the selected one) after ONE
// confirmation that lists each with its plan's counts, and asks for the number of deletes and
// replaces to be typed when any plan destroys something. Then one request per approval, one after
// another, each only if its step still waits when it is read again just before; never retried.
import type {NuonClient} from '../../api/client.js';
import {describeError, NuonApiError} from '../../api/errors.js';
import * as api from '../../api/resources.js';
import {
	countsText,
	destructiveCount,
	planType,
	type QueuedApproval,
	whatText,
	whereText,
} from '../../domain/approval-queue.js';
import {oneLine} from '../../domain/text.js';
import {answerableApproval, stepState} from '../../domain/workflow-steps.js';
import {fetchWorkflow} from '../../state/fetchers.js';
import {remember, sentAt} from '../../state/sent-writes.js';
import type {Write} from './use-write.js';

export const approvalName = (entry: QueuedApproval) => oneLine(`${whereText(entry)} › ${whatText(entry)}`);

/** What happened to one approval of the batch. */
export type Outcome = {entry: QueuedApproval; sent: true} | {entry: QueuedApproval; sent: false; why: string};

/** "3 of 4 approved; not approved: acme › api (answered already: deny by …)". Pure. */
export function outcomeText(outcomes: readonly Outcome[]): string {
	const failed = outcomes.filter(outcome => !outcome.sent);
	const head = `${outcomes.length - failed.length} of ${outcomes.length} approved`;
	if (!failed.length) return head;
	return `${head}; not approved: ${failed
		.map(outcome => `${approvalName(outcome.entry)} (${outcome.sent ? '' : outcome.why})`)
		.join(', ')}`;
}

/** The total of deletes and replaces the marked plans would do (what the confirmation asks typed). */
export const destroys = (entries: readonly QueuedApproval[]) =>
	entries.reduce((sum, entry) => sum + destructiveCount(entry), 0);

/** Approves one approval if its step still waits for it: one GET, then at most one POST. */
async function approveOne(client: NuonClient, entry: QueuedApproval): Promise<Outcome> {
	const key = `step:${entry.stepId}`;
	let step: api.WorkflowStep | undefined;
	try {
		step = (await fetchWorkflow(client, entry.workflowId)).steps.find(found => found.id === entry.stepId);
	} catch (error) {
		return {entry, sent: false, why: `could not re-read it first: ${describeError(error)}`};
	}
	if (answerableApproval(step)?.id !== entry.approvalId) {
		const response = step?.approval?.response;
		const why = response
			? `answered already: ${response.type ?? 'answered'} by ${response.created_by_id || 'someone'}`
			: `the step is ${step?.status?.status ?? 'gone'} now`;
		return {entry, sent: false, why};
	}
	if (sentAt(client, key, stepState(step)) !== undefined)
		return {entry, sent: false, why: 'answered from this session already; Nuon has not acted yet'};
	try {
		await api.respondToApproval(client, entry.workflowId, entry.stepId, entry.approvalId, 'approve', '');
		remember(client, key, stepState(step));
		return {entry, sent: true};
	} catch (error) {
		const unknown = error instanceof NuonApiError && (error.kind === 'network' || error.kind === 'timeout');
		return {
			entry,
			sent: false,
			why: unknown
				? `no answer, it may or may not be approved: ${describeError(error)}`
				: describeError(error),
		};
	}
}

/** The one confirmation for the marked approvals; `onDone` hears what happened to each. */
export function approveMarkedWrite(
	client: NuonClient,
	orgLabel: string,
	entries: readonly QueuedApproval[],
	onDone: (outcomes: Outcome[]) => void,
): Write {
	const count = entries.length;
	const total = destroys(entries);
	return {
		title: count === 1 ? 'Approve the plan' : `Approve ${count} plans`,
		facts: [
			['org', orgLabel],
			...entries.map(
				(entry, index) =>
					[`${index + 1}`, `${approvalName(entry)} · ${planType(entry)} · ${countsText(entry)}`] as const,
			),
		],
		effect:
			`Nuon applies each plan once it picks up its answer. One request per approval, one after ` +
			`another, each only if it still waits; none is retried.`,
		load: async () =>
			total > 0
				? {
						facts: [
							['⚠', `${total} to delete or replace ${count === 1 ? 'in this plan' : 'among these plans'}`],
						],
						mustType: {
							word: String(total),
							why:
								count === 1
									? `This plan deletes or replaces ${total}.`
									: `These plans delete or replace ${total}.`,
						},
					}
				: {facts: []},
		send: async () => {
			const outcomes: Outcome[] = [];
			for (const entry of entries) outcomes.push(await approveOne(client, entry));
			onDone(outcomes);
			if (outcomes.some(outcome => !outcome.sent)) throw new Error(outcomeText(outcomes));
		},
		done: `${outcomeText(entries.map(entry => ({entry, sent: true})))}: ${entries
			.map(approvalName)
			.join(', ')}; waiting for Nuon to act`,
	};
}
