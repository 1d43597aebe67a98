// What a write on a workflow acts on (the workflow, its step, the install and org it names) and how
// it follows what it changed once sent; the re-read that checks it still applies.
import type {NuonClient} from '../../api/client.js';
import type * as api from '../../api/resources.js';
import type {ApprovalPlan} from '../../domain/approval-plan.js';
import {fetchWorkflow} from '../../state/fetchers.js';
import type {WorkflowData} from '../../state/data.js';
import type {Write} from './use-write.js';

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

export type Fact = readonly [string, string];

/** Statuses in which the server lets a workflow be cancelled (installs/service/cancel_workflow.go). */
export const CANCELLABLE = new Set(['in-progress', 'pending', 'approval-awaiting', 'awaiting-approval']);

/** How a write follows what it changed: the state it reads, which Nuon acting on the write changes. */
export interface Followed {
	key: string;
	state: (data: WorkflowData) => string;
	label: string;
}

export type WorkflowWrite = Write & {follow: Followed};

export const stepOf = (data: WorkflowData, id: string) => data.steps.find(step => step.id === id);

/** Reads the workflow again and says why the write no longer applies, or nothing when it does. */
export const recheck =
	(client: NuonClient, workflowId: string, why: (data: WorkflowData) => string | undefined) => async () =>
		why(await fetchWorkflow(client, workflowId));

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
