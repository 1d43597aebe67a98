import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {preferencesPath, readPreferences} from '../../source/preferences.js';

const dir = mkdtempSync(join(tmpdir(), 'nuon-tui-prefs-'));
function file(text: string): string {
	const path = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
	writeFileSync(path, text);
	return path;
}

describe('the preferences file', () => {
	it('lives under the XDG config directory', () => {
		expect(preferencesPath({XDG_CONFIG_HOME: '/home/me/.cfg'})).toBe('/home/me/.cfg/nuon-tui/config.yaml');
		expect(preferencesPath({})).toMatch(/\.config\/nuon-tui\/config\.yaml$/);
	});

	it('reads the preferences, and a missing file is none', async () => {
		expect(
			await readPreferences(
				file('theme: light\nascii: true\nrefresh: 10\nwatch:\n  fast: 3\n  slow: 30\nnotify: true\n'),
			),
		).toEqual({
			theme: 'light',
			ascii: true,
			refresh: 10,
			watch: {fast: 3, slow: 30},
			notify: true,
		});
		expect(await readPreferences(join(dir, 'absent.yaml'))).toEqual({});
	});

	it('names an unknown key, a wrong value and a malformed file', async () => {
		await expect(readPreferences(file('colour: red\n'))).rejects.toThrow(/unknown key "colour"/);
		await expect(readPreferences(file('theme: solarized\n'))).rejects.toThrow(
			/"theme" is one of dark, light, no-color/,
		);
		await expect(readPreferences(file('watch:\n  fast: 0\n'))).rejects.toThrow(/"watch.fast" must be >= 1/);
		await expect(readPreferences(file('watch:\n  speed: 2\n'))).rejects.toThrow(/unknown key "watch.speed"/);
		const bad = file('theme: [dark\n');
		await expect(readPreferences(bad)).rejects.toThrow(new RegExp(`${bad} is not valid YAML`));
	});
});
