// Command-line arguments, parsed with node:util parseArgs. Pure: returns what to do, or an error.
import {parseArgs} from 'node:util';
import type {SettingFlags} from './config.js';
import {
	DEMO_APIS,
	demoApiNamed,
	NEWEST_DEMO_API,
	parseFaults,
	type DemoApi,
	type Faults,
} from './demo-options.js';
import {isThemeName} from './ui/widgets/theme.js';
import {parseLabels, type Labels} from './domain/labels.js';

export const USAGE = `nuon-tui: a keyboard-driven terminal explorer for the Nuon platform

Usage
  nuon-tui [options]                 explore installs → components → latest deploy
  nuon-tui --demo                    explore the embedded demo API (no account needed)
  nuon-tui watch [options]           follow a rollout on the board, in watch mode
  nuon-tui watch --until-done        wait for the rollout to finish: exit 0 ok, 1 failed, 3 timeout,
                                     4 waits for approval (with --fail-on-approval), 5 nothing to
                                     watch, 6 access denied (a bad token or org)
  nuon-tui approvals [--app NAME]    list the plans waiting for an approval, one a line (--output
                                     json: JSON lines): exit 0 when none waits, 4 when some do
  nuon-tui demo-server [--port N]    run the demo API alone, for tests and other clients

Options
  --demo                 use the embedded demo API
  --api-url URL          API base URL            (env NUON_API_URL, ~/.nuon api_url)
  --api-token TOKEN      API token; better in env NUON_API_TOKEN or ~/.nuon api_token, where
                         \`nuon\` keeps it (a flag stays in shell history, and shows in ps until
                         nuon-tui has started and hidden it)
  --org ID               org id                  (env NUON_ORG_ID, ~/.nuon org_id)
  --app ID|NAME          only this app's installs (NUON_APP_ID and ~/.nuon app_id: default only)
  --labels K:V[,K:V]     only installs with these labels (2026 servers: tier:prod,region:eu)
  --install ID|NAME      open this install       (NUON_INSTALL_ID and ~/.nuon install_id preselect it)
  --component NAME|ID    open this component's latest deploy (with --install)
  --config FILE          settings file           (env NUON_CONFIG_FILE; default ~/.nuon)
  --refresh SECONDS      refresh interval, at least 1 (default 5)
  --demo-speed FACTOR    with --demo: how fast the demo's clock runs (default 1)
  --demo-api 2026|2025-12|2025-08  with --demo: which Nuon server to play (default 2026, also today)
  --demo-waiting-approvals N  with --demo: N plans waiting for a person at once (see below)
  --demo-faults SPEC     with --demo: inject API faults, as in latency=2000,error-rate=0.2,
                         html-502,429-every=10,reset-every=15,hang-every=20,bad-json-every=25,
                         expire-token-after=60
  --debug FILE           write a log of every API request to FILE (the token is never written)
  --theme NAME           dark (default), light or no-color (env NUON_TUI_THEME; NO_COLOR wins)
  --ascii                draw with ASCII only (automatic when the locale is not UTF-8)
  --read-only            offer no action that changes anything in Nuon (approve, deny, retry,
                         skip, cancel) (env NUON_TUI_READ_ONLY=1, preference read_only)
  -h, --help             show this help
  -v, --version          show the version

Preferences (theme, ascii, refresh, watch.fast, watch.slow, notify, read_only) can also live in
$XDG_CONFIG_HOME/nuon-tui/config.yaml (default ~/.config/nuon-tui/config.yaml); flags win.

watch options
  --until-done           exit when no watched deploy is in progress: 0 if all ended active or
                         noop, 1 if any failed; without a terminal, print one line per transition
  --timeout DURATION     with --until-done: give up after 30m, 90s, 1h... (exit code 3)
  --output text|json     lines without a terminal: plain text (default) or JSON lines
  --fail-on-approval     with --until-done: stop as soon as a deploy waits for an approval of its
                         plan (exit code 4) instead of waiting for someone to answer it
  --notify               bell and desktop notification when a watched deploy finishes, fails or
                         starts waiting for an approval

demo-server options
  --port N               port on 127.0.0.1 (default: a free one, printed on start)
  --installs N           number of installs in the demo org (default 36)
  --speed FACTOR         scenario clock speed (default 1)
  --demo-faults SPEC     inject API faults (see above)
  --demo-api 2026|2025-12|2025-08  which server to play (default 2026, also today)
  --at SECONDS           start the scenario clock there (the rollout runs from about -20 to 110;
                         --at 600 gives a settled org)
  --waiting-approvals N  N plans wait for a person at once, one per install, from about 80 s on
                         (nobody answers them; the org grows to have enough installs)

Keys: press ? in the explorer.`;

