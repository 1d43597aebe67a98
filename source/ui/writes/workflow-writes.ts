// The writes a workflow's screens offer (approve, the other answers to a plan, approve all, retry,
// skip, cancel): for a step, which apply (only where the server takes them) and what their
// confirmation names and says will happen, each re-checked against the server just before it is
// sent; and the hook that asks for them and follows the workflow until Nuon has acted.
import {useEffect, useRef, useState} from 'react';
import type {NuonClient} from '../../api/client.js';
import {NuonApiError} from '../../api/errors.js';
import * as api from '../../api/resources.js';
import {formatChangeCounts, readPlan, type ApprovalPlan} from '../../domain/approval-plan.js';
import {ago, formatTimestamp} from '../../domain/time.js';
import {oneLine} from '../../domain/text.js';
import {statusIs} from '../../domain/status.js';
import {answerWord} from '../../domain/approval-words.js';
import {accountLabel, createdByEmail} from '../../domain/accounts.js';
import {answerableApproval, canRerun, stepLabel, stepState} from '../../domain/workflow-steps.js';
import {fetchWorkflow} from '../../state/fetchers.js';
import {useAccountEmails, useWorkflow, type WorkflowData} from '../../state/data.js';
import {forget, remember, sentAt} from '../../state/sent-writes.js';
import {useClient} from '../../state/resource.js';
import {useExplorer} from '../shell/context.js';
import {commandHint, WRITE_COMMANDS, type CommandId} from '../keys/commands.js';
import {commandsWithKey, type KeyPress} from '../keys/keymap.js';
import {AlreadyDone, useWrite, type Write, type WriteChoice} from './use-write.js';

export interface WriteTarget {
	client: NuonClient;
	orgLabel: string;
	installId: string;
	installName: string;
	workflow: {id: string; name: string; status?: string; approvalOption?: string; createdAt?: string};
	step?: api.WorkflowStep;
	/** Every step of the workflow (approve all lists those waiting). */
	steps?: readonly api.WorkflowStep[];
	/** The plan the step's approval asks about, once loaded. */
	plan?: ApprovalPlan;
	/**
	 * Account id → e-mail, to name who answered (useAccountEmails), as it is when a check runs: it may
	 * arrive after the confirmation opened.
	 */
	emails?: {readonly current: ReadonlyMap<string, string>};
}

type Fact = readonly [string, string];

/** Statuses in which the server lets a workflow be cancelled (installs/service/cancel_workflow.go). */
const CANCELLABLE = new Set(['in-progress', 'pending', 'approval-awaiting', 'awaiting-approval']);

/** How a write follows what it changed: the state it reads, which Nuon acting on the write changes. */
export interface Followed {
	key: string;
	state: (data: WorkflowData) => string;
	label: string;
}

export type WorkflowWrite = Write & {follow: Followed};

const stepOf = (data: WorkflowData, id: string) => data.steps.find(step => step.id === id);

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

/** Reads the workflow again and says why the write no longer applies, or nothing when it does. */
const recheck =
	(client: NuonClient, workflowId: string, why: (data: WorkflowData) => string | undefined) => async () =>
		why(await fetchWorkflow(client, workflowId));

const alreadyAnswered = (error: unknown) =>
	error instanceof NuonApiError &&
	error.status === 400 &&
	/already has a response/i.test(`${error.description ?? ''} ${error.apiError ?? ''}`);

/** `a`: approve; `d`: the other answers, to choose from. */
function approvalWrites(
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
		effect,
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

function approveAllWrite(target: WriteTarget, facts: (...more: Fact[]) => Fact[]): WorkflowWrite | string {
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
			'Nuon approves each plan waiting now and every plan a later step asks for, without asking anyone.',
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

/** What a write needs to know of the workflow it acts on. */
export const writeTargetWorkflow = (
	id: string,
	name: string,
	workflow: api.Workflow | undefined,
): WriteTarget['workflow'] => ({
	id,
	name,
	status: typeof workflow?.status?.status === 'string' ? workflow.status.status : undefined,
	approvalOption: typeof workflow?.approval_option === 'string' ? workflow.approval_option : undefined,
	createdAt: typeof workflow?.created_at === 'string' ? workflow.created_at : undefined,
});

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
	const page = await api.listInstallWorkflowsPage(target.client, target.installId, 0);
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

/** How often a workflow is read while following a write, and for how long at most. */
export const FOLLOW_MS = 1000;
export const FOLLOW_FOR_MS = 60_000;

/**
 * A workflow screen's data and writes: `onKey` asks for the write a key means (saying why when
 * there is none) and takes every key while a confirmation is open; under --read-only it asks for
 * nothing. Once Nuon has taken a write, the workflow is read every second until what it changes
 * has moved (the server acts on an answer at its own next poll), and `following` says so.
 */
export function useWorkflowWrites(workflowId: string) {
	const {readOnly, say} = useExplorer();
	const client = useClient();
	const [following, setFollowing] = useState<{followed: Followed; from: string; since: number}>();
	const workflow = useWorkflow(workflowId, following ? FOLLOW_MS : undefined);
	const data = useRef(workflow.data);
	data.current = workflow.data;
	const accountEmails = useAccountEmails();
	const emails = useRef(accountEmails);
	emails.current = accountEmails;
	const write = useWrite({
		refresh: workflow.refresh,
		onSent: sent => {
			const {follow} = sent as Partial<WorkflowWrite>;
			if (!follow || !data.current) return;
			const from = follow.state(data.current);
			remember(client, follow.key, from);
			setFollowing({followed: follow, from, since: Date.now()});
		},
	});
	useEffect(() => {
		if (!following || !workflow.data) return;
		const now = following.followed.state(workflow.data);
		if (now !== following.from) {
			forget(client, following.followed.key);
			setFollowing(undefined);
			return;
		}
		if (Date.now() - following.since > FOLLOW_FOR_MS) {
			setFollowing(undefined);
			say(
				`${following.followed.label}: Nuon has not acted after ${FOLLOW_FOR_MS / 1000} s; r reads it again`,
			);
		}
	}, [workflow.data, following, say, client]);
	const onKey = (
		command: CommandId | undefined,
		press: KeyPress | undefined,
		target: () => WriteTarget,
	): boolean => {
		if (write.key(command, press)) return true;
		if (readOnly) {
			// Unbound under --read-only, a write's key would otherwise mean something else, or nothing.
			const unbound = !command && press && commandsWithKey(press.name).find(c => WRITE_COMMANDS.has(c.id));
			if (unbound)
				say(
					`${commandHint(unbound.id) ?? unbound.id}: not here: nuon-tui was started read-only ` +
						`(--read-only), so it changes nothing in Nuon`,
				);
			return !!unbound;
		}
		if (!command || !WRITE_COMMANDS.has(command)) return false;
		const found = writeFor(command, {...target(), emails});
		if (typeof found === 'string') say(`${commandHint(command) ?? command}: ${found}`);
		else write.ask(found);
		return true;
	};
	return {
		workflow,
		onKey,
		panel: write.panel,
		following: following ? ` · sent, waiting for Nuon` : '',
		notice: following
			? `⟳ sent; waiting for Nuon to act on ${following.followed.label} (it looks again every second)`
			: undefined,
	};
}
