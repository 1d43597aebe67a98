// The one backoff: exponential from `baseMs`, capped at `maxMs`, with "equal jitter" (a random
// point in the upper half), so that many clients failing together do not retry together.
export function backoff(
	baseMs: number,
	attempt: number,
	maxMs = Infinity,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(baseMs * 2 ** Math.max(0, attempt), maxMs);
	return ceiling / 2 + random() * (ceiling / 2);
}

/** The longest backoff between two attempts. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * How long to wait before asking again after `failures` failures in a row (1 after the first): the
 * server's Retry-After when the error carries one (`retryAfterMs`, as NuonApiError does), else
 * backoff from `baseMs` up to `maxMs`. The client, the screens, the log tail and the poller all
 * wait this long.
 */
export function retryDelay(
	error: unknown,
	failures: number,
	baseMs: number,
	maxMs = MAX_BACKOFF_MS,
	random: () => number = Math.random,
): number {
	const retryAfter = (error as {retryAfterMs?: unknown} | undefined)?.retryAfterMs;
	if (typeof retryAfter === 'number') return retryAfter;
	return backoff(baseMs, failures - 1, maxMs, random);
}
