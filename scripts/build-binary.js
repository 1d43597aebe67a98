// npm run build:binary: one executable for servers without Node (Node's single executable
// application support). The bundle (`npm run build`, which `npm run build:binary` runs first)
// travels as an asset; the main script (sea-main.cjs) runs it with the code cache bin/nuon-tui.js
// uses. `--reuse` (the tests, the bench) keeps an executable built from the same bundle by the
// same Node. `--arch arm64` (or x64) builds for the other Linux architecture, from the same Node
// version's binary for it: the registry's `node-linux-<arch>` package (what the `node` devDependency
// installs for this machine), fetched once with `npm pack` into dist/sea/. macOS and Windows
// executables are not built here: Node's single executables there must be signed on their own
// platforms (codesign, signtool).
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {arch, platform} from 'node:os';
import {basename} from 'node:path';
import {build} from 'esbuild';
import {BUNDLE} from './bundle-options.js';

const require = createRequire(import.meta.url);
const targetArch = process.argv.includes('--arch')
	? process.argv[process.argv.indexOf('--arch') + 1]
	: arch();
if (!['x64', 'arm64'].includes(targetArch)) throw new Error(`--arch is x64 or arm64, not ${targetArch}`);
const out = `dist/nuon-tui-${platform()}-${targetArch}`;
mkdirSync('dist/sea', {recursive: true});

/** The Node binary the executable is made from: this one, or the same version's for the target. */
function nodeBinary() {
	if (targetArch === arch()) return process.execPath;
	const version = process.version.slice(1);
	const folder = `dist/sea/node-${platform()}-${targetArch}-${version}`;
	const binary = `${folder}/package/bin/node`;
	if (!existsSync(binary)) {
		mkdirSync(folder, {recursive: true});
		const name = `node-${platform()}-${targetArch}@${version}`;
		const tarball = execFileSync('npm', ['pack', name, '--silent', '--pack-destination', folder], {
			encoding: 'utf8',
		}).trim();
		execFileSync('tar', ['xzf', `${folder}/${tarball}`, '-C', folder]);
	}
	return binary;
}
const node = nodeBinary();

await build({
	entryPoints: ['scripts/sea-main.cjs'],
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node22',
	outfile: 'dist/sea/main.cjs',
	logLevel: 'warning',
});
writeFileSync(
	'dist/sea/config.json',
	JSON.stringify({
		main: 'dist/sea/main.cjs',
		output: 'dist/sea/blob',
		disableExperimentalSEAWarning: true,
		assets: {'cli.cjs': BUNDLE, 'cli.cjs.map': `${BUNDLE}.map`},
	}),
);
// What the executable is made of: the bundle and the Node it is built from.
const stamp = createHash('sha256')
	.update(readFileSync(BUNDLE))
	.update(readFileSync('dist/sea/main.cjs'))
	.update(readFileSync('dist/sea/config.json'))
	.update(process.version + node)
	.digest('hex');
const stampFile = `${out}.sha256`;

/** The checksum a user checks a copy with: `sha256sum -c nuon-tui-linux-x64.sha256sum` beside it. */
function writeChecksum() {
	const digest = createHash('sha256').update(readFileSync(out)).digest('hex');
	writeFileSync(`${out}.sha256sum`, `${digest}  ${basename(out)}\n`);
}
if (
	process.argv.includes('--reuse') &&
	existsSync(out) &&
	existsSync(stampFile) &&
	readFileSync(stampFile, 'utf8') === stamp
) {
	console.log(`${out} is up to date`);
	writeChecksum();
	process.exit(0);
}
execFileSync(process.execPath, ['--experimental-sea-config', 'dist/sea/config.json'], {stdio: 'ignore'});
copyFileSync(node, out);
chmodSync(out, 0o755);
// Node's own debug symbols are ~18 MB of the executable; strip them where binutils (for the target:
// aarch64-linux-gnu-strip from binutils-aarch64-linux-gnu) is installed.
try {
	execFileSync(targetArch === arch() ? 'strip' : 'aarch64-linux-gnu-strip', ['--strip-all', out], {
		stdio: 'ignore',
	});
} catch {
	console.log("could not run strip: the executable keeps Node's debug symbols");
}
execFileSync(
	process.execPath,
	[
		require.resolve('postject/dist/cli.js'),
		out,
		'NODE_SEA_BLOB',
		'dist/sea/blob',
		'--sentinel-fuse',
		'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
	],
	{stdio: 'ignore'},
);
writeFileSync(stampFile, stamp);
writeChecksum();
console.log(`built ${out}`);
