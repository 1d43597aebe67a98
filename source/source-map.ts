// A crash report's stack in the project's own files: the bundle is minified (`at wb
// (cli.cjs:294:24800)`), and its source map (dist/cli.cjs.map beside it; an asset of the single
// executable) turns each frame back into `source/ui/…tsx:LINE:COLUMN`. Best effort: a frame the
// map cannot place, or no map at all, stays as it was.
import {readFileSync} from 'node:fs';
import {SourceMap} from 'node:module';

/** The map of the code in `file`, or undefined. */
export type MapLoader = (file: string) => SourceMap | undefined;

const FRAME = /([^\s()]+):(\d+):(\d+)/g;

export function mapStack(stack: string, loadMap: MapLoader = bundledMap): string {
	const maps = new Map<string, SourceMap | undefined>();
	const mapOf = (file: string) => {
		if (!maps.has(file))
			maps.set(
				file,
				safely(() => loadMap(file)),
			);
		return maps.get(file);
	};
	return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
		const entry = safely(() => mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1));
		if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
		const source = entry.originalSource.replace(/^.*?(?=(?:source|node_modules)\/)/, '');
		return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
	});
}

function safely<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch {
		return undefined;
	}
}

/** The bundle's map: beside the file (`node bin/nuon-tui.js`), or the single executable's asset. */
function bundledMap(file: string): SourceMap | undefined {
	const text =
		file === process.execPath
			? process.getBuiltinModule('node:sea')?.getAsset('cli.cjs.map', 'utf8')
			: /\.cjs$/.test(file)
				? readFileSync(`${file}.map`, 'utf8')
				: undefined;
	return text ? new SourceMap(JSON.parse(text)) : undefined;
}
