// nuon-tui's own preferences: a YAML file under the XDG config directory
// ($XDG_CONFIG_HOME/nuon-tui/config.yaml, by default ~/.config/nuon-tui/config.yaml).
// Flags override it. Errors name the file and the key that is wrong.
import {readFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {SettingsError} from './config.js';

export interface Preferences {
	theme?: 'dark' | 'light' | 'no-color';
	ascii?: boolean;
	/** Refresh interval in seconds. */
	refresh?: number;
	watch?: {fast?: number; slow?: number};
	notify?: boolean;
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
			properties: {fast: {type: 'number', minimum: 1, maximum: 30}, slow: {type: 'number', minimum: 1, maximum: 600}},
		},
		notify: {type: 'boolean'},
	},
} as const;

export function preferencesPath(env: NodeJS.ProcessEnv): string {
	return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'nuon-tui', 'config.yaml');
}

export async function readPreferences(path: string): Promise<Preferences> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
		throw new SettingsError(`Cannot read ${path}: ${(error as Error).message}`);
	}
	// YAML and ajv only when there is a file to read: both stay off the common start-up path.
	const {parse: parseYaml} = await import('yaml');
	let value: unknown;
	try {
		value = parseYaml(text) ?? {};
	} catch (error) {
		throw new SettingsError(`${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
	}
	const {Ajv} = await import('ajv');
	const validate = new Ajv({allErrors: true}).compile(PREFERENCES_SCHEMA);
	if (!validate(value)) {
		const problems = (validate.errors ?? []).map(error => {
			const key = [error.instancePath.replace(/^\//, '').replace(/\//g, '.'), error.params['additionalProperty']].filter(Boolean).join('.');
			return error.keyword === 'additionalProperties' ? `unknown key "${key}"` : `"${key}" ${error.message}`;
		});
		throw new SettingsError(`${path}: ${problems.join('; ')} (keys: theme, ascii, refresh, watch.fast, watch.slow, notify)`);
	}
	return value as Preferences;
}
