// What a screen says about a failed request: the API layer describes the error, the UI words it.
import {describeError, isRetryable} from '../../api/errors.js';

/** The error line of a screen: what failed, what stays on screen (`kept`) and whether it is retried. */
export function failureLine(error: unknown, kept?: string): string {
	const retry = isRetryable(error) ? ', retrying' : '';
	return `⚠ ${describeError(error)}${kept ? ` · ${kept} kept${retry}` : retry && ' · retrying'}`;
}

/** What a screen says in place of data it could not load yet. */
export function loadFailure(what: string, error: unknown): string {
	return `Could not load ${what}: ${describeError(error)}${isRetryable(error) ? '. Retrying…' : '.'}`;
}
