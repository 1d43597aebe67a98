// Saving the log view's lines to a file.
import {writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {formatForFile, type LogLine} from '../../domain/logs.js';

/** Writes the lines to a file in the working directory (or the temp directory); says where. */
export function saveLines(streamId: string, lines: readonly LogLine[]): string {
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const name = `nuon-logs-${streamId.replace(/[^\w-]/g, '')}-${stamp}.log`;
	for (const dir of [process.cwd(), tmpdir()]) {
		const path = join(dir, name);
		try {
			writeFileSync(path, formatForFile(lines), {mode: 0o600});
			return `saved ${lines.length.toLocaleString('en-US')} lines to ${path}`;
		} catch {
			// not writable here: try the next place
		}
	}
	return 'could not save: neither the working directory nor the temp directory is writable';
}
