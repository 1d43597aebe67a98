// A demo server for each server version the demo plays, for the tests' file, and the explorer the
// current test renders (unmounted after it).
import {afterAll, afterEach, beforeAll} from 'vitest';
import {startDemoServer, type DemoApi, type DemoServer} from '../../source/demo/server.js';
import type {renderExplorer} from './render-app.js';

export const SERVER_VERSIONS = ['2026', '2025-12', '2025-08'] as const satisfies readonly DemoApi[];

type Explorer = ReturnType<typeof renderExplorer>;

/** The servers, and `shown(app)`: the explorer a test renders, unmounted after the test. */
export function bothDemoServers(): {
	servers: Record<DemoApi, DemoServer>;
	shown: (app: Explorer) => Explorer;
} {
	const servers = {} as Record<DemoApi, DemoServer>;
	const rendered: {app?: Explorer} = {};
	beforeAll(async () => {
		for (const api of SERVER_VERSIONS) servers[api] = await startDemoServer({api});
	});
	afterAll(async () => {
		for (const demo of Object.values(servers)) await demo.close();
	});
	afterEach(async () => {
		await rendered.app?.cleanup();
		rendered.app = undefined;
	});
	return {servers, shown: app => (rendered.app = app)};
}
