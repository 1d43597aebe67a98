// How a status word reads on screen: its phase (colour), glyph and label. The grouping follows the
// Nuon dashboard; any value the server adds later shows as it is, with a neutral glyph.
export type Phase = 'success' | 'failure' | 'warning' | 'progress' | 'neutral' | 'unknown';

const PHASES: Record<Exclude<Phase, 'unknown'>, readonly string[]> = {
	success: ['active', 'ok', 'finished', 'healthy', 'connected', 'approved', 'success', 'no-drift'],
	failure: ['failed', 'error', 'timed-out', 'unknown', 'unhealthy', 'not-connected', 'access-error', 'expired', 'approval-expired'],
	warning: ['approval-denied', 'approval-awaiting', 'cancelled', 'outdated', 'drifted', 'drift-detected', 'discarded'],
	progress: [
		'executing', 'waiting', 'started', 'in-progress', 'building', 'queued', 'planning', 'provisioning', 'syncing',
		'deploying', 'available', 'pending-approval', 'retried', 'retrying', 'initializing', 'cleaning-up', 'applying',
		'generating', 'approval-retry', 'awaiting-user-run',
	],
	neutral: ['noop', 'inactive', 'pending', 'not-attempted', 'offline', 'deprovisioned', 'auto-skipped', 'user-skipped'],
};

const PHASE_OF = new Map<string, Phase>(
	Object.entries(PHASES).flatMap(([phase, words]) => words.map(word => [word, phase as Phase])),
);

export const GLYPHS: Record<Phase, string> = {
	success: '✓',
	failure: '✗',
	warning: '!',
	progress: '◐',
	neutral: '○',
	unknown: '?',
};

export interface StatusView {
	phase: Phase;
	glyph: string;
	label: string;
}

export function phaseOf(status: string | undefined | null): Phase {
	if (!status) return 'neutral';
	return PHASE_OF.get(status.toLowerCase()) ?? 'unknown';
}

export function statusView(status: string | undefined | null): StatusView {
	const phase = phaseOf(status);
	return {phase, glyph: GLYPHS[phase], label: status || 'none'};
}

/** True while a status can still change by itself (worth polling for). */
export function isInProgress(status: string | undefined | null): boolean {
	return phaseOf(status) === 'progress';
}
