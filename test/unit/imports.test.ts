// The arrows between source/'s modules point one way: no import circle (type-only imports count:
// they tie modules together as much for a reader and the type checker), nothing below the UI
// imports it, and the demo is loaded only by --demo.
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../source');

interface Edge {
	to: string;
	/** `import type`, `export type`: gone once compiled. */
	typeOnly: boolean;
	/** `import()`: loaded when the code gets there, not when the module is. */
	dynamic: boolean;
}

/** Every module under source/, by its path relative to it ("state/navigation.ts"). */
function modules(dir = ROOT): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory()
			? modules(join(dir, entry.name))
			: /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
				? [relative(ROOT, join(dir, entry.name))]
				: [],
	);
}

// Statements start a line (Biome formats them so), and none has a semicolon inside.
const STATIC = /^(import|export)\s+(type\s+)?(?:[\w*{][^;]*?\s+from\s+)?'([^']+)';/gm;
const DYNAMIC = /\bimport\('([^']+)'\)/g;

/** A module's imports of other modules under source/ (packages and node: built-ins left out). */
function importsOf(file: string, text: string, exists: (path: string) => boolean): Edge[] {
	const edges: Edge[] = [];
	const add = (specifier: string, typeOnly: boolean, dynamic: boolean) => {
		if (!specifier.startsWith('.')) return;
		const base = join(dirname(file), specifier).replace(/\.js$/, '');
		const to = [`${base}.ts`, `${base}.tsx`].find(exists);
		if (!to) throw new Error(`${file}: cannot resolve ${specifier}`);
		edges.push({to, typeOnly, dynamic});
	};
	for (const [, , type, specifier] of text.matchAll(STATIC)) add(specifier!, Boolean(type), false);
	for (const [, specifier] of text.matchAll(DYNAMIC)) add(specifier!, false, true);
	return edges;
}

/** The import circles of a graph, each as the path that closes it ("a → b → a"). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[] {
	const found: string[] = [];
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (node: string) => {
		state.set(node, 'open');
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
			else if (!state.has(next)) visit(next);
		}
		path.pop();
		state.set(node, 'done');
	};
	for (const node of graph.keys()) if (!state.has(node)) visit(node);
	return found;
}

const files = modules();
const known = new Set(files);
const edges = new Map(
	files.map(file => [file, importsOf(file, readFileSync(join(ROOT, file), 'utf8'), path => known.has(path))]),
);
const layer = (file: string) => file.split('/')[0]!;
/** Every import of `to`'s layer from `from`'s, as "state/navigation.ts → ui/levels/registry.ts". */
const arrows = (
	from: (file: string) => boolean,
	to: (file: string) => boolean,
	which: (edge: Edge) => boolean = () => true,
) =>
	[...edges].flatMap(([file, out]) =>
		from(file) ? out.filter(edge => to(edge.to) && which(edge)).map(edge => `${file} → ${edge.to}`) : [],
	);

describe('the import graph of source/', () => {
	it('is read whole: every module, with the imports it has', () => {
		expect(files.length).toBeGreaterThan(100);
		expect(edges.get('state/navigation.ts')!.map(edge => edge.to)).toContain('state/locations.ts');
		expect(
			edges
				.get('cli.tsx')!
				.filter(edge => edge.dynamic)
				.map(edge => edge.to),
		).toContain('ui/shell/run-explorer.tsx');
	});

	it('has no import circle', () => {
		const graph = new Map(
			[...edges].map(([file, out]) => [file, out.filter(edge => !edge.dynamic).map(edge => edge.to)]),
		);
		expect(circles(graph)).toEqual([]);
	});

	it('points from the UI down: state/, domain/ and api/ never import ui/', () => {
		expect(
			arrows(
				file => ['state', 'domain', 'api'].includes(layer(file)),
				to => layer(to) === 'ui',
			),
		).toEqual([]);
	});

	it('loads the demo only for --demo: nothing outside demo/ imports it but for its types', () => {
		// cli.tsx loads the demo server with import() when --demo is given (esbuild makes that a lazy
		// require in the bundle); a type import is gone once compiled.
		expect(
			arrows(
				file => layer(file) !== 'demo',
				to => layer(to) === 'demo',
				edge => !edge.typeOnly && !edge.dynamic,
			),
		).toEqual([]);
	});
});

describe('the import walk itself', () => {
	it('finds a circle, however long', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a']],
			['d', ['a']],
		]);
		expect(circles(graph)).toEqual(['a → b → c → a']);
		expect(circles(new Map([['a', ['b']]]))).toEqual([]);
	});

	it('reads imports over several lines, type-only imports, re-exports and import()', () => {
		const text = [
			"import {\n\ta,\n\tb,\n} from './one.js';",
			"import type {C} from '../two.js';",
			"export {d} from './three.js';",
			"import 'node:fs';",
			"const x = await import('./four.js');",
		].join('\n');
		const exists = (path: string) => ['ui/one.ts', 'two.ts', 'ui/three.tsx', 'ui/four.ts'].includes(path);
		expect(importsOf('ui/app.tsx', text, exists)).toEqual([
			{to: 'ui/one.ts', typeOnly: false, dynamic: false},
			{to: 'two.ts', typeOnly: true, dynamic: false},
			{to: 'ui/three.tsx', typeOnly: false, dynamic: false},
			{to: 'ui/four.ts', typeOnly: false, dynamic: true},
		]);
	});
});
