// Entry point: parse arguments, resolve settings, start the demo API if asked, render, exit cleanly.
import React from 'react';
import {render} from 'ink';
import {NuonClient} from './api/client.js';
import {parseCommand, USAGE, UsageError} from './args.js';
import {configFilePath, requireConnection, resolveSettings, SettingsError} from './config.js';
import {startDemoServer, type DemoServer} from './demo/server.js';
import {DataProvider} from './state/data.js';
import {App} from './ui/app.js';
import {themeFor} from './ui/theme.js';
import {VERSION} from './version.js';

export const EXIT = {ok: 0, error: 1, usage: 2} as const;

async function main(argv: string[]): Promise<number> {
	const command = parseCommand(argv);
	switch (command.kind) {
		case 'help':
			process.stdout.write(USAGE + '\n');
			return EXIT.ok;
		case 'version':
			process.stdout.write(`nuon-tui ${VERSION}\n`);
			return EXIT.ok;
		case 'demo-server': {
			const demo = await startDemoServer({port: command.port, installCount: command.installs, speed: command.speed});
			demo.scenario.setClock(command.at);
			process.stdout.write(`nuon-tui demo API listening on ${demo.url} (org ${demo.scenario.orgId}, any token)\n`);
			await new Promise<void>(resolve => {
				for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
			});
			await demo.close();
			return EXIT.ok;
		}
		case 'explore':
			return explore(command);
	}
}

async function explore({demo: useDemo, flags, refreshSeconds}: Extract<ReturnType<typeof parseCommand>, {kind: 'explore'}>): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write('nuon-tui is interactive: run it in a terminal (stdin and stdout must be a TTY).\n');
		return EXIT.usage;
	}
	let demo: DemoServer | undefined;
	let connection;
	if (useDemo) {
		demo = await startDemoServer();
		connection = {apiUrl: demo.url, apiToken: 'demo', orgId: demo.scenario.orgId, appId: flags.appId, installId: flags.installId};
	} else {
		connection = requireConnection(resolveSettings(flags), configFilePath(flags, process.env));
	}
	const client = new NuonClient({baseUrl: connection.apiUrl, token: connection.apiToken, orgId: connection.orgId});
	const appFilter = flags.appId; // only the flag jumps; app_id from settings is not a filter
	const instance = render(
		<DataProvider client={client} refreshMs={refreshSeconds * 1000}>
			<App
				theme={themeFor(process.env)}
				orgLabel={useDemo ? 'demo-org' : connection.orgId}
				apiLabel={new URL(connection.apiUrl).host}
				isDemo={useDemo}
				start={{kind: 'installs', appId: appFilter, appName: appFilter}}
				initialSelection={connection.installId}
			/>
		</DataProvider>,
		{alternateScreen: true, incrementalRendering: true, interactive: true, exitOnCtrlC: false, patchConsole: true},
	);
	let exitCode: number = EXIT.ok;
	const stop = (code: number) => {
		exitCode = code;
		instance.unmount();
	};
	process.once('SIGTERM', () => stop(128 + 15));
	process.once('SIGHUP', () => stop(128 + 1));
	process.once('SIGINT', () => stop(128 + 2));
	try {
		await instance.waitUntilExit();
	} finally {
		await Promise.allSettled([client.close(), demo?.close()]);
	}
	return exitCode;
}

function restoreTerminal(): void {
	// Leave the alternate screen, show the cursor, turn off raw mode: the shell must be usable.
	if (process.stdout.isTTY) process.stdout.write('\u001B[?1049l\u001B[?25h');
	if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
}

main(process.argv.slice(2)).then(
	code => process.exit(code),
	(error: unknown) => {
		restoreTerminal();
		if (error instanceof UsageError || error instanceof SettingsError) {
			process.stderr.write(`nuon-tui: ${error.message}\n`);
			process.exit(EXIT.usage);
		}
		process.stderr.write(`nuon-tui: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
		process.exit(EXIT.error);
	},
);
