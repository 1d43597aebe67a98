// How a status word reads on screen: its phase (colour), glyph and label. The grouping follows the
// Nuon dashboard; any value the server adds later shows as it is, with a neutral glyph.
export type Phase = 'success' | 'failure' | 'approval' | 'warning' | 'progress' | 'neutral' | 'unknown';

/**
 * Every word nuon-tui knows, by phase. 2026's (SDK app_status.py 0.19.771 and 0.19.945, the rollout
 * groups of 0.19.852, the health of 0.19.1093): `failed-pending-retry` (awaitsRetry below), `warning`
 * (a workflow or step that ended with a warning), `disabled` (a component), `pending_customer`,
 * `queued`, `superseded` and `computing` (an install in a rollout group), and the health words.
 */
const PHASES: Record<Phase, readonly string[]> = {
	// `provisioned`: an install's lifecycle phase (2026: pkg/lifecyclephase).
	success: [
		'active',
		'ok',
		'finished',
		'healthy',
		'connected',
		'approved',
		'success',
		'no-drift',
		'provisioned',
	],
	failure: [
		'failed',
		'error',
		'failed-pending-retry',
		'timed-out',
		'unhealthy',
		'not-connected',
		'access-error',
		'access_error',
		'delete_failed',
		'expired',
		'approval-expired',
	],
	// Waiting for a person to approve a plan: not done, and nothing moves until someone answers.
	approval: ['pending-approval', 'approval-awaiting', 'awaiting-approval'],
	warning: [
		'approval-denied',
		'cancelled',
		'outdated',
		'drifted',
		'drift-detected',
		'discarded',
		'warning',
		'superseded',
		'degraded',
	],
	progress: [
		'executing',
		'waiting',
		'started',
		'in-progress',
		'building',
		'queued',
		'planning',
		'provisioning',
		'syncing',
		'deploying',
		'available',
		'retried',
		'retrying',
		'initializing',
		'cleaning-up',
		'applying',
		'generating',
		'approval-retry',
		'awaiting-user-run',
		'deleting',
		'deprovisioning',
		'reprovisioning',
		'checking-plan',
		'awaiting-install-stack-run',
		'computing',
		'progressing',
	],
	neutral: [
		'noop',
		'inactive',
		'pending',
		'not-attempted',
		'offline',
		'deprovisioned',
		'auto-skipped',
		'user-skipped',
		'deleted',
		'empty',
		'disabled',
		'pending_customer',
		'not-applicable',
	],
	// Known words that say nobody knows: Nuon lost sight of the thing (health `unknown`), which is no failure.
	unknown: ['unknown'],
};

const PHASE_OF = new Map<string, Phase>(
	Object.entries(PHASES).flatMap(([phase, words]) => words.map(word => [word, phase as Phase])),
);

/**
 * The one order of phases, the ones that need a person first: lists sorted by status, the counts
 * of a rollout or an install, the board.
 */
export const PHASE_ORDER: readonly Phase[] = [
	'failure',
	'approval',
	'warning',
	'progress',
	'unknown',
	'neutral',
	'success',
];

/** Where a status sorts in PHASE_ORDER. */
export const phaseRank = (status: unknown): number => PHASE_ORDER.indexOf(phaseOf(status));

