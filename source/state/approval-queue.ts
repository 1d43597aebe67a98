// Every approval waiting across the org, without a request per install. 2026's server answers them
// all, of every owner type, in one paged route (GET /v1/workflows/pending-approvals, API 0.19.852);
// an older one reads that path as a workflow's id and answers 404, remembered for the session, and
// the queue is found from the org's installs list instead (approval-scan.ts). Either way each plan
// is read once, for its counts (a plan does not change).
import type {NuonClient} from '../api/client.js';
import {NuonApiError} from '../api/errors.js';
import * as api from '../api/resources.js';
import {memoryOf} from '../api/route-memory.js';
import {readPlan} from '../domain/approval-plan.js';
import {type QueuedApproval, queueKey} from '../domain/approval-queue.js';
import {list, record} from '../domain/fields.js';
import {pendingEntries} from '../domain/pending-approvals.js';
import {readWorkflows, unlistedInstalls, waitingWorkflows} from './approval-scan.js';
import {seePastDriftChecks} from './drift-checks.js';

export {waitingWorkflows} from './approval-scan.js';

/** The queue, and the installs whose approvals this server's installs list may hide (named). */
export type ApprovalQueue = QueuedApproval[] & {unlisted?: readonly string[]};

/** The org's installs list, each component's latest deploy past its drift check (drift-checks.ts). */
async function installsList(client: NuonClient): Promise<api.Install[]> {
	const installs = await api.listAllInstalls(client);
	await seePastDriftChecks(client, installs);
	return installs;
}

type PlanSummary = NonNullable<QueuedApproval['plan']>;
interface PlanRead {
	plan: PlanSummary;
	installCount?: number;
}
const plans = new WeakMap<NuonClient, Map<string, PlanRead>>();

/** A plan's counts (a group's: its installs), read once per session (a failure is asked again next time). */
async function planOf(client: NuonClient, entry: QueuedApproval): Promise<PlanRead | undefined> {
	const known = plans.get(client) ?? new Map<string, PlanRead>();
	plans.set(client, known);
	const cached = known.get(queueKey(entry));
	if (cached) return cached;
	try {
		const contents = await api.getApprovalContents(client, entry.workflowId, entry.stepId, entry.approvalId);
		const plan = readPlan(contents);
		// A group's plan (app_branch_plan) lists the installs it takes: {install_group, installs: […]}.
		const installs = record(contents)?.installs;
		const read: PlanRead = {
			plan: {format: plan.format, counts: plan.counts, ...(plan.problem ? {problem: plan.problem} : {})},
			...(Array.isArray(installs) ? {installCount: list(installs).length} : {}),
		};
		known.set(queueKey(entry), read);
		return read;
	} catch {
		return undefined;
	}
}

const PENDING = 'pending-approvals';

/** The org's unanswered approvals, or undefined where the server has no such route (asked once). */
async function pendingApprovals(client: NuonClient): Promise<unknown[] | undefined> {
	const memory = memoryOf(client);
	if (memory.get(PENDING) === 'gone') return undefined;
	try {
		const answer = await api.listPendingApprovals(client);
		memory.set(PENDING, 'current');
		return answer;
	} catch (error) {
		if (memory.get(PENDING) === 'current' || !(error instanceof NuonApiError && error.isNotFound))
			throw error;
		memory.set(PENDING, 'gone');
		return undefined;
	}
}

/**
 * The queue now. `previous` (the last answer) keeps approvals answered since (their workflow read
 * once more, for who answered) and the plans' counts already read.
 */
export async function fetchApprovalQueue(
	client: NuonClient,
	options: {
		appId?: string;
		/** The org's installs list where the caller has it (the screens' cache, which the board polls). */
		installs?: readonly api.Install[];
		previous?: readonly QueuedApproval[];
		/** Told of each waiting deploy's workflow that could not be read (its approvals are missing). */
		onUnread?: (workflowId: string, error: unknown) => void;
	} = {},
): Promise<ApprovalQueue> {
	const installs = (options.installs ?? (await installsList(client))).filter(
		install => !options.appId || install.app_id === options.appId,
	);
	const seen = new Map((options.previous ?? []).map(entry => [queueKey(entry), entry]));
	const pending = await pendingApprovals(client);
	const listed = pending ? pendingEntries(pending, installs, seen, options.appId) : [];
	const listedKeys = new Set(listed.map(queueKey));
	const byWorkflow = pending ? new Map() : waitingWorkflows(installs);
	// Seen waiting, no longer listed as waiting and not known answered: read once more, for the answer.
	for (const entry of seen.values())
		if (!entry.answer && !listedKeys.has(queueKey(entry)) && !byWorkflow.has(entry.workflowId))
			byWorkflow.set(entry.workflowId, []);
	const read = await readWorkflows(client, byWorkflow, seen, options.onUnread);
	const fresh = [...listed, ...read.filter(entry => !listedKeys.has(queueKey(entry)))];
	const freshKeys = new Set(fresh.map(queueKey));
	const kept = [...seen.values()].filter(entry => entry.answer && !freshKeys.has(queueKey(entry)));
	const entries: ApprovalQueue = [...fresh, ...kept];
	await Promise.all(
		entries.map(async entry => {
			if (entry.plan) return;
			const read = await planOf(client, entry);
			entry.plan = read?.plan;
			if (read?.installCount !== undefined) entry.installCount = read.installCount;
		}),
	);
	if (!pending) entries.unlisted = unlistedInstalls(installs);
	return entries;
}
