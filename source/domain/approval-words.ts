// Words for approvals and the statuses that come as objects: one name for each answer on every screen.

const ANSWERS: Record<string, string> = {
	approve: 'approved',
	deny: 'denied',
	'deny-skip-current': 'denied and skipped',
	'deny-skip-current-and-dependents': 'denied and skipped with what depends on it',
	retry: 'sent back to plan again',
	'auto-approve': 'approved automatically',
};

/** An approval's answer as words; a type the server adds later shows as it is. */
export const answerWord = (type: unknown): string =>
	typeof type === 'string' ? (ANSWERS[type] ?? type) : 'answered';

/**
 * A status that may come as a word or as a CompositeStatus object (the contract types a policy
 * check's status as `app.CompositeStatus`): its word either way.
 */
export function compositeWord(status: unknown): string | undefined {
	if (typeof status === 'string') return status;
	if (status && typeof status === 'object' && typeof (status as {status?: unknown}).status === 'string')
		return (status as {status: string}).status;
	return undefined;
}

/** The status an answer leaves its approval in, for its glyph and colour; no answer yet: waiting. */
export const answerStatus = (type: unknown): string =>
	type === undefined
		? 'approval-awaiting'
		: type === 'approve' || type === 'auto-approve'
			? 'approved'
			: type === 'retry'
				? 'approval-retry'
				: 'approval-denied';
