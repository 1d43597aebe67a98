// Settings, compatible with the official `nuon` CLI: flags > environment > the YAML file ~/.nuon
// (or $NUON_CONFIG_FILE).
import {readFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';

export interface Settings {
	apiToken?: string;
	apiUrl: string;
	orgId?: string;
	appId?: string;
	installId?: string;
}

export type SettingFlags = Partial<
	Record<'apiToken' | 'apiUrl' | 'orgId' | 'appId' | 'installId' | 'configFile', string>
>;

export const DEFAULT_API_URL = 'https://api.nuon.co';

/** A setting problem the user must fix; the CLI prints `message` and exits with code 2. */
export class SettingsError extends Error {
	override name = 'SettingsError';
}

const KEYS = [
	{field: 'apiToken', file: 'api_token', env: 'NUON_API_TOKEN', flag: '--api-token'},
	{field: 'apiUrl', file: 'api_url', env: 'NUON_API_URL', flag: '--api-url'},
	{field: 'orgId', file: 'org_id', env: 'NUON_ORG_ID', flag: '--org'},
	{field: 'appId', file: 'app_id', env: 'NUON_APP_ID', flag: '--app'},
	{field: 'installId', file: 'install_id', env: 'NUON_INSTALL_ID', flag: '--install'},
] as const;

export function configFilePath(flags: SettingFlags, env: NodeJS.ProcessEnv): string {
	return flags.configFile || env.NUON_CONFIG_FILE || join(homedir(), '.nuon');
}

/**
 * A YAML settings file (`name` says which in messages): undefined when there is none, an error
 * naming it when it cannot be read or parsed. YAML is loaded only when there is a file.
 */
export async function readYamlFile(path: string, name: string): Promise<unknown> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw new SettingsError(`Cannot read ${name}: ${(error as Error).message}`);
	}
	const {parse: parseYaml} = await import('yaml');
	try {
		return parseYaml(text);
	} catch (error) {
		// The parser's first line ends with ":" before a code frame, which a one-line message leaves out.
		const reason = (error as Error).message.split('\n')[0]!.replace(/:\s*$/, '');
		throw new SettingsError(`${name.charAt(0).toUpperCase()}${name.slice(1)} is not valid YAML: ${reason}.`);
	}
}

/** What readConfigFile answers for a file that does not exist: no settings. */
const MISSING: Record<string, unknown> = Object.freeze({});

/** Reads the config file; a missing or empty file is an empty one. */
export async function readConfigFile(path: string): Promise<Record<string, unknown>> {
	const parsed = await readYamlFile(path, `the config file ${path}`);
	if (parsed === undefined) return MISSING;
	if (parsed == null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new SettingsError(
			`The config file ${path} must hold keys such as api_token and org_id, not a ` +
				`${Array.isArray(parsed) ? 'list' : typeof parsed}.`,
		);
	}
	return parsed as Record<string, unknown>;
}

export async function resolveSettings(
	flags: SettingFlags,
	env: NodeJS.ProcessEnv = process.env,
): Promise<Settings> {
	const path = configFilePath(flags, env);
	const file = await readConfigFile(path);
	// A file named on the command line is meant to exist; ~/.nuon (or NUON_CONFIG_FILE) may not.
	if (flags.configFile && file === MISSING)
		throw new SettingsError(`The config file ${path} (from --config) does not exist.`);
	const settings: Settings = {apiUrl: DEFAULT_API_URL};
	for (const key of KEYS) {
		const fileValue = file[key.file];
		if (fileValue != null && typeof fileValue !== 'string' && typeof fileValue !== 'number') {
			throw new SettingsError(`The config file ${path}: ${key.file} must be a string.`);
		}
		const value = flags[key.field] || env[key.env] || (fileValue == null ? undefined : String(fileValue));
		if (value) settings[key.field] = value.trim();
	}
	const problem = !/^https?:\/\//.test(settings.apiUrl)
		? 'must start with http:// or https://'
		: !URL.canParse(settings.apiUrl) || !new URL(settings.apiUrl).hostname
			? 'has no host name after its http:// or https://'
			: undefined;
	if (problem) {
		throw new SettingsError(
			`The API URL "${settings.apiUrl}" ${problem}, as in https://api.nuon.co (set by --api-url, ` +
				`NUON_API_URL or api_url).`,
		);
	}
	settings.apiUrl = settings.apiUrl.replace(/\/+$/, '');
	return settings;
}

/** Settings with the two that every request needs; otherwise an error that says how to set them. */
export function requireConnection(
	settings: Settings,
	configPath: string,
): Required<Pick<Settings, 'apiToken' | 'orgId'>> & Settings {
	const missing = [
		!settings.apiToken && {what: 'API token', key: KEYS[0]},
		!settings.orgId && {what: 'org id', key: KEYS[2]},
	].filter(Boolean) as Array<{what: string; key: (typeof KEYS)[number]}>;
	if (missing.length > 0) {
		const lines = missing.map(
			({what, key}) =>
				`  ${what}: set ${key.env}, pass ${key.flag}, or add "${key.file}: ..." to ${configPath}`,
		);
		throw new SettingsError(
			[
				`Missing ${missing.map(m => m.what).join(' and ')}.`,
				...lines,
				'  `nuon auth login` and `nuon orgs select` write both to ~/.nuon.',
				'  To try nuon-tui without an account: nuon-tui --demo',
			].join('\n'),
		);
	}
	// A token with a line break or an escape in it (a bad copy and paste) can never be sent as a
	// header: say so once, without printing it, rather than failing every request.
	if (/[\u0000-\u001F\u007F]/.test(settings.apiToken!)) {
		throw new SettingsError(
			`The API token holds a control character (a line break, a tab or an escape: a bad copy and paste?), ` +
				`so it cannot be a token. Set it again with ${KEYS[0].env}, or "${KEYS[0].file}: ..." in ` +
				`${configPath} (\`nuon auth login\` writes it).`,
		);
	}
	return settings as Required<Pick<Settings, 'apiToken' | 'orgId'>> & Settings;
}
