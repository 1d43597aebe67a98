// `nuon-tui approvals`: every plan waiting for a person across the org (or one app), one line each
// (or one JSON object per line), and an exit code a script can act on: 0 when none waits, 4 when
// some do. Read as the queue reads them (state/approval-queue.ts): the org's pending approvals
// (2026), else the org's installs list and only the waiting deploys' and sandbox runs' workflows.
import type {NuonClient} from '../api/client.js';
import {describeError} from '../api/errors.js';
import {approvalJson, approvalLine, isWaiting, queueOrder} from '../domain/approval-queue.js';
import {oneLine} from '../domain/text.js';
import {fetchApprovalQueue} from '../state/approval-queue.js';
import type {Scope} from './scope.js';
import {accessDenied, WATCH_EXIT} from './exit-codes.js';

export const APPROVALS_EXIT = {
	none: 0,
	/** A workflow of a waiting deploy could not be read, and no other approval was found waiting. */
	error: 1,
	waiting: WATCH_EXIT.approval,
	'access-denied': WATCH_EXIT['access-denied'],
} as const;

export interface ListApprovalsOptions {
	client: NuonClient;
	scope: () => Promise<Scope>;
	output: 'text' | 'json';
	write: (line: string) => void;
	writeError: (line: string) => void;
	now?: () => number;
}

export async function listApprovals(options: ListApprovalsOptions): Promise<number> {
	const {client, write, writeError, output} = options;
	const unread: string[] = [];
	let waiting: ReturnType<typeof queueOrder>;
	let unlisted: readonly string[] = [];
	try {
		const scope = await options.scope();
		const entries = await fetchApprovalQueue(client, {
			appId: scope.app?.id,
			onUnread: (workflowId, error) => unread.push(`workflow ${workflowId}: ${describeError(error)}`),
		});
		waiting = queueOrder(entries.filter(isWaiting));
		unlisted = entries.unlisted ?? [];
	} catch (error) {
		const reason = accessDenied(error);
		if (!reason) throw error;
		writeError(oneLine(`nuon-tui: access denied: ${reason} (${describeError(error)})`));
		return APPROVALS_EXIT['access-denied'];
	}
	const now = options.now?.() ?? Date.now();
	for (const entry of waiting)
		write(output === 'json' ? JSON.stringify(approvalJson(entry)) : approvalLine(entry, now));
	for (const problem of unread) writeError(oneLine(`nuon-tui: not read: ${problem}`));
	if (unlisted.length)
		writeError(
			oneLine(
				`nuon-tui: not searched: the components past the tenth of ${unlisted.join(', ')} ` +
					"(this server lists the latest deploys of an install's first 10 components only)",
			),
		);
	if (waiting.length) return APPROVALS_EXIT.waiting;
	if (unread.length) return APPROVALS_EXIT.error;
	if (output === 'text') writeError('nuon-tui: no plan waits for an approval');
	return APPROVALS_EXIT.none;
}
