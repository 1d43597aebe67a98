#!/usr/bin/env node
// Runs on the user's own Node: say plainly when it is too old, before any modern syntax is loaded.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	process.stderr.write('nuon-tui needs Node.js 22 or newer; this is Node.js ' + process.versions.node + '.\n');
	process.exit(2);
}
import('../dist/cli.js').catch(function (error) {
	if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
		process.stderr.write('nuon-tui is not built yet: run `npm run build` first.\n');
		process.exit(2);
	}
	throw error;
});
