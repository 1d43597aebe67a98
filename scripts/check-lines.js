// Lines at most 110 columns (a tab counts 2, as Biome counts it): Biome's formatter keeps code
// within them but leaves comments and strings as they are written, so this check covers those.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';

const LIMIT = 110;
const files = execFileSync(
	'git',
	['ls-files', '--cached', '--others', '--exclude-standard', 'source', 'test', 'scripts', 'bin', '*.ts'],
	{
		encoding: 'utf8',
	},
)
	.split('\n')
	.filter(file => /\.(ts|tsx|js|cjs)$/.test(file) && file !== 'source/api/schema.ts' && existsSync(file));
const long = files.flatMap(file =>
	readFileSync(file, 'utf8')
		.split('\n')
		.flatMap((line, index) => {
			const columns = [...line.replaceAll('\t', '  ')].length;
			return columns > LIMIT ? [`${file}:${index + 1}: ${columns} columns`] : [];
		}),
);
if (long.length > 0) {
	console.error(`Lines over ${LIMIT} columns:\n${long.join('\n')}`);
	process.exit(1);
}