export const GLYPHS: Record<Phase, string> = {
	success: '✓',
	failure: '✗',
	approval: '⚑',
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

/** Whether nuon-tui knows the word (a word it does not know is shown as it is, and reported by `watch`). */
export const isKnownWord = (status: unknown): boolean =>
	typeof status === 'string' && PHASE_OF.has(status.toLowerCase());

/**
 * A failure that Nuon holds open for a person: 2026's `failed-pending-retry` is the workflow's status
 * once a step failed and Nuon's own retries are used up, "step failed, awaiting retry or skip"
 * (pkg/flow execute_workflow_step: DirectiveAwaitRetry); a retry, a skip or a cancel moves it on, and
 * an abandoned one ends `error`. Failed, not finished: worth polling, not ended.
 */
export const awaitsRetry = (status: unknown): boolean =>
	typeof status === 'string' && status.toLowerCase() === 'failed-pending-retry';

/** A status of any type: a word the table lacks, or a value that is not a word at all, is `unknown`. */
export function phaseOf(status: unknown): Phase {
	if (status === undefined || status === null || status === '') return 'neutral';
	if (typeof status !== 'string') return 'unknown';
	return PHASE_OF.get(status.toLowerCase()) ?? 'unknown';
}

/**
 * The one word each screen shows for a state whose server words differ by object (a deploy's
 * `pending-approval`, a step's `approval-awaiting`): the board, counts, lists, details, titles and
 * `watch`'s lines. Raw JSON (`v`, `watch --output json`) keeps the server's word.
 */
// `⚑ approve` is 9 columns: whole in a board cell at 80 columns.
const PHASE_WORDS: Partial<Record<Phase, string>> = {approval: 'approve'};

/** A status as the screens name it: its phase's one word where it has one, else the server's word. */
export function statusWord(status: string): string {
	return PHASE_WORDS[phaseOf(status)] ?? status;
}

export function statusView(status: unknown): StatusView {
	const phase = phaseOf(status);
	const label =
		typeof status === 'string'
			? statusWord(status) || 'none'
			: status === undefined || status === null
				? 'none'
				: 'unreadable';
	return {phase, glyph: GLYPHS[phase], label};
}

const SEVERITY_PHASES: Record<string, Phase> = {
	ERROR: 'failure',
	FATAL: 'failure',
	WARN: 'warning',
	WARNING: 'warning',
	INFO: 'success',
	DEBUG: 'neutral',
	TRACE: 'neutral',
};

/** A log record's severity as a phase, for its colour. */
export const severityPhase = (severity: string): Phase =>
	SEVERITY_PHASES[severity.toUpperCase()] ?? 'unknown';

/** True while a status can still change (worth polling for): moving, or waiting for an approval. */
export function isInProgress(status: unknown): boolean {
	const phase = phaseOf(status);
	return phase === 'progress' || phase === 'approval' || awaitsRetry(status);
}

/** A deploy or a step waiting for a person to approve its plan. */
export const awaitsApproval = (status: unknown): boolean => phaseOf(status) === 'approval';

const STATUS_KEYS = new Set(['status', 'deploy_status', 'composite_component_status']);

/**
 * Whether anything in an API document is still in progress: its status fields, and the values of
 * `component_statuses` maps. Watch mode polls such data fast and settled data slowly.
 */
export function containsProgress(value: unknown, depth = 5): boolean {
	if (depth < 0 || value === null || typeof value !== 'object') return false;
	if (Array.isArray(value)) return value.some(item => containsProgress(item, depth - 1));
	for (const [key, item] of Object.entries(value)) {
		if (key === 'history') continue; // past statuses say nothing about now
		if (typeof item === 'string' && STATUS_KEYS.has(key) && isInProgress(item)) return true;
		if (
			key === 'component_statuses' &&
			item &&
			typeof item === 'object' &&
			Object.values(item).some(s => typeof s === 'string' && isInProgress(s))
		)
			return true;
		if (typeof item === 'object' && containsProgress(item, depth - 1)) return true;
	}
	return false;
}

/** A status that will not move on: succeeded, failed, or stopped with a warning (cancelled, outdated). */
export const hasEnded = (status: unknown): boolean =>
	['success', 'failure', 'warning'].includes(phaseOf(status)) && !awaitsRetry(status);

/** Status words Nuon's server acts on by name: compared here, never spelled out elsewhere. */
export const SERVER_WORDS = {
	/** The one step status a retry or a skip is taken for (installs/service/retry_workflow_step.go). */
	rerunnableStep: 'error',
	/** What approve all sets a running workflow's status to (pkg/flow/approval.go). */
	approvedAll: 'approved',
} as const;
/** "the workflow's status is error": a sentence whatever the word (not "the workflow is error"). */
export const statusIs = (subject: string, status: unknown): string =>
	`${subject}’s status is ${typeof status === 'string' && status ? statusWord(status) : 'unknown'}`;
