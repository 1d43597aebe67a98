// Bundles the CLI into one ESM file (dist/cli.js) for the bin to run.
import {build} from 'esbuild';

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	minify: true,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink loads react-devtools-core only in development; it is not installed.
	alias: {'react-devtools-core': './scripts/empty-module.js'},
	banner: {js: "import {createRequire as __nuonCreateRequire} from 'node:module'; const require = __nuonCreateRequire(import.meta.url);"},
	logLevel: 'warning',
});
