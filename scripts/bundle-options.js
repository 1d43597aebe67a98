// The esbuild options of the CLI bundle, shared by `npm run build` and `npm run build:binary`.
import {fileURLToPath} from 'node:url';

/** Ink and its helpers measure text with string-width: they get the explorer's fast path too. */
const textWidth = fileURLToPath(new URL('../source/domain/text-width.ts', import.meta.url));
const stringWidthFastPath = {
	name: 'string-width-fast-path',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, args => (args.importer === textWidth ? undefined : {path: textWidth}));
	},
};

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
	plugins: [stringWidthFastPath],
	logLevel: 'warning',
};

/** CommonJS dependencies need `require`; `from` is where it resolves modules from. */
export const requireBanner = from => ({js: `import {createRequire as __nuonCreateRequire} from 'node:module'; const require = __nuonCreateRequire(${from});`});
