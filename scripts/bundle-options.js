// The esbuild options of the CLI bundle, shared by `npm run build` and `npm run build:binary`.
export const bundleOptions = {
	entryPoints: ['source/cli.tsx'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	minify: true,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink loads react-devtools-core only in development; it is not installed.
	alias: {'react-devtools-core': './scripts/empty-module.js'},
	logLevel: 'warning',
};

/** CommonJS dependencies need `require`; `from` is where it resolves modules from. */
export const requireBanner = from => ({js: `import {createRequire as __nuonCreateRequire} from 'node:module'; const require = __nuonCreateRequire(${from});`});
