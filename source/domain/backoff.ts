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
