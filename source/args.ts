// Command-line arguments, parsed with node:util parseArgs. Pure: returns what to do, or an error.
import {parseArgs} from 'node:util';
import type {SettingFlags} from './config.js';

export const USAGE = `nuon-tui: a keyboard-driven terminal explorer for the Nuon platform

Usage
  nuon-tui [options]                 explore installs → components → latest deploy
  nuon-tui --demo                    explore the embedded demo API (no account needed)
  nuon-tui demo-server [--port N]    run the demo API alone, for tests and other clients

Options
  --demo                 use the embedded demo API
  --api-url URL          API base URL            (env NUON_API_URL, ~/.nuon api_url)
  --api-token TOKEN      API token               (env NUON_API_TOKEN, ~/.nuon api_token)
  --org ID               org id                  (env NUON_ORG_ID, ~/.nuon org_id)
  --app ID               show only this app's installs (env NUON_APP_ID, ~/.nuon app_id: preselected)
  --install ID           preselect this install  (env NUON_INSTALL_ID, ~/.nuon install_id)
  --config FILE          settings file           (env NUON_CONFIG_FILE; default ~/.nuon)
  --refresh SECONDS      refresh interval, at least 1 (default 5)
  -h, --help             show this help
  -v, --version          show the version

demo-server options
  --port N               port on 127.0.0.1 (default: a free one, printed on start)
  --installs N           number of installs in the demo org (default 36)
  --speed FACTOR         scenario clock speed (default 1)
  --at SECONDS           start the scenario clock there (the rollout runs from about -20 to 110;
                         --at 600 gives a settled org)

Keys: press ? in the explorer.`;

export type Command =
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'demo-server'; port: number; installs: number; speed: number; at: number}
	| {kind: 'explore'; demo: boolean; flags: SettingFlags; refreshSeconds: number};

export class UsageError extends Error {
	override name = 'UsageError';
}

export function parseCommand(argv: string[]): Command {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				demo: {type: 'boolean'},
				'api-url': {type: 'string'},
				'api-token': {type: 'string'},
				org: {type: 'string'},
				app: {type: 'string'},
				install: {type: 'string'},
				config: {type: 'string'},
				refresh: {type: 'string'},
				port: {type: 'string'},
				installs: {type: 'string'},
				speed: {type: 'string'},
				at: {type: 'string'},
				help: {type: 'boolean', short: 'h'},
				version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (error) {
		throw new UsageError(`${(error as Error).message.split(/\.( |$)/)[0]}. See nuon-tui --help.`);
	}
	const {values, positionals} = parsed;
	if (values.help) return {kind: 'help'};
	if (values.version) return {kind: 'version'};
	const [verb, ...rest] = positionals;
	if (rest.length > 0 || (verb !== undefined && verb !== 'demo-server')) {
		throw new UsageError(`Unknown command "${positionals.join(' ')}". See nuon-tui --help.`);
	}
	if (verb === 'demo-server') {
		return {
			kind: 'demo-server',
			port: number(values.port ?? '0', '--port', 0, 65_535),
			installs: number(values.installs ?? '36', '--installs', 1, 100_000),
			speed: number(values.speed ?? '1', '--speed', 0.01, 1000),
			at: number(values.at ?? '0', '--at', -1e6, 1e9),
		};
	}
	return {
		kind: 'explore',
		demo: values.demo ?? false,
		refreshSeconds: number(values.refresh ?? '5', '--refresh', 1, 3600),
		flags: {
			apiUrl: values['api-url'],
			apiToken: values['api-token'],
			orgId: values.org,
			appId: values.app,
			installId: values.install,
			configFile: values.config,
		},
	};
}

function number(text: string, flag: string, min: number, max: number): number {
	const value = Number(text);
	if (!Number.isFinite(value) || value < min || value > max) {
		throw new UsageError(`${flag} must be a number from ${min} to ${max}, not "${text}".`);
	}
	return value;
}
