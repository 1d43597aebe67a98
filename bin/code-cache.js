// Runs the CommonJS bundle with V8's code cache of it, made by a run that showed the explorer: the
// cache holds every function that run had compiled by then, where Node's compile cache (and the
// single executable's useCodeCache) hold only the bundle's top level, and start-up is mostly
// compiling (the first frame comes ~40 ms sooner). Keyed by the file's size and time and the Node
// that compiled it; in $XDG_CACHE_HOME/nuon-tui (~/.cache/nuon-tui); NODE_DISABLE_COMPILE_CACHE=1
// turns it off.
'use strict';
const fs = require('node:fs');
const {homedir} = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const {wrap} = require('node:module');

/** What the bundle calls once the explorer is mounted (source/ui/shell/run-explorer.tsx). */
const EXPLORER_MOUNTED = Symbol.for('nuon-tui.explorer-mounted');
/** After mounting, long enough for the first frame and its first refresh: what they compiled is the start-up
 * path. */
const SAVE_AFTER_MS = 1000;
const KEEP_CACHES = 4;

/** `source`: the bundle; `filename`: its name in stack traces; `stamp`: a file that changes when the bundle
 * does. */
exports.runWithCodeCache = function runWithCodeCache(source, filename, stamp, requireBuiltin) {
	const directory = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'nuon-tui');
	const {size, mtimeMs} = fs.statSync(stamp);
	const name = `${size}-${Math.round(mtimeMs)}-${process.version}-${process.arch}.v8cache`;
	const enabled = !process.env.NODE_DISABLE_COMPILE_CACHE;
	let cachedData;
	try {
		if (enabled) cachedData = fs.readFileSync(path.join(directory, name));
	} catch {
		// no cache yet
	}
	const script = new vm.Script(wrap(source), {filename, cachedData});
	if (enabled && (!cachedData || script.cachedDataRejected)) {
		let mounted = false;
		let saved = false;
		const saveOnce = () => {
			if (mounted && !saved) save(directory, name, script.createCachedData());
			saved = true;
		};
		globalThis[EXPLORER_MOUNTED] = () => {
			mounted = true;
			setTimeout(saveOnce, SAVE_AFTER_MS).unref();
		};
		process.once('exit', saveOnce);
	}
	const loaded = {exports: {}};
	script
		.runInThisContext()
		.call(loaded.exports, loaded.exports, requireBuiltin, loaded, filename, path.dirname(filename));
};

function save(directory, name, data) {
	try {
		fs.mkdirSync(directory, {recursive: true, mode: 0o700});
		const partial = path.join(directory, `${name}.${process.pid}`);
		fs.writeFileSync(partial, data, {mode: 0o600});
		fs.renameSync(partial, path.join(directory, name));
		// The newest few stay (node bin/nuon-tui.js and the single executable each have theirs).
		const caches = fs.readdirSync(directory).filter(file => file.endsWith('.v8cache'));
		const newestFirst = caches
			.map(file => ({file, at: fs.statSync(path.join(directory, file)).mtimeMs}))
			.sort((a, b) => b.at - a.at);
		for (const {file} of newestFirst.slice(KEEP_CACHES)) fs.rmSync(path.join(directory, file), {force: true});
	} catch {
		// a cache that cannot be written only means a slower start
	}
}
