// Ink's layout engine, Yoga, without the top-level await of `yoga-layout`'s main entry (the bundle
// points Ink's `yoga-layout` imports here): its WebAssembly compiles on V8's background threads
// while the CLI reads its settings and asks for the first screen, and the bundle needs no top-level
// await, so it can be CommonJS (see scripts/bundle-options.js).
// Ink reads Yoga's constants when its modules are evaluated: the CLI imports the UI only once
// yogaReady() has resolved.
import {loadYoga} from 'yoga-layout/load';

type YogaApi = Awaited<ReturnType<typeof loadYoga>>;

const Yoga = {} as YogaApi;
export default Yoga;

/**
 * Yoga decodes its inlined wasm with fetch() when there is one, which loads Node's own copy of
 * undici (~25 ms of start-up); without fetch it decodes with atob. It looks at fetch while
 * loadYoga() runs, before that returns its promise.
 */
function withoutFetch<T>(load: () => T): T {
	const {fetch} = globalThis;
	Reflect.deleteProperty(globalThis, 'fetch');
	try {
		return load();
	} finally {
		globalThis.fetch = fetch;
	}
}

let loading: Promise<void> | undefined;

/** Starts loading Yoga (once); resolves when Ink may be evaluated. */
export function yogaReady(): Promise<void> {
	loading ??= withoutFetch(() => loadYoga()).then(api => {
		Object.assign(Yoga, api);
	});
	return loading;
}
