// Entry point: parse arguments, resolve settings, start the demo API if asked, render, exit cleanly.
// Only what every command needs is imported here; the UI, the demo API and YAML load on demand.
import type {Instance} from 'ink';
import {NuonClient} from './api/client.js';
import {describeError, NuonApiError} from './api/errors.js';
import {narrowToLabels} from './api/install-labels.js';
import {accessDenied, WATCH_EXIT} from './watch/exit-codes.js';
import {FLAGS, parseCommand, USAGE, UsageError, type ExploreCommand} from './args.js';
import {HELP_TOPICS} from './usage.js';
import type {Location} from './state/locations.js';
import {askForFirstScreen} from './state/first-screen.js';
import {resolveScope, ScopeError, type Scope} from './watch/scope.js';
import {configFilePath, requireConnection, resolveSettings, SettingsError} from './config.js';
import type {DemoServer, DemoServerOptions} from './demo/server.js';
import type {Faults} from './demo-options.js';
import {isReadOnly, pollSettings, preferencesPath, readPreferences} from './preferences.js';
import {VERSION} from './version.js';
import {isTerminalGone, restoreTerminal, writeCrashReport} from './crash.js';
import {debugLog} from './debug-log.js';
import {abandonedWriteText} from './domain/abandoned-write.js';
import {yogaReady} from './ui/terminal/yoga.js';
import {asciiWanted, toAscii} from './ui/widgets/ascii.js';
import {hideSecretsFromProcessList, redactSecrets, redactUrlCredentials} from './redact.js';

export const EXIT = {ok: 0, error: 1, usage: 2} as const;

