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

export {USAGE} from './usage.js';
import {HELP_TOPICS} from './usage.js';
import {isShell, SHELLS, type Shell} from './completion.js';

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
	| {kind: 'help'; topic?: string}
	| {kind: 'version'}
	| {kind: 'completion'; shell: Shell}
	/** `__complete installs|apps FLAGS…`: the names the completion scripts offer, with the line's settings. */
	| {kind: 'complete-names'; what: 'installs' | 'apps'; command: ExploreCommand}
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

const OPTIONS = {
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
} as const;

/** Every flag, for the completion scripts. */
export const FLAGS = Object.entries(OPTIONS).map(([name, option]) => ({
	name,
	takesValue: option.type === 'string',
}));

function parseFlags(argv: string[]) {
	return parseArgs({args: argv, allowPositionals: true, strict: true, options: OPTIONS});
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
	if (verb === '__complete') return completeNames(argv, rest[0]);
	const other = otherCommand(verb, rest);
	if (other) return other;
	if (rest.length > 0 || (verb !== undefined && !['demo-server', 'watch', 'approvals'].includes(verb))) {
		throw new UsageError(`Unknown command "${positionals.join(' ')}". See nuon-tui --help.`);
	}
	const withDemo = DEMO_FLAGS.find(flag => values[flag] !== undefined);
	if (verb !== 'demo-server' && withDemo && !values.demo)
		throw new UsageError(`--${withDemo} goes with --demo (or \`nuon-tui demo-server\`).`);
	const demoOnly = DEMO_SERVER_FLAGS.filter(flag => values[flag] !== undefined);
	if (verb !== 'demo-server' && demoOnly.length > 0)
		throw new UsageError(
			`--${demoOnly[0]} goes with \`nuon-tui demo-server\`. See nuon-tui help demo-server.`,
		);
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
			throw new UsageError(
				`--timeout takes a duration such as 30m, 90s, 1h or 1h30m, not "${values.timeout}".`,
			);
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

/** The flags that shape the embedded demo: nothing without it. */
const DEMO_FLAGS = ['demo-speed', 'demo-api', 'demo-faults', 'demo-waiting-approvals'] as const;
/** The flags only `demo-server` takes. */
const DEMO_SERVER_FLAGS = ['port', 'installs', 'speed', 'at', 'waiting-approvals'] as const;

/** `help [COMMAND]`, `version`, `completion SHELL`: the commands that need no settings. */
function otherCommand(verb: string | undefined, rest: string[]): Command | undefined {
	if (verb === 'version' && rest.length === 0) return {kind: 'version'};
	if (verb === 'help') {
		const [topic, ...more] = rest;
		if (more.length > 0 || (topic !== undefined && !(topic in HELP_TOPICS)))
			throw new UsageError(
				`nuon-tui help knows ${Object.keys(HELP_TOPICS).join(', ')}, not "${rest.join(' ')}".`,
			);
		return {kind: 'help', topic};
	}
	if (verb === 'completion') {
		const [shell, ...more] = rest;
		if (more.length > 0 || !isShell(shell))
			throw new UsageError(`nuon-tui completion takes ${SHELLS.join(', ')}, not "${rest.join(' ')}".`);
		return {kind: 'completion', shell};
	}
	return undefined;
}

function completeNames(argv: string[], what: string | undefined): Command {
	if (what !== 'installs' && what !== 'apps') throw new UsageError('__complete lists installs or apps.');
	const words = [...argv];
	for (const word of ['__complete', what]) words.splice(words.indexOf(word), 1);
	const command = parseCommand(words.filter(word => !['watch', 'approvals'].includes(word)));
	if (command.kind !== 'explore') throw new UsageError('__complete takes the explorer’s flags.');
	return {kind: 'complete-names', what, command};
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

const UNIT_MS = {ms: 1, s: 1000, m: 60_000, h: 3_600_000};

/** "30m", "90s", "1h", "1h30m", "2m30s", "45" (seconds). */
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim();
	if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
	if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(trimmed)) return undefined;
	let total = 0;
	for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
		total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
	return total;
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
