// Fuzzing a level's pure parts: the same fuzzed bodies as the full-app fuzzer, served to the real
// client (which sanitizes them) and read by the level's own functions (its loader, rows, columns,
// detail lines, status readings and further text), as ListLevel, ListPane and LineView read them,
// without React. About a thousand times faster than mounting the explorer, so each level and kind
// gets thousands of cases; the full-app fuzzer keeps a sample of each (fuzz-levels.tsx).
import type {MockAgent} from 'undici';
import {describe, expect, it, onTestFinished} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {describeError} from '../../source/api/errors.js';
import {statusView} from '../../source/domain/status.js';
import {fit} from '../../source/domain/text.js';
import {
	cellStatus,
	cellText,
	fitPlaced,
	layoutColumns,
	neededWidth,
	sortRows,
	type Column,
} from '../../source/ui/widgets/columns.js';
import {wrapLines, type Line, type Row} from '../../source/ui/widgets/lines.js';
import {levelOf, type Location} from '../../source/ui/levels/registry.js';
import {fuzzAgent, fuzzedBody, FUZZ_ORIGIN, offContractBody} from './fuzz-api.js';
import {foreignControls} from './screen.js';
import {BASE_SEED, LEVELS} from './fuzz-levels.js';

/** Cases per level and kind; `NUON_TUI_FUZZ_PARTS_CASES` changes it. */
export const PARTS_CASES = Number(
	process.env.NUON_TUI_FUZZ_PARTS_CASES ?? process.env.NUON_TUI_FUZZ_CASES ?? 1000,
);

/** The text a line puts on screen, its status as LineView reads it (glyph and word) included. */
function lineText(line: Line | Row): string[] {
	const status =
		'status' in line && line.status !== undefined
			? [`${statusView(line.status).glyph} ${statusView(line.status).label}`]
			: [];
	switch (line.kind) {
		case 'field':
			return [line.label, line.value, ...status];
		case 'text':
		case 'heading':
		case 'continuation':
			return [line.text, ...status];
		default:
			return [];
	}
}

/** One case: everything the level would put on screen for these bodies. Throws what would crash it. */
export async function partsCase(
	location: Location,
	agent: MockAgent,
): Promise<{shown: string[]; failed: string[]}> {
	// A client of its own each case (as each full-app case has), on the level's dispatcher, which it must not
	// close.
	const client = new NuonClient({
		baseUrl: FUZZ_ORIGIN,
		token: 't',
		orgId: 'o',
		dispatcher: agent,
		retries: 0,
	});
	const {parts} = levelOf(location);
	const shown: string[] = [];
	/** Where the level says, inside a pane, that it could not read something (allowed). */
	const failed: string[] = [];
	{
		let data: unknown;
		try {
			data = await parts.load(client, location);
		} catch (error) {
			// A failed load is said in the pane ("could not load …"), not a crash.
			failed.push('load');
			shown.push(describeError(error));
			return {shown, failed};
		}
		const now = Date.parse('2026-11-28T12:00:00Z');
		if (parts.list) {
			const {rows: rowsOf, columns: columnsOf, rowId, detailTitle, detail: detailOf} = parts.list;
			const rows = rowsOf(data) ?? [];
			const columns: readonly Column<unknown>[] = columnsOf(data);
			const detail = detailOf(data);
			for (const width of [44, 94, 174]) {
				const placed = fitPlaced(layoutColumns(columns, width), width);
				neededWidth(placed, rows, now);
				for (const row of rows) {
					for (const {column, width: cell} of placed) {
						if (column.status) {
							const view = statusView(cellStatus(column, row));
							shown.push(fit(`${view.glyph} ${view.label}`, cell));
						} else {
							shown.push(fit(cellText(column, row, now), cell, column.align));
						}
						column.muted?.(row);
						column.tone?.(row);
					}
				}
				shown.push(...placed.map(({column, width: cell}) => fit(column.header, cell)));
			}
			for (const column of columns) if (column.sort) sortRows(rows, column);
			for (const row of rows) {
				rowId(row);
				shown.push(detailTitle(row));
				try {
					shown.push(...wrapLines(detail(row, now), 40).flatMap(lineText));
				} catch {
					// ListLevel shows "⚠ Could not show this …" and offers the raw JSON.
					failed.push('detail');
				}
			}
		}
		for (const item of parts.text?.(data, location, now) ?? [])
			shown.push(...(typeof item === 'string' ? [item] : lineText(item)));
		return {shown, failed};
	}
}

/** Every level, `PARTS_CASES` cases each: no throw where the view would crash, no control byte from the data.
 * */
export function fuzzParts(kind: 'contract' | 'off-contract'): void {
	const makeBody = kind === 'contract' ? fuzzedBody : offContractBody;
	describe(
		`fuzzing each level's pure parts with ` +
			`${kind === 'contract' ? 'contract-valid, hostile' : 'off-contract'} responses`,
		() => {
			it.each(LEVELS)(
				`$name: ${PARTS_CASES} cases`,
				async ({location}) => {
					let seed = BASE_SEED;
					// One dispatcher for the level: it answers for the case's seed.
					const agent = fuzzAgent(() => seed, makeBody);
					onTestFinished(() => agent.close());
					for (let index = 0; index < PARTS_CASES; index++) {
						seed = BASE_SEED + index;
						const replay = `NUON_TUI_FUZZ_SEED=${seed} NUON_TUI_FUZZ_CASES=1`;
						let shown: string[];
						try {
							({shown} = await partsCase(location, agent));
						} catch (error) {
							throw new Error(`would crash the level with ${replay}: ${(error as Error).stack}`);
						}
						expect(
							foreignControls(shown.join('\n')),
							`${replay}: control bytes from the data would reach the screen`,
						).toEqual([]);
					}
				},
				300_000,
			);
		},
	);
}
