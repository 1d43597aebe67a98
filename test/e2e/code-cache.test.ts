// The code cache bin/nuon-tui.js keeps of a run that showed the explorer (bin/code-cache.js).
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BIN, startPty} from '../helpers/pty.js';
import {installsTitle} from '../helpers/scenario.js';

const cacheFiles = (home: string) => {
	try {
		return readdirSync(join(home, 'nuon-tui')).filter(name => name.endsWith('.v8cache'));
	} catch {
		return [];
	}
};

/** The explorer on the demo until its installs show and `until` holds (at most 5 s), then `q`; whether it
 * held. */
async function explore(env: Record<string, string>, until: () => boolean = () => true): Promise<boolean> {
	const session = startPty(['--demo'], {env});
	await session.waitFor(installsTitle(), 20_000);
	for (const deadline = Date.now() + 5000; !until() && Date.now() < deadline; )
		await new Promise(resolve => setTimeout(resolve, 100));
	const held = until();
	session.write('q');
	expect((await session.exited).exitCode).toBe(0);
	return held;
}

describe('the code cache', () => {
	it('is written by a run that shows the explorer, soon after its first frame; a broken one is ' +
		'replaced', async () => {
		const cacheHome = mkdtempSync(join(tmpdir(), 'nuon-tui-cache-'));
		const env = {XDG_CACHE_HOME: cacheHome};
		execFileSync(process.execPath, [BIN, '--version'], {env: {...process.env, ...env}});
		expect(cacheFiles(cacheHome)).toEqual([]);

		// Written while the explorer runs, soon after its first frame.
		expect(await explore(env, () => cacheFiles(cacheHome).length > 0)).toBe(true);
		const [name] = cacheFiles(cacheHome);
		expect(name).toMatch(new RegExp(`^\\d+-\\d+-${process.version}-${process.arch}\\.v8cache$`));

		const file = join(cacheHome, 'nuon-tui', name!);
		writeFileSync(file, 'not a code cache');
		expect(await explore(env, () => readFileSync(file).length > 100_000)).toBe(true);
		expect(cacheFiles(cacheHome)).toEqual([name]);
		expect(readFileSync(file).length).toBeGreaterThan(100_000);
	}, 60_000);

	it('is neither read nor written with NODE_DISABLE_COMPILE_CACHE=1', async () => {
		const cacheHome = mkdtempSync(join(tmpdir(), 'nuon-tui-cache-'));
		await explore({XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: '1'});
		expect(cacheFiles(cacheHome)).toEqual([]);
	}, 60_000);
});
