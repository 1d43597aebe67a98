// One row of the log view: the match gutter, the line's time, severity and step, its text.
import {Box, Text} from 'ink';
import {truncate} from '../../domain/text.js';
import {clock} from '../../domain/time.js';
import type {Theme} from '../widgets/theme.js';
import type {LogRow} from './log-rows.js';
import {severityPhase} from '../../domain/status.js';

export const SEVERITY_WIDTH = 5;
export const TIME_WIDTH = 18;

export function LogRowView({
	row,
	timestamps,
	match,
	width,
	theme,
}: {
	row: LogRow;
	timestamps: boolean;
	match: boolean;
	width: number;
	theme: Theme;
}) {
	const severity = row.line.severity.toUpperCase();
	const gutter = match ? '»' : ' ';
	const time = timestamps ? `${row.first ? lineTime(row.line.timestamp) : ' '.repeat(TIME_WIDTH)} ` : '';
	const step = row.first && row.line.step ? `[${row.line.step}] ` : '';
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end">
				<Text color={match ? theme.warning : undefined} bold={match}>
					{gutter}{' '}
				</Text>
				{time ? <Text color={theme.muted}>{time}</Text> : null}
				<Text color={theme.phase[severityPhase(severity)]}>
					{(row.first ? severity.slice(0, SEVERITY_WIDTH) : '').padEnd(SEVERITY_WIDTH)}{' '}
				</Text>
				{step ? <Text color={theme.accent}>{step}</Text> : null}
				{row.text}
			</Text>
		</Box>
	);
}

/** "11-28 21:09:57.123" from an RFC 3339 timestamp, in local time. */
export function lineTime(timestamp: string): string {
	const ms = Date.parse(timestamp);
	if (!Number.isFinite(ms)) return truncate(timestamp, TIME_WIDTH).padEnd(TIME_WIDTH);
	const day = new Date(ms);
	const date = `${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
	return `${date} ${clock(ms)}.${String(ms % 1000).padStart(3, '0')}`;
}
