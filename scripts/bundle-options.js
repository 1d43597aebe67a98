// The esbuild options of the CLI bundle (dist/cli.cjs): one CommonJS file, which `node bin/nuon-tui.js`
// requires and the single executable runs as its main script.
import {readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * Ink and its helpers measure text with string-width: they get the explorer's fast path
 * (source/domain/text-width.ts) too. And string-width builds an Intl.Segmenter and an RGI-emoji
 * regular expression as its module is evaluated (~30 ms of start-up) while text-width needs it
 * only for text outside its fast path: there, string-width is a function that loads it when
 * first called.
 */
const textWidth = fileURLToPath(new URL('../source/domain/text-width.ts', import.meta.url));
const realStringWidth = createRequire(import.meta.url).resolve('string-width');
const stringWidthFastPath = {
	name: 'string-width-fast-path',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, args =>
			args.importer === textWidth ? {path: 'string-width', namespace: 'lazy'} : {path: textWidth},
		);
		build.onLoad({filter: /.*/, namespace: 'lazy'}, () => ({
			contents:
				`let width; export default (text, options) => (width ??= ` +
				`require(${JSON.stringify(realStringWidth)}).default)(text, options);`,
			loader: 'js',
			resolveDir: dirname(textWidth),
		}));
	},
};

/** Ink's `yoga-layout` is source/ui/terminal/yoga.ts: Yoga without a top-level await (see there). */
const yoga = fileURLToPath(new URL('../source/ui/terminal/yoga.ts', import.meta.url));
const yogaWithoutTopLevelAwait = {
	name: 'yoga-without-top-level-await',
	setup(build) {
		build.onResolve({filter: /^yoga-layout$/}, () => ({path: yoga}));
	},
};

/**
 * A plugin that rewrites a dependency's file on its way into the bundle: each `from` must be found,
 * so the build fails if the package's text changes and the plugin needs a review.
 */
function rewrite(name, fileFilter, replacements) {
	return {
		name,
		setup(build) {
			build.onLoad({filter: fileFilter}, async args => {
				let contents = await readFile(args.path, 'utf8');
				for (const [from, to] of replacements) {
					if (!contents.includes(from))
						throw new Error(`${args.path} no longer has ${from}: review the ${name} plugin`);
					contents = contents.replace(from, to);
				}
				return {contents, loader: 'js'};
			});
		},
	};
}

/**
 * Ink awaits at its top level only to attach React DevTools (DEV=true with react-devtools-core
 * installed, which the bundle never has); CommonJS has no top-level await, so those two awaits go.
 */
const inkWithoutDevtools = rewrite('ink-without-devtools', /[\\/]ink[\\/]build[\\/]reconciler\.js$/, [
	["await import('./devtools.js');", ''],
	['await loadPackageJson()', '{}'],
]);

/**
 * Ink turns every text it draws into styled cells (an ANSI tokenizer and Intl.Segmenter per line)
 * and caches them for one frame only; a cursor move redraws a screen whose lines are nearly all the
 * same as the last frame's, so the bundle keeps that cache across frames (the cells are never
 * changed once made), starting it afresh once it holds 2,000 texts. About a third of the time from
 * a keypress to its frame went there (npm run bench -- --only keys).
 */
const inkCellsAcrossFrames = rewrite('ink-cells-across-frames', /[\\/]ink[\\/]build[\\/]output\.js$/, [
	['caches = new OutputCaches();', 'caches = outputCachesAcrossFrames();'],
	[
		'export default class Output {',
		`let lastCaches;
const outputCachesAcrossFrames = () => {
    if (!lastCaches || lastCaches.styledChars.size + lastCaches.widths.size > 2000)
        lastCaches = new OutputCaches();
    return lastCaches;
};
export default class Output {`,
	],
]);

/** Where the bundle is written. */
export const BUNDLE = 'dist/cli.cjs';

/**
 * CommonJS rather than an ES module: Node loads it ~10 ms sooner (no ES module loader; the Node
 * built-ins of the UI and the demo are required when those load, not all at start-up), and
 * bin/code-cache.js runs it as a vm.Script with V8's code cache.
 */
export const bundleOptions = {
	entryPoints: ['source/cli.tsx'],
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node22',
	minify: true,
	// dist/cli.cjs.map, without a comment pointing to it: crash reports map their stacks with it
	// (source/source-map.ts); the sources stay out of it (their paths are enough for a report).
	sourcemap: 'external',
	sourcesContent: false,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink loads react-devtools-core only in development; it is not installed.
	alias: {'react-devtools-core': './scripts/empty-module.js'},
	plugins: [stringWidthFastPath, yogaWithoutTopLevelAwait, inkWithoutDevtools, inkCellsAcrossFrames],
	logLevel: 'warning',
};

/**
 * What the bundle must be to start fast. esbuild writes ASCII, except inside regular expression
 * literals: one other character makes V8 hold the whole bundle as a two-byte string, decoded the
 * slow way at every start (~25 ms). And bin/code-cache.js runs it as a vm.Script, which has no
 * dynamic import() (a static import is as lazy in a CommonJS bundle).
 */
export function checkBundle(file) {
	const text = readFileSync(file, 'latin1');
	const at = text.search(/[^\x00-\x7f]/);
	if (at >= 0)
		throw new Error(
			`${file} has a non-ASCII character (write it as a \\u escape in the source): ` +
				`…${text.slice(Math.max(0, at - 60), at + 20)}…`,
		);
	const dynamicImport = text.search(/[^\w$.]import\(/);
	if (dynamicImport >= 0)
		throw new Error(
			`${file} has a dynamic import(): ` +
				`…${text.slice(Math.max(0, dynamicImport - 60), dynamicImport + 40)}…`,
		);
}
