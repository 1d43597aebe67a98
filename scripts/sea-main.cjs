// The single executable's main script (bundled by build-binary.js): the bundle travels as an asset
// and runs as bin/nuon-tui.js runs it, with the code cache of a run of the explorer.
const {getAsset} = require('node:sea');
const {runWithCodeCache} = require('../bin/code-cache.js');

runWithCodeCache(getAsset('cli.cjs', 'utf8'), process.execPath, process.execPath, require);
