#!/usr/bin/env node
// Runs on the user's own Node: say plainly when it is too old, before any modern syntax is loaded.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	process.stderr.write('nuon-tui needs Node.js 22 or newer; this is Node.js ' + process.versions.node + '.\n');
	process.exit(2);
}
// Cache V8's compiled code of the bundle between runs (Node 22.1+): start-up is mostly compiling.
import('node:module')
	.then(function (module) {
		if (module.enableCompileCache) module.enableCompileCache();
		return import('../dist/cli.js');
	})
	.catch(function (error) {
	if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
		process.stderr.write('nuon-tui is not built yet: run `npm run build` first.\n');
		process.exit(2);
	}
	throw error;
});
