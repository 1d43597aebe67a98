// The writes Nuon has taken but not yet acted on, per client (session): the same step cannot be
// answered twice while the screen still shows it as it was before the first answer.
import type {NuonClient} from '../api/client.js';

/** After this long a remembered write no longer holds anything back (Nuon may never show it). */
const REMEMBER_MS = 10 * 60_000;

const sent = new WeakMap<NuonClient, Map<string, {state: string; at: number}>>();

function of(client: NuonClient): Map<string, {state: string; at: number}> {
	let writes = sent.get(client);
	if (!writes) {
		writes = new Map();
		sent.set(client, writes);
	}
	return writes;
}

/** A write on `key` was taken while it read `state`. */
export function remember(client: NuonClient, key: string, state: string): void {
	of(client).set(key, {state, at: Date.now()});
}

export function forget(client: NuonClient, key: string): void {
	of(client).delete(key);
}

/**
 * When a write on `key` was sent, if the server still shows what it showed then (`state`);
 * undefined once it has moved (the write is forgotten) or none was sent.
 */
export function sentAt(client: NuonClient, key: string, state: string): number | undefined {
	const write = of(client).get(key);
	if (!write) return undefined;
	if (write.state !== state || Date.now() - write.at > REMEMBER_MS) {
		forget(client, key);
		return undefined;
	}
	return write.at;
}
