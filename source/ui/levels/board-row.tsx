// A row of the board: the install's name (with its runner's mark) and a cell per visible component,
// each its latest deploy's status; a changed cell stands out. And the header row of an app's group.
import React from 'react';
import {Text} from 'ink';
import type {Install} from '../../api/resources.js';
import {cellStatus} from '../../domain/cell-status.js';
import {installName} from '../../domain/install.js';
import {awaitsApproval, statusView, statusWord} from '../../domain/status.js';
import {fit} from '../../domain/text.js';
import type {Theme} from '../widgets/theme.js';
import type {BoardColumn, BoardRowItem} from './board-rows.js';
import {RunnerMark, runnerMarkWidth} from './board-runner.js';

/** The status line's words on the selected cell: its status and what the keys do with it. */
export function cellLine(install: Install, column: BoardColumn): string {
	const status = cellStatus(install, column.id);
	return awaitsApproval(status)
		? `${install.name} › ${column.name}: ${statusWord(status!)} ` +
				`(its plan waits for a person; ⏎ the plan to approve, ! next approval)`
		: `${install.name} › ${column.name}: ${status ? statusWord(status) : 'never deployed'}  ` +
				'(←/→ or h/l: columns, ⏎ latest deploy, n/N next failure)';
}

/** A cell of the board: the component's status in that install, as a glyph and a word. */
export function cellLabel(install: Install, column: BoardColumn) {
	const status = cellStatus(install, column.id);
	const view = statusView(status ?? 'never deployed');
	return {view, label: status ? `${view.glyph} ${view.label}` : '  —'};
}

export const BoardRow = React.memo(function BoardRow({
	install,
	columns,
	cellWidth,
	nameWidth,
	selected,
	selectedColumn,
	changedAt,
	theme,
}: {
	install: Install;
	columns: BoardColumn[];
	cellWidth: number;
	nameWidth: number;
	selected: boolean;
	selectedColumn?: string;
	changedAt: Map<string, number>;
	theme: Theme;
}) {
	return (
		<Text>
			<Text bold={selected} inverse={selected}>
				{fit(`${selected ? '›' : ' '} ${installName(install)}`, nameWidth - runnerMarkWidth(install))}
			</Text>
			<RunnerMark install={install} theme={theme} />{' '}
			{columns.map((column, index) => {
				const {view, label} = cellLabel(install, column);
				const changed = changedAt.has(`${install.id}/${column.id}`);
				return (
					<Text
						key={`${column.id}:${index}`}
						color={theme.phase[view.phase]}
						inverse={selected && column.id === selectedColumn}
						bold={changed}
						underline={changed}
					>
						{/* The change mark has its own column, so a marked cell does not shift. */}
						{fit(`${changed ? '*' : ' '}${label}`, cellWidth - 1)}{' '}
					</Text>
				);
			})}
		</Text>
	);
});

/** The rows shown: each app's header row naming its components, and the installs' rows. */
export function BoardGrid({
	visible,
	appNames,
	columns,
	cellWidth,
	nameWidth,
	selected,
	changedAt,
	theme,
}: {
	visible: ReadonlyArray<{item: BoardRowItem; index: number}>;
	appNames: ReadonlyMap<string, string>;
	columns: {first: number; count: number};
	cellWidth: number;
	nameWidth: number;
	selected: {row: number; column?: string};
	changedAt: Map<string, number>;
	theme: Theme;
}) {
	const shown = (all: BoardColumn[]) => all.slice(columns.first, columns.first + columns.count);
	return visible.map(({item, index}) =>
		item.kind === 'app' ? (
			<Text key={`app:${item.appId}`} bold color={theme.accent}>
				{fit(appNames.get(item.appId) ?? item.appId, nameWidth)}{' '}
				{shown(item.columns)
					.map(c => fit(` ${c.name}`, cellWidth - 1))
					.join(' ')}
			</Text>
		) : (
			<BoardRow
				key={`${item.install.id}:${index}`}
				install={item.install}
				columns={shown(item.columns)}
				cellWidth={cellWidth}
				nameWidth={nameWidth}
				selected={index === selected.row}
				selectedColumn={selected.column}
				changedAt={changedAt}
				theme={theme}
			/>
		),
	);
}
