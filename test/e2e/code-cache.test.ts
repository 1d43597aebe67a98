// The code cache bin/nuon-tui.js keeps of a run that showed the explorer (bin/code-cache.js).
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BIN, startPty} from '../helpers/pty.js';

const cacheFiles = (home: string) => {
	try {
		return readdirSync(join(home, 'nuon-tui')).filter(name => name.endsWith('.v8cache'));
	} catch {
		return [];
	}
};

/** The explorer on the demo until its installs show, then `q`. */
async function explore(env: Record<string, string>) {
	const session = startPty(['--demo'], {env});
	await session.waitFor('Installs (36)', 20_000);
	session.write('q');
	expect((await session.exited).exitCode).toBe(0);
}

describe('the code cache', () => {
	it('is kept only by a run that showed the explorer, and a broken one is replaced', async () => {
		const cacheHome = mkdtempSync(join(tmpdir(), 'nuon-tui-cache-'));
		const env = {XDG_CACHE_HOME: cacheHome};
		execFileSync(process.execPath, [BIN, '--version'], {env: {...process.env, ...env}});
		expect(cacheFiles(cacheHome)).toEqual([]);

		await explore(env);
		const [name] = cacheFiles(cacheHome);
		expect(name).toMatch(new RegExp(`^[0-9a-f]{40}-${process.version}-${process.arch}\\.v8cache$`));

		const file = join(cacheHome, 'nuon-tui', name!);
		writeFileSync(file, 'not a code cache');
		await explore(env);
		expect(cacheFiles(cacheHome)).toEqual([name]);
		expect(readFileSync(file).length).toBeGreaterThan(100_000);
	}, 60_000);

	it('is neither read nor written with NODE_DISABLE_COMPILE_CACHE=1', async () => {
		const cacheHome = mkdtempSync(join(tmpdir(), 'nuon-tui-cache-'));
		await explore({XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: '1'});
		expect(cacheFiles(cacheHome)).toEqual([]);
	}, 60_000);
});
