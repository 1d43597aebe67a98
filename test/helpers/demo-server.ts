// The demo API a test file talks to over real HTTP: one for the whole file, or one for a single test.
import {afterAll, beforeAll, beforeEach, onTestFinished} from 'vitest';
import {startDemoServer, type DemoServer, type DemoServerOptions} from '../../source/demo/server.js';

/**
 * One demo server for the file's tests: started before the first, closed after the last, its clock
 * set to `clock` scenario seconds before each test when given. The object returned stands for the
 * server from the moment it has started (use it inside tests and hooks, not at the file's top level).
 */
export function demoForFile(options: DemoServerOptions & {clock?: number} = {}): DemoServer {
	let server: DemoServer | undefined;
	beforeAll(async () => {
		server = await startDemoServer(options);
	});
	afterAll(() => server?.close());
	if (options.clock !== undefined) beforeEach(() => server!.scenario.setClock(options.clock!));
	return new Proxy({} as DemoServer, {
		get: (_, key) => {
			if (!server) throw new Error('the demo server starts before the first test');
			return Reflect.get(server, key);
		},
	});
}

/** A demo server for the current test alone, closed when it finishes. */
export async function demoForTest(options: DemoServerOptions = {}): Promise<DemoServer> {
	const server = await startDemoServer(options);
	onTestFinished(() => server.close());
	return server;
}
