// How `watch` ends, as exit codes a script can act on, and why a failed request ends it at once.
import {NuonApiError} from '../api/errors.js';

export const WATCH_EXIT = {
	succeeded: 0,
	failed: 1,
	timeout: 3,
	approval: 4,
	'nothing-to-watch': 5,
	'access-denied': 6,
} as const;

/** Why a failed request ends the watch: a wrong token or org does not recover by asking again. */
export function accessDenied(error: unknown): string | undefined {
	if (!(error instanceof NuonApiError)) return undefined;
	if (error.status === 401) return 'the API token is invalid or expired (nuon auth login)';
	if (error.status === 403) return 'this token may not read this org (check the org id)';
	return undefined;
}
