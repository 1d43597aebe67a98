// nuon-tui's own preferences: a YAML file under the XDG config directory
// ($XDG_CONFIG_HOME/nuon-tui/config.yaml, by default ~/.config/nuon-tui/config.yaml).
// Flags override it. Errors name the file and the key that is wrong.
import {homedir} from 'node:os';
import {join} from 'node:path';
import {readYamlFile, SettingsError} from './config.js';
import {DEFAULT_POLL, type PollSettings} from './state/poll-policy.js';

export interface Preferences {
	theme?: 'dark' | 'light' | 'no-color';
	ascii?: boolean;
	/** Refresh interval in seconds. */
	refresh?: number;
	watch?: {fast?: number; slow?: number};
	notify?: boolean;
	read_only?: boolean;
}

export const PREFERENCES_SCHEMA = {
	type: 'object',
	additionalProperties: false,
	properties: {
		theme: {enum: ['dark', 'light', 'no-color']},
		ascii: {type: 'boolean'},
		refresh: {type: 'number', minimum: 1, maximum: 3600},
		watch: {
			type: 'object',
			additionalProperties: false,
			properties: {
				fast: {type: 'number', minimum: 1, maximum: 30},
				slow: {type: 'number', minimum: 1, maximum: 600},
			},
		},
		notify: {type: 'boolean'},
		read_only: {type: 'boolean'},
	},
} as const;

/** --read-only, else NUON_TUI_READ_ONLY (1, true, yes), else the preference read_only. */
export function isReadOnly(
	flag: boolean | undefined,
	env: NodeJS.ProcessEnv,
	preferences: Preferences,
): boolean {
	if (flag !== undefined) return flag;
	const value = env.NUON_TUI_READ_ONLY;
	if (value !== undefined && value !== '') return /^(1|true|yes|on)$/i.test(value);
	return preferences.read_only ?? false;
}

/** Watch mode's poll intervals: the file's watch.fast and watch.slow (seconds) over the defaults. */
export function pollSettings(preferences: Preferences): PollSettings {
	const {fast, slow} = preferences.watch ?? {};
	return {
		...DEFAULT_POLL,
		fastMs: fast ? fast * 1000 : DEFAULT_POLL.fastMs,
		slowMs: slow ? slow * 1000 : DEFAULT_POLL.slowMs,
	};
}

export function preferencesPath(env: NodeJS.ProcessEnv): string {
	return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'nuon-tui', 'config.yaml');
}

export async function readPreferences(path: string): Promise<Preferences> {
	const file = await readYamlFile(path, path);
	if (file === undefined) return {};
	const value = file ?? {};
	// ajv only when there is a file to check: it stays off the common start-up path.
	const {Ajv} = await import('ajv');
	const validate = new Ajv({allErrors: true}).compile(PREFERENCES_SCHEMA);
	if (!validate(value)) {
		const problems = (validate.errors ?? []).map(error => {
			const key = [error.instancePath.replace(/^\//, '').replace(/\//g, '.'), error.params.additionalProperty]
				.filter(Boolean)
				.join('.');
			if (error.keyword === 'additionalProperties') return `unknown key "${key}"`;
			if (error.keyword === 'enum')
				return `"${key}" is one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
			return `"${key}" ${error.message}`;
		});
		throw new SettingsError(
			`${path}: ${problems.join('; ')} (keys: theme, ascii, refresh, watch.fast, watch.slow, notify, ` +
				`read_only)`,
		);
	}
	return value as Preferences;
}
