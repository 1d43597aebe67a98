import type React from 'react';
import {memo} from 'react';
import {Box, Text} from 'ink';
import {statusView} from '../../domain/status.js';
import {fit} from '../../domain/text.js';
import {cellStatus, cellText, COLUMN_GAP, uniqueKeys, type Column, type PlacedColumn} from './columns.js';
import type {Theme} from './theme.js';

interface ListPaneProps<Row> {
	rows: readonly Row[];
	placed: PlacedColumn<Row>[];
	rowId: (row: Row) => string;
	start: number;
	height: number;
	selectedIndex: number;
	now: number;
	theme: Theme;
	/** The selection is drawn brighter while the list has focus. */
	focused: boolean;
	/** The column the rows are sorted by, marked ↓ in the header. */
	sortedBy?: Column<Row>;
}

/** A windowed table: only the visible rows are rendered, each row memoised. */
export function ListPane<Row>({
	rows,
	placed,
	rowId,
	start,
	height,
	selectedIndex,
	now,
	theme,
	focused,
	sortedBy,
}: ListPaneProps<Row>) {
	const visible = rows.slice(start, start + height);
	const keys = uniqueKeys(visible.map(rowId));
	return (
		<Box flexDirection="column">
			<Text bold color={theme.muted}>
				{'  '}
				{placed
					.map(({column, width}) =>
						fit(column === sortedBy ? `${column.header}↓` : column.header, width, column.align),
					)
					.join(' '.repeat(COLUMN_GAP))}
			</Text>
			{visible.map((row, offset) => (
				<ListRow
					key={keys[offset]}
					row={row}
					placed={placed}
					selected={start + offset === selectedIndex}
					focused={focused}
					now={now}
					theme={theme}
				/>
			))}
		</Box>
	);
}

interface ListRowProps<Row> {
	row: Row;
	placed: PlacedColumn<Row>[];
	selected: boolean;
	focused: boolean;
	now: number;
	theme: Theme;
}

const ListRow = memo(function ListRow<Row>({row, placed, selected, focused, now, theme}: ListRowProps<Row>) {
	return (
		<Text inverse={selected && focused} bold={selected}>
			{selected ? '› ' : '  '}
			{placed.map(({column, width}, index) => {
				const gap = index < placed.length - 1 ? ' '.repeat(COLUMN_GAP) : '';
				if (column.status) {
					const view = statusView(cellStatus(column, row));
					return (
						<Text key={column.header} color={theme.phase[view.phase]}>
							{fit(`${view.glyph} ${view.label}`, width) + gap}
						</Text>
					);
				}
				return (
					<Text
						key={column.header}
						dimColor={column.muted?.(row)}
						color={column.tone ? theme.phase[column.tone(row) ?? 'neutral'] : undefined}
					>
						{fit(cellText(column, row, now), width, column.align) + gap}
					</Text>
				);
			})}
		</Text>
	);
}) as <Row>(props: ListRowProps<Row>) => React.JSX.Element;
