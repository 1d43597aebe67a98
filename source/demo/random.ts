// The demo's seeded randomness: the same seed gives the same org, ids and digests.
/** A small, seedable PRNG (mulberry32): the same seed gives the same org. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function makeId(prefix: string, rand: () => number): string {
	let id = prefix;
	while (id.length < 26) id += Math.floor(rand() * 36).toString(36);
	return id;
}

/** A hex digest that depends only on `seed`. */
export function digest(seed: string): string {
	let out = '';
	const rand = random([...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619), 2_166_136_261));
	while (out.length < 64) out += Math.floor(rand() * 16).toString(16);
	return out;
}
