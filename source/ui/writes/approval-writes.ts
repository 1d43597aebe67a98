// The answers to a plan a workflow step waits on: approve, the other answers to choose from, approve
// all; each re-checked against the server just before it is sent.
import {NuonApiError} from '../../api/errors.js';
import * as api from '../../api/resources.js';
import {formatChangeCounts, readPlan} from '../../domain/approval-plan.js';
import {ago} from '../../domain/time.js';
import {statusIs} from '../../domain/status.js';
import {answerWord} from '../../domain/approval-words.js';
import {accountLabel, createdByEmail} from '../../domain/accounts.js';
import {answerableApproval, stepLabel, stepState} from '../../domain/workflow-steps.js';
import {fetchWorkflow} from '../../state/fetchers.js';
import {AlreadyDone, type Write, type WriteChoice} from './use-write.js';
import {
	CANCELLABLE,
	recheck,
	stepOf,
	type Fact,
	type Followed,
	type WorkflowWrite,
	type WriteTarget,
} from './write-target.js';

/** When an answer takes effect: the server polls for it (pkg/flow/approval.go, wait_for_approval_response.go:
 * every 15 s). */
const NUON_LOOKS = 'Nuon looks at answers about every 15 s.';

/** The other answers to a plan (`d`), each saying what happens next. */
const OTHER_ANSWERS: ReadonlyArray<{
	answer: api.ApprovalAnswer;
	title: string;
	effect: string;
	done: string;
}> = [
	{
		answer: 'deny',
		title: 'Deny the plan',
		effect: 'Nothing of the plan is applied; the step is marked denied and the workflow stops with an error.',
		done: 'denied the plan of',
	},
	{
		answer: 'deny-skip-current',
		title: 'Deny and skip this step',
		effect:
			'Nothing of the plan is applied; the step is skipped and the workflow goes on with its next steps ' +
			'(a server older than October 2025 takes this as a plain deny).',
		done: 'denied and skipped',
	},
	{
		answer: 'deny-skip-current-and-dependents',
		title: 'Deny and skip what depends on it',
		effect:
			'Nothing of the plan is applied. A sandbox step skips every component deploy after it; for a ' +
			'component deploy Nuon today skips only this step. The workflow goes on (a server older than ' +
			'October 2025 takes this as a plain deny).',
		done: 'denied and skipped (with what depends on it)',
	},
	{
		answer: 'retry',
		title: 'Plan again',
		effect: 'Nothing is applied now; Nuon makes a new plan and asks for approval again.',
		done: 'asked Nuon to plan again:',
	},
];

/** Who answered an approval and when, from the step as the server has it now. */
function answerOf(
	step: api.WorkflowStep | undefined,
	emails: ReadonlyMap<string, string> = new Map(),
): string {
	const response = step?.approval?.response;
	if (!response) return 'answered by someone else';
	const who = accountLabel(response.created_by_id, emails, createdByEmail(response)) ?? 'someone';
	const when = response.created_at ? ` ${ago(response.created_at, Date.now())}` : '';
	const note = response.note ? ` (“${response.note}”)` : '';
	return `answered already: ${answerWord(response.type)} by ${who}${when}${note}`;
}

const alreadyAnswered = (error: unknown) =>
	error instanceof NuonApiError &&
	error.status === 400 &&
	/already has a response/i.test(`${error.description ?? ''} ${error.apiError ?? ''}`);

