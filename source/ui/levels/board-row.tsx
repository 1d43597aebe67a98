// A row of the board: the install's name (with its runner's mark) and a cell per visible component,
// each its latest deploy's status; a changed cell stands out. And the header row of an app's group.
import React from 'react';
import {Text} from 'ink';
import type {Install} from '../../api/resources.js';
import {cellDrifted, cellStatus} from '../../domain/cell-status.js';
import {installName} from '../../domain/install.js';
import {awaitsApproval, statusView, statusWord} from '../../domain/status.js';
import {fit} from '../../domain/text.js';
import type {Theme} from '../widgets/theme.js';
import type {BoardColumn, BoardRowItem} from './board-rows.js';
import {RunnerMark, runnerMarkWidth} from './board-runner.js';
import {PROGRESS_WIDTH} from './board-layout.js';
import {progressText, releaseProgress, type FleetReleases} from '../../domain/release-progress.js';

/** The status line's words on the selected cell: its status and what the keys do with it. */
export function cellLine(install: Install, column: BoardColumn, progress: string): string {
	const status = cellStatus(install, column.id);
	const drift = cellDrifted(install, column.id) ? ' · ≈ drifted (a drift check found changes)' : '';
	return awaitsApproval(status)
		? `${install.name} › ${column.name}: ${statusWord(status!)} ` +
				`(its plan waits for a person; ⏎ the plan to approve, ! next approval)${drift}`
		: `${install.name} › ${column.name}: ${status ? statusWord(status) : 'never deployed'}${drift} · ` +
				`${progress}  ` +
				'(←/→ or h/l: columns, ⏎ latest deploy, n/N next failure)';
}

/** An install row's components on the release it is being taken to, of all, and that release. */
export const rowProgress = (item: Extract<BoardRowItem, {kind: 'install'}>, fleet: FleetReleases) =>
	releaseProgress(
		item.install,
		item.columns.map(c => c.id),
		fleet,
	);

/** "3/6 → v2.4.0": where the install is with the release it is being taken to. */
export const progressLine = (progress: ReturnType<typeof rowProgress>): string =>
	progress.target ? `${progressText(progress)} → ${progress.target.label}` : 'no release';

/** A cell of the board: the component's status in that install, as a glyph and a word (and `≈` after it
 * where a drift check found drift: the deploy's status stays whole before it). */
export function cellLabel(install: Install, column: BoardColumn) {
	const status = cellStatus(install, column.id);
	const view = statusView(status ?? 'never deployed');
	const drift = cellDrifted(install, column.id) ? ' ≈' : '';
	return {view, label: status ? `${view.glyph} ${view.label}` : '  —', drift};
}

export const BoardRow = React.memo(function BoardRow({
	install,
	columns,
	cellWidth,
	nameWidth,
	selected,
	selectedColumn,
	changedAt,
	progress,
	theme,
}: {
	install: Install;
	columns: BoardColumn[];
	cellWidth: number;
	nameWidth: number;
	selected: boolean;
	selectedColumn?: string;
	changedAt: Map<string, number>;
	/** "3/6": its components on the release being rolled out, of all. */
	progress: string;
	theme: Theme;
}) {
	return (
		<Text>
			<Text bold={selected} inverse={selected}>
				{fit(`${selected ? '›' : ' '} ${installName(install)}`, nameWidth - runnerMarkWidth(install))}
			</Text>
			<RunnerMark install={install} theme={theme} />
			<Text color={theme.muted}>{fit(progress.padStart(PROGRESS_WIDTH - 1), PROGRESS_WIDTH)}</Text>{' '}
			{columns.map((column, index) => {
				const {view, label, drift} = cellLabel(install, column);
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
						{/* A narrow cell cuts the word, never the drift mark after it. */}
						{fit(`${changed ? '*' : ' '}${label}`, cellWidth - 1 - drift.length)}
						{drift}{' '}
					</Text>
				);
			})}
		</Text>
	);
});

/**
 * A group's header row's title: the app (and, grouped by release, the release its installs are
 * being taken to; the selected install's is on the status line).
 */
function groupTitle(
	item: Extract<BoardRowItem, {kind: 'app'}>,
	appNames: ReadonlyMap<string, string>,
): string {
	const app = appNames.get(item.appId) ?? item.appId;
	return item.release !== undefined ? `${app} → ${item.release || 'no release'}` : app;
}

/** The rows shown: each app's header row naming its components, and the installs' rows. */
export function BoardGrid({
	visible,
	appNames,
	columns,
	cellWidth,
	nameWidth,
	selected,
	changedAt,
	targets,
	theme,
}: {
	visible: ReadonlyArray<{item: BoardRowItem; index: number}>;
	appNames: ReadonlyMap<string, string>;
	columns: {first: number; count: number};
	cellWidth: number;
	nameWidth: number;
	selected: {row: number; column?: string};
	changedAt: Map<string, number>;
	/** The release being rolled out, per component. */
	targets: FleetReleases;
	theme: Theme;
}) {
	const shown = (all: BoardColumn[]) => all.slice(columns.first, columns.first + columns.count);
	return visible.map(({item, index}) =>
		item.kind === 'app' ? (
			<Text key={`app:${item.appId}:${item.release ?? ''}`} bold color={theme.accent}>
				{fit(groupTitle(item, appNames), nameWidth + PROGRESS_WIDTH)}{' '}
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
				progress={progressText(rowProgress(item, targets))}
				theme={theme}
			/>
		),
	);
}