export interface ExploreCommand {
	kind: 'explore';
	demo: boolean;
	demoSpeed: number;
	demoFaults?: Faults;
	/** The server --demo-api named; undefined: the newest. */
	demoApi?: DemoApi;
	/** Plans the demo makes wait for a person at once (0: only the scenario's own). */
	demoWaitingApprovals: number;
	debugFile?: string;
	theme?: string;
	ascii?: boolean;
	flags: SettingFlags;
	/** Undefined when the flag was not given (the preferences file or the default decides). */
	refreshSeconds?: number;
	/** Start flags: open the explorer there (settings' app_id/install_id are only defaults). */
	jump: {app?: string; install?: string; component?: string};
	/** `--labels`: the installs every list keeps to. */
	labels?: Labels;
	watch: boolean;
	/** `nuon-tui approvals`: print the waiting approvals and exit. */
	approvals?: boolean;
	untilDone: boolean;
	failOnApproval: boolean;
	timeoutMs?: number;
	output: 'text' | 'json';
	notify?: boolean;
	/** Undefined when the flag was not given (the environment or the preferences decide). */
	readOnly?: boolean;
}

export type Command =
	| {kind: 'help'}
	| {kind: 'version'}
	| {
			kind: 'demo-server';
			port: number;
			installs: number;
			speed: number;
			at: number;
			waitingApprovals: number;
			faults?: Faults;
			api: DemoApi;
	  }
	| ExploreCommand;

export class UsageError extends Error {
	override name = 'UsageError';
}

function parseFlags(argv: string[]) {
	return parseArgs({
		args: argv,
		allowPositionals: true,
		strict: true,
		options: {
			demo: {type: 'boolean'},
			'api-url': {type: 'string'},
			'api-token': {type: 'string'},
			org: {type: 'string'},
			app: {type: 'string'},
			labels: {type: 'string'},
			install: {type: 'string'},
			config: {type: 'string'},
			refresh: {type: 'string'},
			port: {type: 'string'},
			installs: {type: 'string'},
			speed: {type: 'string'},
			at: {type: 'string'},
			component: {type: 'string'},
			'demo-speed': {type: 'string'},
			'demo-api': {type: 'string'},
			'demo-waiting-approvals': {type: 'string'},
			'waiting-approvals': {type: 'string'},
			'until-done': {type: 'boolean'},
			'fail-on-approval': {type: 'boolean'},
			timeout: {type: 'string'},
			output: {type: 'string'},
			notify: {type: 'boolean'},
			'demo-faults': {type: 'string'},
			debug: {type: 'string'},
			theme: {type: 'string'},
			ascii: {type: 'boolean'},
			'read-only': {type: 'boolean'},
			help: {type: 'boolean', short: 'h'},
			version: {type: 'boolean', short: 'v'},
		},
	});
}

