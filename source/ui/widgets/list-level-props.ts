// What a level gives ListLevel: its noun, its resource, columns, detail lines, keys and where they go.
import type {ReactNode} from 'react';
import type {Location} from '../../state/locations.js';
import type {Resource} from '../../state/resource.js';
import type {Column} from './columns.js';
import type {CommandId} from '../keys/commands.js';
import type {KeyPress, ScreenKeys} from '../keys/keymap.js';
import type {ListKeys} from './list-keys.js';
import type {Line} from './lines.js';
import type {LinkTarget} from '../../domain/links.js';

export interface ListLevelProps<Row, Action extends CommandId = never> {
	/** Plural noun for the pane title and messages: "installs". */
	noun: string;
	resource: Resource<Row[]> & {hasMore?: boolean; loadMore?: () => void};
	columns: readonly Column<Row>[];
	rowId: (row: Row) => string;
	detailTitle: (row: Row) => string;
	detail: (row: Row, now: number) => Line[];
	open?: (row: Row) => Location | undefined;
	/** Shown in the list pane when there are no rows at all. */
	emptyText: string;
	/** The level's keys (its descriptor's): what the list binds, its actions among them. */
	keys: ListKeys<Action>;
	/** Level-specific keys, tried before the generic ones; `selected` is the row under the cursor. */
	onKey?: (command: CommandId | undefined, press: KeyPress | undefined, selected: Row | undefined) => boolean;
	/** Replaces the list pane while shown: a menu, a confirmation. */
	overlay?: ReactNode;
	/** The keys bound while the overlay is shown. */
	overlayKeys?: ScreenKeys;
	/** The overlay takes the whole width, the detail pane giving way: a write's confirmation, read in
	 * full before y, where the selected row's detail is not what it asks about. */
	overlayAcross?: boolean;
	titleSuffix?: string;
	/** Said in the status line while it holds (a write Nuon has not acted on yet). */
	notice?: string;
	/** The selected row's id and dashboard page, for y, Y and o. */
	identify?: (row: Row) => {id?: string; target: LinkTarget; label: string};
	/** Loads what Enter would show, once the cursor has rested on a row for a moment. */
	prefetch?: (row: Row) => void;
	/** Told what the filter says, for levels that can search the server (installs). */
	onFilterChange?: (filter: string) => void;
	/**
	 * What the keys of `keys.actions` open from the selected row (L logs, P plan, ...). A promise: where
	 * to go needs a request first (the status line says so meanwhile; nothing opens if the user has left).
	 */
	actions?: Record<NoInfer<Action>, RowAction<Row>>;
}

export type RowAction<Row> = (row: Row) => Location | Promise<Location | undefined> | undefined;
