import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {requireConnection, resolveSettings, SettingsError} from '../../source/config.js';

const dir = mkdtempSync(join(tmpdir(), 'nuon-tui-config-'));
function configFile(text: string): string {
	const path = join(dir, `nuon-${Math.random().toString(36).slice(2)}.yml`);
	writeFileSync(path, text);
	return path;
}

describe('settings', () => {
	const file = configFile(
		'api_token: file-token\napi_url: https://file.example\norg_id: file-org\napp_id: ' +
			'file-app\ninstall_id: file-install\n',
	);

	it('reads the official CLI keys from the file named by NUON_CONFIG_FILE', async () => {
		expect(await resolveSettings({}, {NUON_CONFIG_FILE: file})).toEqual({
			apiToken: 'file-token',
			apiUrl: 'https://file.example',
			orgId: 'file-org',
			appId: 'file-app',
			installId: 'file-install',
		});
	});

	it('lets the environment override the file, and flags override both', async () => {
		const env = {
			NUON_CONFIG_FILE: file,
			NUON_API_TOKEN: 'env-token',
			NUON_ORG_ID: 'env-org',
			NUON_API_URL: 'https://env.example/',
		};
		expect(await resolveSettings({}, env)).toMatchObject({
			apiToken: 'env-token',
			orgId: 'env-org',
			apiUrl: 'https://env.example',
			appId: 'file-app',
		});
		expect(await resolveSettings({apiToken: 'flag-token', orgId: 'flag-org'}, env)).toMatchObject({
			apiToken: 'flag-token',
			orgId: 'flag-org',
		});
	});

	it('a --config flag wins over NUON_CONFIG_FILE', async () => {
		const other = configFile('org_id: other-org\n');
		expect((await resolveSettings({configFile: other}, {NUON_CONFIG_FILE: file})).orgId).toBe('other-org');
	});

	it('uses the public API when nothing sets a URL, and a missing file is no error', async () => {
		expect((await resolveSettings({}, {NUON_CONFIG_FILE: join(dir, 'absent')})).apiUrl).toBe(
			'https://api.nuon.co',
		);
	});

	it('names the file and the parse error when the YAML is malformed', async () => {
		const bad = configFile('api_token: [unclosed\n');
		await expect(resolveSettings({}, {NUON_CONFIG_FILE: bad})).rejects.toThrow(SettingsError);
		await expect(resolveSettings({}, {NUON_CONFIG_FILE: bad})).rejects.toThrow(
			new RegExp(`${bad}.*not valid YAML`),
		);
	});

	it('ends the parse error where the reason ends, without the code frame’s dangling colon', async () => {
		const bad = configFile('api_token: a\n org_id: b\nc: [\n');
		const message = await resolveSettings({}, {NUON_CONFIG_FILE: bad}).then(
			() => '',
			(error: Error) => error.message,
		);
		expect(message).toMatch(/at line \d+, column \d+\.$/);
	});

	it('says a file named with --config does not exist, instead of asking for a token', async () => {
		await expect(resolveSettings({configFile: join(dir, 'nonexistent')}, {})).rejects.toThrow(
			/nonexistent \(from --config\) does not exist/,
		);
		// ~/.nuon or NUON_CONFIG_FILE may be absent: no settings from a file then.
		await expect(resolveSettings({}, {NUON_CONFIG_FILE: join(dir, 'absent')})).resolves.toMatchObject({
			apiUrl: 'https://api.nuon.co',
		});
		await expect(resolveSettings({configFile: configFile('')}, {})).resolves.toMatchObject({
			apiUrl: 'https://api.nuon.co',
		});
	});

	it('rejects a file that is not a mapping and a URL that is not http(s)', async () => {
		await expect(resolveSettings({}, {NUON_CONFIG_FILE: configFile('- a\n- b\n')})).rejects.toThrow(/list/);
		await expect(
			resolveSettings({apiUrl: 'api.nuon.co'}, {NUON_CONFIG_FILE: join(dir, 'absent')}),
		).rejects.toThrow(/http/);
		await expect(
			resolveSettings({}, {NUON_CONFIG_FILE: join(dir, 'absent'), NUON_API_URL: 'http://'}),
		).rejects.toThrow('The API URL "http://" has no host name after its http:// or https://');
	});

	it('says which settings are missing, how to set them, and about --demo', async () => {
		const settings = await resolveSettings({}, {NUON_CONFIG_FILE: join(dir, 'absent')});
		let message = '';
		try {
			requireConnection(settings, '/home/me/.nuon');
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/Missing API token and org id/);
		expect(message).toMatch(/NUON_API_TOKEN/);
		expect(message).toMatch(/--org/);
		expect(message).toMatch(/\/home\/me\/\.nuon/);
		expect(message).toMatch(/--demo/);
	});
});