export function parseCommand(argv: string[]): Command {
	let parsed: ReturnType<typeof parseFlags>;
	try {
		parsed = parseFlags(argv);
	} catch (error) {
		throw new UsageError(`${(error as Error).message.split(/\.( |$)/)[0]}. See nuon-tui --help.`);
	}
	const {values, positionals} = parsed;
	if (values.help) return {kind: 'help'};
	if (values.version) return {kind: 'version'};
	const [verb, ...rest] = positionals;
	if (rest.length > 0 || (verb !== undefined && !['demo-server', 'watch', 'approvals'].includes(verb))) {
		throw new UsageError(`Unknown command "${positionals.join(' ')}". See nuon-tui --help.`);
	}
	if (verb === 'demo-server') {
		return {
			kind: 'demo-server',
			port: number(values.port ?? '0', '--port', 0, 65_535),
			installs: number(values.installs ?? '36', '--installs', 1, 100_000),
			speed: number(values.speed ?? '1', '--speed', 0.01, 1000),
			at: number(values.at ?? '0', '--at', -1e6, 1e9),
			waitingApprovals: integer(values['waiting-approvals'], '--waiting-approvals'),
			faults: faultsOf(values['demo-faults']),
			api: demoApiOf(values['demo-api']) ?? NEWEST_DEMO_API,
		};
	}
	const watch = verb === 'watch';
	const approvals = verb === 'approvals';
	if (approvals && (values['until-done'] || values.timeout || values.notify || values['fail-on-approval']))
		throw new UsageError('`nuon-tui approvals` takes --app and --output, not the watch options.');
	if (approvals && (values.install || values.component))
		throw new UsageError('`nuon-tui approvals` lists the whole org or one app (--app), not an install.');
	if (!watch && !approvals && (values['until-done'] || values.timeout || values.output || values.notify)) {
		throw new UsageError(
			'--until-done, --timeout, --output and --notify go with `nuon-tui watch`. See nuon-tui --help.',
		);
	}
	if (values['fail-on-approval'] && !values['until-done'])
		throw new UsageError('--fail-on-approval goes with `nuon-tui watch --until-done`.');
	if (values.component && !values.install)
		throw new UsageError('--component needs --install: components belong to an install.');
	const output = values.output ?? 'text';
	if (output !== 'text' && output !== 'json')
		throw new UsageError(`--output is text or json, not "${output}".`);
	let timeoutMs: number | undefined;
	if (values.timeout !== undefined) {
		timeoutMs = parseDuration(values.timeout);
		if (!timeoutMs)
			throw new UsageError(`--timeout takes a duration such as 30m, 90s or 1h, not "${values.timeout}".`);
	}
	const labels = values.labels === undefined ? undefined : parseLabels(values.labels);
	if (typeof labels === 'string') throw new UsageError(labels);
	return {
		kind: 'explore',
		demo: values.demo ?? false,
		demoSpeed: number(values['demo-speed'] ?? '1', '--demo-speed', 0.01, 1000),
		demoFaults: faultsOf(values['demo-faults']),
		demoApi: demoApiOf(values['demo-api']),
		demoWaitingApprovals: integer(values['demo-waiting-approvals'], '--demo-waiting-approvals'),
		debugFile: values.debug,
		theme: themeOf(values.theme),
		ascii: values.ascii,
		refreshSeconds: values.refresh === undefined ? undefined : number(values.refresh, '--refresh', 1, 3600),
		flags: {
			apiUrl: values['api-url'],
			apiToken: values['api-token'],
			orgId: values.org,
			appId: values.app,
			installId: values.install,
			configFile: values.config,
		},
		jump: {app: values.app, install: values.install, component: values.component},
		...(labels ? {labels} : {}),
		watch,
		...(approvals ? {approvals} : {}),
		untilDone: values['until-done'] ?? false,
		failOnApproval: values['fail-on-approval'] ?? false,
		timeoutMs,
		output,
		notify: values.notify,
		readOnly: values['read-only'],
	};
}

/** The server --demo-api names; undefined when it is not given (the demo then plays the newest). */
function demoApiOf(name: string | undefined): DemoApi | undefined {
	if (name === undefined) return undefined;
	const api = demoApiNamed(name);
	if (!api) throw new UsageError(`--demo-api is ${DEMO_APIS.join(', ')} or today, not "${name}".`);
	return api;
}

function themeOf(name: string | undefined): string | undefined {
	if (name !== undefined && !isThemeName(name))
		throw new UsageError(`--theme is dark, light or no-color, not "${name}".`);
	return name;
}

function faultsOf(spec: string | undefined): Faults | undefined {
	if (spec === undefined) return undefined;
	try {
		return parseFaults(spec);
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

/** "30m", "90s", "1h", "45" (seconds). */
export function parseDuration(text: string): number | undefined {
	const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
	if (!match) return undefined;
	const unit = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
	return Number(match[1]) * unit;
}

/** How many plans wait at once: a whole number, none when the flag is not given. */
function integer(text: string | undefined, flag: string): number {
	const value = number(text ?? '0', flag, 0, 100_000);
	if (!Number.isInteger(value)) throw new UsageError(`${flag} is a whole number, not "${text}".`);
	return value;
}

function number(text: string, flag: string, min: number, max: number): number {
	const value = Number(text);
	if (!Number.isFinite(value) || value < min || value > max) {
		throw new UsageError(`${flag} must be a number from ${min} to ${max}, not "${text}".`);
	}
	return value;
}
