// Bundles the CLI into one CommonJS file (dist/cli.cjs) for bin/nuon-tui.js and the single executable.
import {build} from 'esbuild';
import {checkBundle, BUNDLE, bundleOptions} from './bundle-options.js';

await build({...bundleOptions, outfile: BUNDLE});
checkBundle(BUNDLE);
