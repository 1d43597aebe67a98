// Entry point: parse arguments, resolve settings, start the demo API if asked, render, exit cleanly.
import React from 'react';
import {render, type Instance} from 'ink';
import {NuonClient} from './api/client.js';
import {parseCommand, USAGE, UsageError, type ExploreCommand} from './args.js';
import {notification} from './domain/notify.js';
import type {Location} from './state/navigation.js';
import {resolveScope, ScopeError, type Scope} from './watch/scope.js';
import {watchRollout} from './watch/until-done.js';
import {configFilePath, requireConnection, resolveSettings, SettingsError} from './config.js';
import {startDemoServer, type DemoServer} from './demo/server.js';
import {DataProvider} from './state/data.js';
import {App} from './ui/app.js';
import {themeFor} from './ui/theme.js';
import {asciiStdout, localeIsAscii} from './ui/ascii.js';
import {preferencesPath, readPreferences, type Preferences} from './preferences.js';
import {DEFAULT_POLL} from './state/poll-policy.js';
import {VERSION} from './version.js';
import {restoreTerminal, writeCrashReport} from './crash.js';
import {debugLog} from './debug-log.js';
import {faultInjector} from './demo/faults.js';

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
			const demo = await startDemoServer({port: command.port, installCount: command.installs, speed: command.speed, intercept: command.faults && faultInjector(command.faults)});
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

async function explore(command: ExploreCommand): Promise<number> {
	const {flags} = command;
	const preferences = await readPreferences(preferencesPath(process.env));
	const scripted = command.watch && (command.untilDone || !process.stdout.isTTY);
	if (!scripted && (!process.stdin.isTTY || !process.stdout.isTTY)) {
		process.stderr.write('nuon-tui is interactive: run it in a terminal (stdin and stdout must be a TTY). For scripts: nuon-tui watch --until-done.\n');
		return EXIT.usage;
	}
	if (command.demoFaults && !command.demo) throw new UsageError('--demo-faults goes with --demo.');
	let demo: DemoServer | undefined;
	let connection;
	if (command.demo) {
		demo = await startDemoServer({speed: command.demoSpeed, intercept: command.demoFaults && faultInjector(command.demoFaults)});
		connection = {apiUrl: demo.url, apiToken: 'demo', orgId: demo.scenario.orgId, installId: undefined};
	} else {
		connection = requireConnection(resolveSettings(flags), configFilePath(flags, process.env));
	}
	secrets.push(connection.apiToken);
	const onAttempt = command.debugFile ? debugLog(command.debugFile, {apiUrl: connection.apiUrl, orgId: connection.orgId}) : undefined;
	const client = new NuonClient({baseUrl: connection.apiUrl, token: connection.apiToken, orgId: connection.orgId, onAttempt});
	try {
		const scope = await resolveScope(client, command.jump);
		if (scripted) {
			return await watchRollout({
				client,
				scope,
				untilDone: command.untilDone,
				timeoutMs: command.timeoutMs,
				output: command.output,
				settings: {...DEFAULT_POLL, ...(preferences.watch?.fast ? {fastMs: preferences.watch.fast * 1000} : {}), ...(preferences.watch?.slow ? {slowMs: preferences.watch.slow * 1000} : {})},
				write: line => process.stdout.write(line + '\n'),
				writeError: line => process.stderr.write(line + '\n'),
			});
		}
		return await runExplorer(command, preferences, client, scope, {isDemo: command.demo, orgId: connection.orgId, apiUrl: connection.apiUrl, installId: connection.installId});
	} finally {
		await Promise.allSettled([client.close(), demo?.close()]);
	}
}

/** The levels to open: the board or the installs, then the install and component of the start flags. */
export function startStack(scope: Scope, watch: boolean): Location[] {
	const appName = scope.app ? scope.app.display_name || scope.app.name : undefined;
	const stack: Location[] = [{kind: watch ? 'board' : 'installs', appId: scope.app?.id, appName}];
	const install = scope.install;
	if (install?.id) stack.push({kind: 'components', installId: install.id, installName: install.name ?? install.id});
	if (install?.id && scope.component) {
		stack.push({kind: 'deploy', installId: install.id, installName: install.name ?? install.id, componentId: scope.component.id, componentName: scope.component.name});
	}
	return stack;
}

async function runExplorer(command: ExploreCommand, preferences: Preferences, client: NuonClient, scope: Scope, target: {isDemo: boolean; orgId: string; apiUrl: string; installId?: string}): Promise<number> {
	const notify = (command.notify ?? preferences.notify) ? (title: string, body: string) => process.stdout.write(notification(title, body)) : undefined;
	const refreshMs = (command.refreshSeconds ?? preferences.refresh ?? 5) * 1000;
	const poll = {fastMs: (preferences.watch?.fast ?? DEFAULT_POLL.fastMs / 1000) * 1000, slowMs: (preferences.watch?.slow ?? DEFAULT_POLL.slowMs / 1000) * 1000};
	const instance = (activeInk = render(
		<DataProvider client={client} refreshMs={refreshMs}>
			<App
				theme={themeFor(process.env, command.theme ?? preferences.theme)}
				orgLabel={target.isDemo ? 'demo-org' : target.orgId}
				orgId={target.orgId}
				apiLabel={new URL(target.apiUrl).host}
				isDemo={target.isDemo}
				start={startStack(scope, command.watch)}
				initialSelection={target.installId}
				watch={command.watch}
				refreshMs={refreshMs}
				poll={poll}
				notify={notify}
			/>
		</DataProvider>,
		{
			alternateScreen: true,
			incrementalRendering: true,
			interactive: true,
			exitOnCtrlC: false,
			patchConsole: true,
			stdout: (command.ascii ?? preferences.ascii) || localeIsAscii(process.env) ? asciiStdout(process.stdout) : process.stdout,
		},
	));
	// For the crash tests: an error thrown outside React, as a bug would.
	if (process.env['NUON_TUI_CRASH_TEST']) setTimeout(() => {
		throw new Error(`crash test (NUON_TUI_CRASH_TEST is set) with token ${target.isDemo ? 'demo' : '<hidden>'}`);
	}, 1500);
	let exitCode: number = EXIT.ok;
	const stop = (code: number) => {
		exitCode = code;
		instance.unmount();
	};
	process.once('SIGTERM', () => stop(128 + 15));
	process.once('SIGHUP', () => stop(128 + 1));
	process.once('SIGINT', () => stop(128 + 2));
	await instance.waitUntilExit();
	return exitCode;
}

/** The token, kept out of every message and report. */
const secrets: string[] = [];
/** The mounted explorer, if any: a crash unmounts it first so the terminal is Ink's no longer. */
let activeInk: Instance | undefined;

function fail(error: unknown): never {
	try {
		activeInk?.unmount();
	} catch {
		// unmounting a broken tree can throw too: the terminal is restored below either way
	}
	restoreTerminal();
	if (error instanceof UsageError || error instanceof SettingsError || error instanceof ScopeError) {
		process.stderr.write(`nuon-tui: ${error.message}\n`);
		process.exit(EXIT.usage);
	}
	const report = writeCrashReport(error, secrets);
	const message = secrets.reduce((text, secret) => text.split(secret).join('<redacted>'), error instanceof Error ? error.message : String(error));
	process.stderr.write(`nuon-tui crashed: ${message}\n${report ? `A report is in ${report}\n` : ''}`);
	process.exit(EXIT.error);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main(process.argv.slice(2)).then(code => process.exit(code), fail);
