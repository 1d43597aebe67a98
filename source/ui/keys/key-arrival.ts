// When the key being handled reached the explorer, and whether it came alone. Keys wait their turn in
// the input queue (a render between them), so on a busy machine a key typed with another can be
// handled well after it was typed; a guard that asks "was this typed before the prompt showed?" asks
// about the key's arrival. A key that came with others in one read from the terminal (a paste, keys
// typed ahead) is not one a person pressed in answer to what was on screen.
export interface Arrival {
	/** Date.now() when it came. */
	at: number;
	/** It was the only key in its read from the terminal. */
	alone: boolean;
}

let arrival: Arrival | undefined;

/** Runs `handle` as the handling of a key that arrived as `arrived` says. */
export function handleArrived<T>(arrived: Arrival, handle: () => T): T {
	arrival = arrived;
	try {
		return handle();
	} finally {
		arrival = undefined;
	}
}

/** When the key being handled arrived; outside a key's handling, now. */
export const keyArrivedAt = (): number => arrival?.at ?? Date.now();

/** Whether the key being handled came alone in its read (outside a key's handling: yes). */
export const keyCameAlone = (): boolean => arrival?.alone ?? true;
