// The board's counts line: how many cells are in each status, the installs waiting on a runner, and
// the range of columns shown when some are off screen.
import {Box, Text} from 'ink';
import type {Install} from '../../api/resources.js';
import type {rolloutCounts} from '../../domain/rollout.js';
import {awaitsApproval, GLYPHS, phaseOf} from '../../domain/status.js';
import type {Theme} from '../widgets/theme.js';
import {WaitingOnRunner} from './board-runner.js';
import {failureLine} from '../shell/failure-text.js';
import {describeError} from '../../api/errors.js';
import {cellLine} from './board-row.js';
import type {BoardColumn} from './board-rows.js';

export function BoardCounts({
	counts,
	empty,
	installs,
	columns,
	theme,
}: {
	counts: ReturnType<typeof rolloutCounts>;
	/** What the line says with no deploy to count. */
	empty: string;
	installs: readonly Install[];
	columns: {first: number; last: number; widest: number};
	theme: Theme;
}) {
	return (
		// The counts give way, not the column range: a column off screen must say it exists.
		<Box>
			<Box flexGrow={1} flexShrink={1}>
				<Text wrap="truncate-end">
					{counts.length === 0 ? (
						<Text color={theme.muted}>{empty}</Text>
					) : (
						counts.map((c, index) => (
							<Text key={c.status} color={theme.phase[phaseOf(c.status)]} bold={awaitsApproval(c.status)}>
								{index ? ' · ' : ''}
								{awaitsApproval(c.status) ? `${GLYPHS.approval} ` : ''}
								{c.count} {c.word}
							</Text>
						))
					)}
					<WaitingOnRunner installs={installs} theme={theme} />
				</Text>
			</Box>
			{columns.first > 0 || columns.last < columns.widest ? (
				<Box flexShrink={0}>
					<Text color={theme.muted}>{` cols ${columns.first + 1}–${columns.last}/${columns.widest}`}</Text>
				</Box>
			) : null}
		</Box>
	);
}

/** The status line with no message to show: the filter being typed, a failure to refresh (the board
 * keeps drawing its last good data), else the selected cell. */
export function boardLine({
	typed,
	installs,
	cell,
}: {
	typed: {editing: boolean; text: string};
	installs: {error?: unknown; data?: unknown};
	cell: {selectedInstall: Install; selectedColumn: BoardColumn; progress: string} | undefined;
}): string {
	if (typed.editing || typed.text) return `/${typed.text}${typed.editing ? '▏' : '  (Esc clears)'}`;
	// With no board yet the failure is said too: a rejected token or org is not retried, and says so.
	if (installs.error) return failureLine(installs.error, installs.data ? 'the last good board' : undefined);
	return cell ? cellLine(cell.selectedInstall, cell.selectedColumn, cell.progress) : '';
}

/** "Rollout of Ledgerly: 4 of 36 installs" (`+` while more are to load). */
export const boardTitle = (
	appName: string | undefined,
	n: {shown: number; of: number; filtered: boolean; more: boolean},
): string =>
	`Rollout${appName ? ` of ${appName}` : ''}: ` +
	`${n.filtered ? `${n.shown} of ` : ''}${n.of}${n.more ? '+' : ''} installs`;

/** What the board lacks while the apps' components cannot be read. */
export const componentsPartial = (components: {partial?: string; error?: unknown; data?: unknown}) =>
	components.partial ??
	(components.error && !components.data
		? `the apps' components (${describeError(components.error)}): columns from the installs' statuses`
		: undefined);
