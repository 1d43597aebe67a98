// The board's counts line: how many cells are in each status, the installs waiting on a runner, and
// the range of columns shown when some are off screen.
import {Box, Text} from 'ink';
import type {Install} from '../../api/resources.js';
import type {rolloutCounts} from '../../domain/rollout.js';
import {awaitsApproval, GLYPHS, phaseOf} from '../../domain/status.js';
import type {Theme} from '../widgets/theme.js';
import {WaitingOnRunner} from './board-runner.js';

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
