// The board's geometry: how wide the names and cells are, and how many rows and columns fit.
import {useRef} from 'react';
import type {Install} from '../../api/resources.js';
import {installName} from '../../domain/install.js';
import {displayWidth} from '../../domain/text.js';
import {CHROME_ROWS} from '../shell/Frame.js';
import {useSelectionFollowsCursor} from '../shell/context.js';
import {windowStart} from '../widgets/columns.js';
import {pinnedHeader, type BoardRowItem} from './board-rows.js';

export const NAME_WIDTH = 20;
/** The progress column: " 3/6" (up to "12/12") and a space. */
export const PROGRESS_WIDTH = 6;
const NAME_MAX = 32;
/** A cell that shows `◐ executing` whole. */
const CELL_ROOMY = 14;
/** A cell is as wide as the pane allows, between these: names and statuses in full where they fit. */
const CELL_MIN = 11;
const CELL_MAX = 26;

export interface BoardLayout {
	activityHeight: number;
	gridHeight: number;
	/** The counts line, then the rows. */
	visibleRowCount: number;
	nameWidth: number;
	cellWidth: number;
	visibleColumnCount: number;
}

/** The longest install name with its cursor and mark: computed once per list of installs. */
export const longestName = (rows: readonly Install[]): number =>
	Math.max(0, ...rows.map(install => displayWidth(installName(install)) + 3));

export function boardLayout(screen: {columns: number; rows: number}, longest: number, widest: number) {
	const activityHeight = Math.max(3, Math.min(10, Math.floor((screen.rows - CHROME_ROWS) / 4)));
	const gridHeight = screen.rows - CHROME_ROWS - activityHeight - 2;
	// Names whole, up to NAME_MAX, where the cells keep room for a status word (a wide terminal).
	const wholeNames = Math.min(NAME_MAX, Math.max(NAME_WIDTH, longest));
	const nameWidth =
		Math.floor((screen.columns - 5 - PROGRESS_WIDTH - wholeNames) / widest) >= CELL_ROOMY
			? wholeNames
			: NAME_WIDTH;
	const gridWidth = screen.columns - 4 - nameWidth - PROGRESS_WIDTH - 1;
	const cellWidth = Math.max(CELL_MIN, Math.min(CELL_MAX, Math.floor(gridWidth / widest)));
	return {
		activityHeight,
		gridHeight,
		visibleRowCount: Math.max(1, gridHeight - 1),
		nameWidth,
		cellWidth,
		visibleColumnCount: Math.max(1, Math.floor(gridWidth / cellWidth)),
	} satisfies BoardLayout;
}

/** The rows and columns shown around the selected cell: the window moves only as far as it must. */
export function useBoardWindow(
	items: readonly BoardRowItem[],
	selected: {row: number; column: number},
	layout: BoardLayout,
	widest: number,
) {
	const top = useRef(0);
	const left = useRef(0);
	// One row is kept for a pinned header, so the selected row is never the one it displaces.
	const start = windowStart(
		top.current,
		Math.max(0, selected.row),
		Math.max(1, layout.visibleRowCount - 1),
		items.length,
	);
	top.current = start;
	const selectedItem = items[selected.row];
	// The install a filter or a change of the list moved the cursor to is the selected one from now on.
	useSelectionFollowsCursor(selectedItem?.kind === 'install' ? selectedItem.install.id : undefined);
	const columnIndex = Math.min(selected.column, Math.max(0, (selectedItem?.columns.length ?? 1) - 1));
	const firstColumn = windowStart(left.current, columnIndex, layout.visibleColumnCount, widest);
	left.current = firstColumn;
	return {
		// The app header of the first visible group stays pinned on top while its installs scroll.
		visible: pinnedHeader(items, start, layout.visibleRowCount),
		selectedItem,
		columnIndex,
		firstColumn,
		lastColumn: Math.min(widest, firstColumn + layout.visibleColumnCount),
	};
}
