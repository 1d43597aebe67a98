// What a screen says about a failed request: the API layer describes the error, the UI words it.
import {describeError, isRetryable, missingFeature} from '../../api/errors.js';

/** The error line of a screen: what failed, what stays on screen (`kept`) and whether it is retried. */
export function failureLine(error: unknown, kept?: string): string {
	const retry = isRetryable(error) ? ', retrying' : '';
	return `⚠ ${describeError(error)}${kept ? ` · ${kept} kept${retry}` : retry && ' · retrying'}`;
}

/** What a screen says in place of data it could not load yet; of a feature the org lacks, that alone. */
export function loadFailure(what: string, error: unknown): string {
	if (missingFeature(error) !== undefined) return `${capitalized(what)}: ${describeError(error)}.`;
	return `Could not load ${what}: ${describeError(error)}${isRetryable(error) ? '. Retrying…' : '.'}`;
}

/** A feature the org lacks is no failure to show on the error line: the pane says it (`loadFailure`). */
export const shownAsFailure = (error: unknown): unknown =>
	missingFeature(error) === undefined ? error : undefined;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
