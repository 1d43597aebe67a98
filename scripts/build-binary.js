// npm run build:binary: one executable for servers without Node (Node's single executable
// application support). The ESM bundle travels as an asset; a small CommonJS main imports it.
// `--reuse` (the tests) keeps an executable built from the same bundle by the same Node.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {arch, platform} from 'node:os';
import {build} from 'esbuild';
import {bundleOptions, requireBanner} from './bundle-options.js';

const require = createRequire(import.meta.url);
const out = `dist/nuon-tui-${platform()}-${arch()}`;
mkdirSync('dist/sea', {recursive: true});

// Inside the executable the module has no file URL: CommonJS requires resolve from the binary.
await build({...bundleOptions, outfile: 'dist/sea/cli.mjs', banner: requireBanner('process.execPath')});

writeFileSync(
	'dist/sea/main.cjs',
	`const {getAsset} = require('node:sea');
const source = getAsset('cli.mjs', 'utf8');
import('data:text/javascript;base64,' + Buffer.from(source).toString('base64')).catch(error => {
	process.stderr.write(String(error && error.stack || error) + '\\n');
	process.exit(1);
});
`,
);
writeFileSync(
	'dist/sea/config.json',
	JSON.stringify({main: 'dist/sea/main.cjs', output: 'dist/sea/blob', disableExperimentalSEAWarning: true, assets: {'cli.mjs': 'dist/sea/cli.mjs'}}),
);
// What the executable is made of: the bundle and the Node it is built from.
const stamp = createHash('sha256').update(readFileSync('dist/sea/cli.mjs')).update(readFileSync('dist/sea/main.cjs')).update(process.version + process.execPath).digest('hex');
const stampFile = `${out}.sha256`;
if (process.argv.includes('--reuse') && existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
	console.log(`${out} is up to date`);
	process.exit(0);
}
execFileSync(process.execPath, ['--experimental-sea-config', 'dist/sea/config.json'], {stdio: 'ignore'});
copyFileSync(process.execPath, out);
chmodSync(out, 0o755);
// Node's own debug symbols are ~18 MB of the executable; strip them where binutils is installed.
try {
	execFileSync('strip', ['--strip-all', out], {stdio: 'ignore'});
} catch {
	console.log('could not run strip: the executable keeps Node\'s debug symbols');
}
execFileSync(process.execPath, [require.resolve('postject/dist/cli.js'), out, 'NODE_SEA_BLOB', 'dist/sea/blob', '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], {stdio: 'ignore'});
writeFileSync(stampFile, stamp);
console.log(`built ${out}`);
