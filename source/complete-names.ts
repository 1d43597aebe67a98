// `nuon-tui __complete installs|apps FLAGS…`: the names the shell completion offers for --install and
// --app, one a line, read with the settings the command line has so far. Completion must never
// disturb the shell: any failure (no settings, no network) prints nothing, quickly, and exits 0.
import {NuonClient} from './api/client.js';
import {listAllInstalls} from './api/installs.js';
import {listApps} from './api/org.js';
import type {ExploreCommand} from './args.js';
import {configFilePath, requireConnection, resolveSettings} from './config.js';
import type {DemoServer, DemoServerOptions} from './demo/server.js';
import {oneLine} from './domain/text.js';

/** Completion waits this long at most for the API. */
const COMPLETION_TIMEOUT_MS = 3000;

export async function printNames(
	what: 'installs' | 'apps',
	command: ExploreCommand,
	startDemo: (options: DemoServerOptions) => Promise<DemoServer>,
	write: (line: string) => void,
): Promise<number> {
	let demo: DemoServer | undefined;
	let client: NuonClient | undefined;
	try {
		if (command.demo) demo = await startDemo({api: command.demoApi});
		const connection = demo
			? {apiUrl: demo.url, apiToken: 'demo', orgId: demo.scenario.orgId}
			: requireConnection(await resolveSettings(command.flags), configFilePath(command.flags, process.env));
		client = new NuonClient({
			baseUrl: connection.apiUrl,
			token: connection.apiToken,
			orgId: connection.orgId,
			timeoutMs: COMPLETION_TIMEOUT_MS,
			retries: 0,
			readOnly: true,
		});
		const named = what === 'apps' ? await listApps(client) : await listAllInstalls(client);
		const names = new Set(named.map(item => oneLine(String(item.name ?? ''))).filter(Boolean));
		for (const name of [...names].sort()) write(name);
	} catch {
		// nothing to offer
	} finally {
		await Promise.allSettled([client?.close(), demo?.close()]);
	}
	return 0;
}
