// What a level is, as data: everything the app, the breadcrumbs, the start-up stack, the tests and
// the fuzzer need to know about it. Each level module exports one; `registry.ts` lists them.
import type {ComponentType} from 'react';
import type {NuonClient} from '../../api/client.js';
import type {ScreenKeys} from '../keys/keymap.js';
import type {Column} from '../widgets/columns.js';
import type {Line} from '../widgets/lines.js';

export interface LevelDescriptor<Params extends object> {
	/** The breadcrumb for this level ("api › latest deploy"). */
	crumb: (params: Params) => string;
	/** The level itself, given its location's parameters. */
	View: ComponentType<Params>;
	/**
	 * The commands the level binds, in the order of its hint line (a list's: `listKeys`, with its
	 * actions); its view gives the same to its Frame, and the help and the README's table read them.
	 */
	keys: ScreenKeys;
	/** The row the level below selects when this one is opened from the start flags, so Esc lands on it. */
	selectedBelow?: (params: Params) => string | undefined;
	/** A level showing another thing of the same kind is a new level, not the old one with new props. */
	identity?: (params: Params) => string;
	/** Keeps refreshing while another level covers it (the board records transitions). */
	refreshesWhileCovered?: boolean;
	/** A location of this kind, for tests and the fuzzer. */
	example: Params;
	/** The level's pure parts, the same functions its view uses, for the fuzzer to feed without React. */
	parts: LevelParts<Params>;
}

/**
 * A level without React: what it fetches (the same requests its hooks make) and what it makes of
 * that for the screen. A list level gives its rows, columns, ids, titles and detail lines (the
 * fuzzer reads them as ListLevel and ListPane do); any level can give further text it shows.
 */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds all levels' parts; unknown rejects them
export interface LevelParts<Params extends object, Data = any, Row = any> {
	load: (client: NuonClient, params: Params) => Promise<Data>;
	list?: {
		rows: (data: Data) => readonly Row[] | undefined;
		columns: (data: Data) => readonly Column<Row>[];
		rowId: (row: Row) => string;
		detailTitle: (row: Row) => string;
		detail: (data: Data) => (row: Row, now: number) => Line[];
	};
	/** Text the level shows besides a list (titles, summaries, its own lines), as the view builds it. */
	text?: (data: Data, params: Params, now: number) => Array<string | Line>;
}

export const defineLevel = <Params extends object>(
	descriptor: LevelDescriptor<Params>,
): LevelDescriptor<Params> => descriptor;

/** A list level's parts, typed by its data and rows. */
export const listParts = <Params extends object, Data, Row>(
	parts: LevelParts<Params, Data, Row>,
): LevelParts<Params> => parts as LevelParts<Params>;
