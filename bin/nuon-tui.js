#!/usr/bin/env node
// CommonJS (bin/package.json): it runs on any Node to say plainly when that is too old, and a
// CommonJS entry starts without Node's ES module loader.
'use strict';
const major = Number(process.versions.node.split('.')[0]);
/** What runs on any Node that can read the bundle: the help, the version and the completion scripts. */
const ANY_NODE = new Set(['-h', '--help', 'help', '-v', '--version', 'version', 'completion']);
// Ink 8 and undici 8 need Node 22 (each says so in its engines, and uses what Node 20 lacks:
// Promise.withResolvers in Ink's renderer and undici's bodies), so exploring needs it too.
if (major < 22 && !(major >= 18 && ANY_NODE.has(process.argv[2]))) {
	process.stderr.write(
		`nuon-tui needs Node.js 22 or newer to run; this is Node.js ${process.versions.node}. Without it: ` +
			'the single executable (nuon-tui-linux-x64 or -arm64: Node is inside), see the README.\n',
	);
	process.exit(2);
}
const {readFileSync} = require('node:fs');
const {join} = require('node:path');
const {runWithCodeCache} = require('./code-cache.js');

const bundle = join(__dirname, '../dist/cli.cjs');
let source;
try {
	source = readFileSync(bundle, 'utf8');
} catch (error) {
	if (error.code !== 'ENOENT') throw error;
	process.stderr.write('nuon-tui is not built yet: run `npm run build` first.\n');
	process.exit(2);
}
runWithCodeCache(source, bundle, bundle, require);