/** `a`: approve; `d`: the other answers, to choose from. */
export function approvalWrites(
	command: 'approve' | 'deny',
	target: WriteTarget,
	step: api.WorkflowStep,
	facts: (...more: Fact[]) => Fact[],
): Write | WriteChoice | string {
	const {client, workflow} = target;
	const approval = answerableApproval(step);
	if (!approval?.id) {
		if (step.approval?.response) return answerOf(step, target.emails?.current);
		return step.approval?.id
			? `${statusIs('the step', step.status?.status)}: only a step waiting for approval takes an answer`
			: 'this step is not waiting for an approval';
	}
	const stepId = step.id!;
	const base = facts(
		['step', `${stepLabel(step)} (${stepId})`],
		['approval', `${approval.type ?? 'approval'} (${approval.id})`],
		['plan', target.plan ? formatChangeCounts(target.plan.counts) : 'not loaded (P shows it)'],
	);
	const follow: Followed = {
		key: `step:${stepId}`,
		state: data => stepState(stepOf(data, stepId)),
		label: stepLabel(step),
	};
	const answer = (response: api.ApprovalAnswer) => async (note: string) => {
		try {
			await api.respondToApproval(client, workflow.id, stepId, approval.id!, response, note);
		} catch (error) {
			if (!alreadyAnswered(error)) throw error;
			throw new AlreadyDone(
				answerOf(stepOf(await fetchWorkflow(client, workflow.id), stepId), target.emails?.current),
			);
		}
	};
	const check = recheck(client, workflow.id, data => {
		const now = stepOf(data, stepId);
		if (!now) return 'the step is gone from the workflow';
		return answerableApproval(now)?.id === approval.id
			? undefined
			: now.approval?.response
				? answerOf(now, target.emails?.current)
				: `${statusIs('the step', now.status?.status)} now`;
	});
	const write = (
		title: string,
		response: api.ApprovalAnswer,
		effect: string,
		done: string,
		note?: string,
	): WorkflowWrite => ({
		title,
		facts: base,
		effect: `${effect} ${NUON_LOOKS}`,
		...(note ? {note} : {}),
		check,
		send: answer(response),
		done: `${done} ${stepLabel(step)}; waiting for Nuon to act`,
		follow,
	});
	if (command === 'approve')
		return write(
			'Approve the plan',
			'approve',
			'Nuon applies the plan once it picks up the answer.',
			'approved the plan of',
		);
	return {
		title: 'Answer the plan without approving it',
		choices: OTHER_ANSWERS.map(other =>
			write(other.title, other.answer, other.effect, other.done, 'Type a note for the record (optional).'),
		),
	};
}

export function approveAllWrite(
	target: WriteTarget,
	facts: (...more: Fact[]) => Fact[],
): WorkflowWrite | string {
	const {client, workflow} = target;
	if (workflow.approvalOption === 'approve-all')
		return 'every plan of this workflow is approved already (approve all is on)';
	if (workflow.status && !CANCELLABLE.has(workflow.status) && workflow.status !== 'approved')
		return `${statusIs('the workflow', workflow.status)}: nothing is left to approve`;
	const waiting = (target.steps ?? []).filter(step => answerableApproval(step)?.id);
	return {
		title: 'Approve all the plans of the workflow',
		facts: facts([
			'waiting now',
			waiting.length ? `${waiting.length} step${waiting.length === 1 ? '' : 's'}` : 'none yet',
		]),
		load: async () => ({
			facts: await Promise.all(
				waiting.map(async (step): Promise<Fact> => {
					const plan = await api
						.getApprovalContents(client, workflow.id, step.id!, step.approval!.id!)
						.then(readPlan, () => undefined);
					return [
						stepLabel(step),
						plan && !plan.problem ? formatChangeCounts(plan.counts) : 'plan not readable (P shows it)',
					];
				}),
			),
		}),
		effect:
			'Nuon approves each plan waiting now and every plan a later step asks for, without asking anyone. ' +
			NUON_LOOKS,
		check: recheck(client, workflow.id, data =>
			data.workflow.approval_option === 'approve-all' ? 'approve all is on already' : undefined,
		),
		send: () => api.approveAll(client, workflow.id),
		done: `approve all is on for ${workflow.name}; waiting for Nuon to act`,
		follow: {
			key: `workflow:${workflow.id}:approve-all`,
			state: data => data.steps.map(stepState).join(','),
			label: workflow.name,
		},
	};
}
