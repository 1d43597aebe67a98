#!/usr/bin/env node
// CommonJS (bin/package.json): it runs on any Node to say plainly when that is too old, and a
// CommonJS entry starts without Node's ES module loader.
'use strict';
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	process.stderr.write(`nuon-tui needs Node.js 22 or newer; this is Node.js ${process.versions.node}.\n`);
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
