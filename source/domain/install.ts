// Pure readings of an install object that the levels and tests share.
import type {Install} from '../api/resources.js';
import {record, text} from './fields.js';
import {phaseOf, phaseRank, statusWord, type Phase} from './status.js';

/** An install's name, or its id when the name is empty (the list dims it). */
export const installName = (install: Install): string =>
	(typeof install.name === 'string' && install.name) || (typeof install.id === 'string' && install.id) || '';

/** Where an install runs: AWS region, Azure location, or the GCP region from its inputs. */
export function installRegion(install: Install): string | undefined {
	return (
		install.aws_account?.region ||
		install.azure_account?.location ||
		install.install_inputs?.find(inputs => inputs.values?.gcp_region || inputs.values?.region)?.values
			?.gcp_region ||
		install.install_inputs?.find(inputs => inputs.values?.region)?.values?.region ||
		undefined
	);
}

export function installLocation(install: Install): string {
	return [install.cloud_platform, installRegion(install)].filter(Boolean).join(' ') || '—';
}

/** The status an operator wants first: how the install's components are doing. */
export function installStatus(install: Install): string | undefined {
	return install.composite_component_status || install.status || undefined;
}

/** How the install's components are doing live (2026: `composite_health_status`); none before, and none
 * until the org's health checks have reported (the server sends nothing then). */
export const installHealth = (install: Install): string | undefined =>
	text(install.composite_health_status) || undefined;

/**
 * Where the install is in its life: its `lifecycle_phase` (2026: provisioning, provisioned,
 * deprovisioning, deprovisioned, reprovisioning), or the `status` older servers send in its place.
 */
export function installPhase(install: Install): {phase?: string; description?: string} {
	const lifecycle = record(install.lifecycle_phase);
	if (lifecycle)
		return {phase: text(lifecycle.phase) || undefined, description: text(lifecycle.description) || undefined};
	return {
		phase: text(install.status) || undefined,
		description: text(install.status_description) || undefined,
	};
}

export interface StatusCount {
	/** The server's word (the first seen, where several read as one word). */
	status: string;
	/** The word the screens show for it (status.ts `statusWord`). */
	word: string;
	count: number;
	phase: Phase;
}

/**
 * Counts of each status, the ones needing attention first: "1 error · 2 executing · 3 active". The
 * order depends on the words only, never on the counts, so a refreshed line does not reshuffle.
 */
export function countStatuses(statuses: Iterable<string | undefined | null>): StatusCount[] {
	const counts = new Map<string, StatusCount>();
	for (const raw of statuses) {
		const status = raw || 'unknown';
		const word = statusWord(status);
		const count = counts.get(word);
		if (count) count.count++;
		else counts.set(word, {status, word, count: 1, phase: phaseOf(status)});
	}
	return [...counts.values()].sort(
		(a, b) => phaseRank(a.status) - phaseRank(b.status) || a.word.localeCompare(b.word),
	);
}

export function formatCounts(counts: StatusCount[]): string {
	return counts.map(c => `${c.count} ${c.word}`).join(' · ');
}