async function main(argv: string[]): Promise<number> {
	hideSecretsFromProcessList();
	const command = parseCommand(argv);
	switch (command.kind) {
		case 'help':
			process.stdout.write(`${command.topic ? HELP_TOPICS[command.topic] : USAGE}\n`);
			return EXIT.ok;
		case 'completion': {
			const {completionScript} = await import('./completion.js');
			process.stdout.write(completionScript(command.shell, FLAGS));
			return EXIT.ok;
		}
		case 'complete-names': {
			const {printNames} = await import('./complete-names.js');
			return printNames(command.what, command.command, startDemo, line => process.stdout.write(`${line}\n`));
		}
		case 'version':
			process.stdout.write(`nuon-tui ${VERSION}\n`);
			return EXIT.ok;
		case 'demo-server': {
			const demo = await startDemo({
				port: command.port,
				installCount: command.installs,
				waitingApprovals: command.waitingApprovals,
				speed: command.speed,
				api: command.api,
				faults: command.faults,
			}).catch(error => {
				if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
					throw new UsageError(
						`--port ${command.port} is in use: choose another, or leave --port out for a free one.`,
					);
				throw error;
			});
			demo.scenario.setClock(command.at);
			process.stdout.write(
				`nuon-tui demo API listening on ${demo.url} (org ${demo.scenario.orgId}, any token, playing the ` +
					`${command.api} server)\n`,
			);
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
	const scripted = !!command.approvals || (command.watch && (command.untilDone || !process.stdout.isTTY));
	// Ink's layout engine compiles in the background while the settings are read and the first
	// screen is asked for.
	const yoga = scripted ? undefined : yogaReady();
	// A settings problem is said first: it is what the user has to fix, terminal or not.
	const settings = command.demo
		? undefined
		: requireConnection(await resolveSettings(flags), configFilePath(flags, process.env));
	if (!scripted && (!process.stdin.isTTY || !process.stdout.isTTY)) {
		process.stderr.write(
			'nuon-tui is interactive: run it in a terminal (stdin and stdout must be a TTY). For scripts: ' +
				'nuon-tui watch --until-done.\n',
		);
		return EXIT.usage;
	}
	let demo: DemoServer | undefined;
	let connection: NonNullable<typeof settings>;
	if (settings) {
		connection = settings;
	} else {
		demo = await startDemo({
			speed: command.demoSpeed,
			api: command.demoApi,
			waitingApprovals: command.demoWaitingApprovals,
			faults: command.demoFaults,
		});
		connection = {apiUrl: demo.url, apiToken: 'demo', orgId: demo.scenario.orgId, installId: undefined};
	}
	// The demo's "demo" is no secret, and "--demo" is no token.
	if (!command.demo) secrets.push(connection.apiToken);
	const onAttempt = command.debugFile
		? debugLog(command.debugFile, {apiUrl: connection.apiUrl, orgId: connection.orgId})
		: undefined;
	const readOnly = isReadOnly(command.readOnly, process.env, preferences);
	// --ascii (or a locale that is not UTF-8) reaches the lines printed without a terminal too; JSON keeps
	// the server's text as it is.
	const ascii = asciiWanted(command.ascii, preferences.ascii);
	const textLine = (line: string) => (ascii && command.output === 'text' ? toAscii(line) : line);
	const client = new NuonClient({
		baseUrl: connection.apiUrl,
		token: connection.apiToken,
		orgId: connection.orgId,
		onAttempt,
		readOnly,
	});
	if (command.labels) narrowToLabels(client, command.labels);
	try {
		if (command.approvals) {
			const {listApprovals} = await import('./watch/list-approvals.js');
			return await listApprovals({
				client,
				scope: () => resolveScope(client, command.jump),
				output: command.output,
				write: line => process.stdout.write(`${textLine(line)}\n`),
				writeError: line => process.stderr.write(`${textLine(line)}\n`),
			});
		}
		if (scripted) {
			const {watchRollout} = await import('./watch/until-done.js');
			return await watchRollout({
				client,
				scope: () => resolveScope(client, command.jump),
				untilDone: command.untilDone,
				failOnApproval: command.failOnApproval,
				timeoutMs: command.timeoutMs,
				output: command.output,
				settings: pollSettings(preferences),
				write: line => process.stdout.write(`${textLine(line)}\n`),
				writeError: line => process.stderr.write(`${textLine(line)}\n`),
			});
		}
		const scope = await resolveScope(client, command.jump);
		const start = startStack(scope, command.watch);
		const firstScreen = askForFirstScreen(client, start.at(-1)!);
		await Promise.all([yoga, Promise.race([firstScreen.sent, sleep(ON_THE_WIRE_WAIT_MS)])]);
		const {runExplorer} = await import('./ui/shell/run-explorer.js');
		// A fast API's answers make the first frame; a slow one's frame says "loading" meanwhile.
		await Promise.race([firstScreen.settled, sleep(FIRST_FRAME_WAIT_MS)]);
		const target = {
			isDemo: command.demo,
			readOnly,
			orgId: connection.orgId,
			apiUrl: connection.apiUrl,
			installId: connection.installId,
			start,
			firstScreen: [...firstScreen.answers],
		};
		return await runExplorer(command, preferences, client, target, instance => {
			activeInk = instance;
		});
	} finally {
		// Nothing in flight is waited for: a quit is at once, and a write on its way is named.
		await Promise.allSettled([client.close(), demo?.close()]);
		for (const write of client.abandonedWrites) process.stderr.write(`${abandonedWriteText(write)}\n`);
	}
}

/** The levels to open: the board or the installs, then the install and component of the start flags. */
export function startStack(scope: Scope, watch: boolean): Location[] {
	const appName = scope.app ? scope.app.display_name || scope.app.name : undefined;
	const stack: Location[] = [{kind: watch ? 'board' : 'installs', appId: scope.app?.id, appName}];
	const install = scope.install;
	if (install?.id)
		stack.push({kind: 'components', installId: install.id, installName: install.name ?? install.id});
	if (install?.id && scope.component) {
		stack.push({
			kind: 'deploy',
			installId: install.id,
			installName: install.name ?? install.id,
			componentId: scope.component.id,
			componentName: scope.component.name,
		});
	}
	return stack;
}

/**
 * How long loading the UI waits for the first screen's requests to be on the wire (a connection to
 * a local API takes a millisecond; a TLS handshake over a slow link goes on while the UI loads).
 */
const ON_THE_WIRE_WAIT_MS = 50;
/** How long the first frame waits for the first screen's data before it shows without it. */
const FIRST_FRAME_WAIT_MS = 150;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The demo API, and its fault injection, are loaded only here: never on a start without --demo. */
async function startDemo({faults, ...options}: DemoServerOptions & {faults?: Faults}): Promise<DemoServer> {
	const [{startDemoServer}, {faultInjector}] = await Promise.all([
		import('./demo/server.js'),
		import('./demo/faults.js'),
	]);
	return startDemoServer({...options, intercept: faults && faultInjector(faults)});
}

/** The token, kept out of every message and report. */
const secrets: string[] = [];
/** The mounted explorer, if any: a crash unmounts it first so the terminal is Ink's no longer. */
let activeInk: Instance | undefined;

const redact = (text: string) => redactSecrets(text, secrets);

function fail(error: unknown): never {
	if (isTerminalGone(error)) process.exit(128 + 1); // nothing to restore and nobody to tell
	try {
		activeInk?.unmount();
	} catch {
		// unmounting a broken tree can throw too: the terminal is restored below either way
	}
	restoreTerminal();
	if (error instanceof UsageError || error instanceof SettingsError || error instanceof ScopeError) {
		process.stderr.write(`nuon-tui: ${redactUrlCredentials(error.message)}\n`);
		process.exit(EXIT.usage);
	}
	// An API that cannot be reached or answers an error is no crash: one line and an exit code.
	if (error instanceof NuonApiError) {
		// describeError carries the advice for a 401 (log in again) and a 403 (check the org id).
		process.stderr.write(`nuon-tui: ${redact(describeError(error))}\n`);
		process.exit(accessDenied(error) ? WATCH_EXIT['access-denied'] : EXIT.error);
	}
	const report = writeCrashReport(error, secrets);
	const message = redact(error instanceof Error ? error.message : String(error));
	process.stderr.write(`nuon-tui crashed: ${message}\n${report ? `A report is in ${report}\n` : ''}`);
	process.exit(EXIT.error);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main(process.argv.slice(2)).then(code => process.exit(code), fail);
