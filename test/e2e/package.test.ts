// The npm package as a user gets it: `npm pack` builds the bundle (prepack), the tarball holds the
// bin and the bundle, and installed into an empty prefix it needs no dependency: --version, the
// explorer on --demo in a real terminal, and `approvals --demo` without one.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, expect, it} from 'vitest';
import {startPty, type PtySession} from '../helpers/pty.js';

const root = new URL('../..', import.meta.url).pathname;
let installed: string;
let tarball: string;
let session: PtySession | undefined;
afterEach(() => {
	session?.kill();
	session = undefined;
});

/** Bytes of every file under a folder. */
function sizeOf(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.size;
	return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

beforeAll(() => {
	const work = mkdtempSync(join(tmpdir(), 'nuon-tui-package-'));
	// --ignore-scripts: prepack would build the bundle again under the other e2e tests, which run it
	// (npm test has just built it; the test below checks that prepack builds it).
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	) as Array<{filename: string; files: Array<{path: string}>}>;
	tarball = join(work, packed[0]!.filename);
	expect(packed[0]!.files.map(file => file.path).sort()).toEqual(
		expect.arrayContaining([
			'bin/nuon-tui.js',
			'bin/code-cache.js',
			'dist/cli.cjs',
			'dist/cli.cjs.map',
			'package.json',
		]),
	);
	const prefix = join(work, 'prefix');
	// --offline: a package with no dependency needs nothing from a registry.
	execFileSync(
		'npm',
		['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
		{
			encoding: 'utf8',
		},
	);
	installed = join(prefix, 'bin', 'nuon-tui');
	const modules = join(prefix, 'lib', 'node_modules');
	process.stdout.write(
		`package: tarball ${statSync(tarball).size} B, installed ${sizeOf(modules)} B, ` +
			`${readdirSync(modules).length} package(s)\n`,
	);
	expect(readdirSync(modules)).toEqual(['nuon-tui']); // no dependency came with it
}, 120_000);

it('npm pack builds the bundle first (prepack), so a clean checkout packs a package that runs', () => {
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		scripts: Record<string, string>;
		dependencies?: Record<string, string>;
	};
	expect(manifest.scripts.prepack).toMatch(/npm run build/);
	expect(manifest.dependencies ?? {}).toEqual({}); // everything it runs is in the bundle
});

it('installed from the tarball, it runs: --version', () => {
	const version = spawnSync(installed, ['--version'], {encoding: 'utf8'});
	expect([version.status, version.stdout]).toEqual([0, expect.stringMatching(/^nuon-tui \d+\.\d+\.\d+\n$/)]);
});

it('installed from the tarball, `approvals --demo` lists what waits, without a terminal', () => {
	const approvals = spawnSync(installed, ['approvals', '--demo'], {encoding: 'utf8', timeout: 60_000});
	expect([0, 4]).toContain(approvals.status);
	expect(approvals.stderr).not.toContain('crashed');
});

it('installed from the tarball, the explorer shows the demo org in a real terminal; q quits', async () => {
	session = startPty(['--demo'], {executable: installed});
	await session.waitFor(/Installs \(\d+\)/);
	session.write('q');
	expect((await session.exited).exitCode).toBe(0);
});
