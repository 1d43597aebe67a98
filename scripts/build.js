// Bundles the CLI into one ESM file (dist/cli.js) for the bin to run.
import {build} from 'esbuild';
import {assertAscii, bundleOptions, requireBanner} from './bundle-options.js';

await build({...bundleOptions, outfile: 'dist/cli.js', banner: requireBanner('import.meta.url')});
assertAscii('dist/cli.js');
