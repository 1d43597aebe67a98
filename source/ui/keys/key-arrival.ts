// When the key being handled reached the explorer. Keys wait their turn in the input queue (a render
// between them), so on a busy machine a key typed with another can be handled well after it was
// typed; a guard that asks "was this typed before the prompt showed?" asks about the key's arrival.
let arrivedAt: number | undefined;

/** Runs `handle` as the handling of a key that arrived at `at` (Date.now() then). */
export function handleArrivedAt<T>(at: number, handle: () => T): T {
	arrivedAt = at;
	try {
		return handle();
	} finally {
		arrivedAt = undefined;
	}
}

/** When the key being handled arrived; outside a key's handling, now. */
export const keyArrivedAt = (): number => arrivedAt ?? Date.now();
