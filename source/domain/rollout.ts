// A rollout across installs, as pure functions: the board's cells, counts, the transitions between
// two snapshots, and whether (and how) the watched deploys have finished.
import type {Install} from '../api/resources.js';
import {cellStatuses} from './cell-status.js';
import {countStatuses, type StatusCount} from './install.js';
import {awaitsApproval, isInProgress, isKnownWord, phaseOf} from './status.js';

/** The latest deploy status of each component of each install (cell-status.ts): installId → componentId →
 * status. */
export type Snapshot = Map<string, Map<string, string>>;

export function snapshotOf(
	installs: readonly Install[],
	componentFilter?: (componentId: string) => boolean,
): Snapshot {
	const snapshot: Snapshot = new Map();
	for (const install of installs) {
		if (!install.id || typeof install.id !== 'string') continue;
		const cells = new Map<string, string>();
		for (const [componentId, status] of cellStatuses(install))
			if (!componentFilter || componentFilter(componentId)) cells.set(componentId, status);
		snapshot.set(install.id, cells);
	}
	return snapshot;
}

export interface Transition {
	at: number;
	installId: string;
	componentId: string;
	from?: string;
	to: string;
}

/** What changed from one snapshot to the next (a component that appears counts as a change from nothing). */
export function transitions(previous: Snapshot, next: Snapshot, at: number): Transition[] {
	const changes: Transition[] = [];
	for (const [installId, cells] of next) {
		const before = previous.get(installId);
		if (!before) continue; // an install seen for the first time is not a change
		for (const [componentId, to] of cells) {
			const from = before.get(componentId);
			if (from !== to) changes.push({at, installId, componentId, from, to});
		}
	}
	return changes;
}

/**
 * "1 error · 3 executing · 12 active", most urgent first, in an order that does not move with the
 * counts.
 */
export const rolloutCounts = (snapshot: Snapshot): StatusCount[] =>
	countStatuses([...snapshot.values()].flatMap(cells => [...cells.values()]));

export function anyInProgress(snapshot: Snapshot): boolean {
	for (const cells of snapshot.values())
		for (const status of cells.values()) if (isInProgress(status)) return true;
	return false;
}

/** The cells waiting for a person to approve their plan. */
export function pendingApprovals(snapshot: Snapshot): Array<{installId: string; componentId: string}> {
	const found: Array<{installId: string; componentId: string}> = [];
	for (const [installId, cells] of snapshot)
		for (const [componentId, status] of cells)
			if (awaitsApproval(status)) found.push({installId, componentId});
	return found;
}

export type Outcome = 'in-progress' | 'succeeded' | 'failed';

/**
 * Done once nothing is in progress: succeeded when every deploy ended active or noop (or idle). A
 * status word nuon-tui does not know is neither: the rollout is not taken as done while one shows.
 */
export function outcome(snapshot: Snapshot): Outcome {
	let failed = false;
	for (const cells of snapshot.values()) {
		for (const status of cells.values()) {
			const phase = phaseOf(status);
			if (phase === 'progress' || phase === 'approval' || phase === 'unknown') return 'in-progress';
			if (phase !== 'success' && phase !== 'neutral') failed = true;
		}
	}
	return failed ? 'failed' : 'succeeded';
}

/** The cells whose status word nuon-tui does not know. */
export function unknownStatuses(
	snapshot: Snapshot,
): Array<{installId: string; componentId: string; status: string}> {
	const found: Array<{installId: string; componentId: string; status: string}> = [];
	for (const [installId, cells] of snapshot)
		for (const [componentId, status] of cells)
			if (!isKnownWord(status)) found.push({installId, componentId, status});
	return found;
}
