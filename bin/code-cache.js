// Runs the CommonJS bundle with V8's code cache of it, kept after a run of the explorer: the cache
// holds every function that run compiled, where Node's compile cache (and the single executable's
// useCodeCache) hold only the bundle's top level, and start-up is mostly compiling (the first frame
// comes ~40 ms sooner). Keyed by the bundle's content and the Node that compiled it; in
// $XDG_CACHE_HOME/nuon-tui (~/.cache/nuon-tui); NODE_DISABLE_COMPILE_CACHE=1 turns it off.
'use strict';
const {hash} = require('node:crypto');
const fs = require('node:fs');
const {homedir} = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const {wrap} = require('node:module');

/** What the bundle sets once the explorer is on screen: only such a run compiled what the next one needs. */
const EXPLORER_MOUNTED = Symbol.for('nuon-tui.explorer-mounted');

exports.runWithCodeCache = function runWithCodeCache(source, filename, requireBuiltin) {
	const directory = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'nuon-tui');
	const name = `${hash('sha1', source)}-${process.version}-${process.arch}.v8cache`;
	const enabled = !process.env.NODE_DISABLE_COMPILE_CACHE;
	let cachedData;
	try {
		if (enabled) cachedData = fs.readFileSync(path.join(directory, name));
	} catch {
		// no cache yet
	}
	const script = new vm.Script(wrap(source), {filename, cachedData});
	if (enabled && (!cachedData || script.cachedDataRejected)) {
		process.once('exit', () => {
			if (globalThis[EXPLORER_MOUNTED]) save(directory, name, script.createCachedData());
		});
	}
	const loaded = {exports: {}};
	script.runInThisContext().call(loaded.exports, loaded.exports, requireBuiltin, loaded, filename, path.dirname(filename));
};

function save(directory, name, data) {
	try {
		fs.mkdirSync(directory, {recursive: true, mode: 0o700});
		for (const old of fs.readdirSync(directory)) if (old.endsWith('.v8cache')) fs.rmSync(path.join(directory, old), {force: true});
		const partial = path.join(directory, `${name}.${process.pid}`);
		fs.writeFileSync(partial, data, {mode: 0o600});
		fs.renameSync(partial, path.join(directory, name));
	} catch {
		// a cache that cannot be written only means a slower start
	}
}
