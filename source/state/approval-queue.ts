// Every approval waiting across the org, found without a request per install: the org's installs
// list (one request per 100 installs) carries each component's latest deploy
// (`install_components[].install_deploys`, install_deploys_latest_view_v1, get_org_installs.go),
// whose status says `pending-approval`. Only the workflows of those deploys are read (one request
// each, with their steps and approvals: installs/service/get_workflow.go), and each plan once, for
// its counts (a plan does not change).
import type {NuonClient} from '../api/client.js';
import * as api from '../api/resources.js';
import {readPlan} from '../domain/approval-plan.js';
import {type QueuedApproval, queueKey, releaseOf} from '../domain/approval-queue.js';
import {list, record, text} from '../domain/fields.js';
import {installName} from '../domain/install.js';
import {awaitsApproval} from '../domain/status.js';
import {stepLabel} from '../domain/workflow-steps.js';
import {fetchWorkflow} from './fetchers.js';

const str = (value: unknown) => text(value) ?? '';

interface WaitingDeploy {
	install: api.Install;
	componentName: string;
	deployId: string;
	releaseId: string;
}

/** The deploys the installs list says wait for an approval, by the workflow they run in. */
export function waitingWorkflows(installs: readonly api.Install[]): Map<string, WaitingDeploy[]> {
	const byWorkflow = new Map<string, WaitingDeploy[]>();
	for (const install of installs) {
		for (const ic of list(install.install_components)) {
			const deploy = record(list(record(ic)?.install_deploys)[0]);
			const status = str(deploy?.status) || str(record(deploy?.status_v2)?.status);
			const workflowId = str(deploy?.workflow_id) || str(deploy?.install_workflow_id);
			if (!awaitsApproval(status) || !workflowId) continue;
			byWorkflow.set(workflowId, [
				...(byWorkflow.get(workflowId) ?? []),
				{
					install,
					componentName: str(record(record(ic)?.component)?.name),
					deployId: str(deploy?.id),
					releaseId: str(deploy?.release_id),
				},
			]);
		}
	}
	return byWorkflow;
}

type PlanSummary = NonNullable<QueuedApproval['plan']>;
const plans = new WeakMap<NuonClient, Map<string, PlanSummary>>();

/** A plan's counts, read once per session (the answer is kept; a failure is asked again next time). */
async function planOf(client: NuonClient, entry: QueuedApproval): Promise<PlanSummary | undefined> {
	const known = plans.get(client) ?? new Map<string, PlanSummary>();
	plans.set(client, known);
	const cached = known.get(queueKey(entry));
	if (cached) return cached;
	try {
		const plan = readPlan(
			await api.getApprovalContents(client, entry.workflowId, entry.stepId, entry.approvalId),
		);
		const summary = {
			format: plan.format,
			counts: plan.counts,
			...(plan.problem ? {problem: plan.problem} : {}),
		};
		known.set(queueKey(entry), summary);
		return summary;
	} catch {
		return undefined;
	}
}

/** The entries of one workflow's steps: those that wait, and those `seen` waiting before (now answered). */
function entriesOf(
	workflowId: string,
	{workflow, steps}: {workflow: api.Workflow; steps: api.WorkflowStep[]},
	waiting: readonly WaitingDeploy[],
	seen: ReadonlyMap<string, QueuedApproval>,
): QueuedApproval[] {
	const workflowName = str(workflow.name) || String(workflow.type ?? 'workflow');
	return steps.flatMap(step => {
		const approval = step.approval;
		if (!approval?.id || !step.id) return [];
		const before = seen.get(queueKey({workflowId, stepId: step.id, approvalId: approval.id}));
		const answered = approval.response;
		if (answered ? !before : !awaitsApproval(step.status?.status)) return [];
		const deploy = waiting.find(found => found.deployId === step.step_target_id) ?? waiting[0];
		const install = deploy?.install;
		return [
			{
				installId: before?.installId ?? str(install?.id),
				installName: before?.installName ?? (install ? installName(install) : ''),
				appId: before?.appId ?? str(install?.app_id),
				componentName: before?.componentName ?? deploy?.componentName ?? '',
				workflowId,
				workflowName,
				stepId: step.id,
				stepName: stepLabel(step),
				approvalId: approval.id,
				approvalType: str(approval.type),
				requestedAt: str(approval.created_at) || undefined,
				release: releaseOf(workflowName, deploy?.releaseId),
				plan: before?.plan,
				...(answered
					? {
							answer: {
								type: str(answered.type),
								by: str(answered.created_by_id),
								at: str(answered.created_at) || undefined,
								note: str(answered.note),
							},
						}
					: {}),
			},
		];
	});
}

/**
 * The queue now. `previous` (the last answer) keeps approvals answered since (read once more, for
 * who answered) and the plans' counts already read.
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
): Promise<QueuedApproval[]> {
	const installs = (options.installs ?? (await api.listAllInstalls(client))).filter(
		install => !options.appId || install.app_id === options.appId,
	);
	const byWorkflow = waitingWorkflows(installs);
	const seen = new Map((options.previous ?? []).map(entry => [queueKey(entry), entry]));
	// Seen waiting, no longer listed as waiting and not known answered: read once more, for the answer.
	for (const entry of seen.values())
		if (!entry.answer && !byWorkflow.has(entry.workflowId)) byWorkflow.set(entry.workflowId, []);
	const read = await Promise.all(
		[...byWorkflow].map(async ([workflowId, waiting]) => {
			const workflow = await fetchWorkflow(client, workflowId).catch(error => {
				options.onUnread?.(workflowId, error);
				return undefined;
			});
			// A workflow that could not be read keeps what was known of it.
			if (!workflow) return [...seen.values()].filter(entry => entry.workflowId === workflowId);
			return entriesOf(workflowId, workflow, waiting, seen);
		}),
	);
	const fresh = read.flat();
	const freshKeys = new Set(fresh.map(queueKey));
	const kept = [...seen.values()].filter(entry => entry.answer && !freshKeys.has(queueKey(entry)));
	const entries = [...fresh, ...kept];
	await Promise.all(
		entries.map(async entry => {
			entry.plan ??= await planOf(client, entry);
		}),
	);
	return entries;
}
