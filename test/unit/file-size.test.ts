// Small files with one job: no source file over 300 lines (the generated schema aside).
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';

const LIMIT = 300;
const ROOT = join(import.meta.dirname, '../../source');
const GENERATED = new Set(['api/schema.ts']);

it(`no source file is over ${LIMIT} lines`, () => {
	const files = readdirSync(ROOT, {recursive: true, encoding: 'utf8'}).filter(
		file => /\.tsx?$/.test(file) && !GENERATED.has(file.replaceAll('\\', '/')),
	);
	expect(files.length).toBeGreaterThan(50);
	const long = files
		.map(file => ({file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1}))
		.filter(({lines}) => lines > LIMIT)
		.map(({file, lines}) => `${file}: ${lines} lines`);
	expect(long).toEqual([]);
});
