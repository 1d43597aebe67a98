import {memo} from 'react';
import {Box, Text} from 'ink';
import {statusView} from '../../domain/status.js';
import {fit, truncate} from '../../domain/text.js';
import {keyText} from './ascii.js';
import {labelWidthFor, type Row} from './lines.js';
import type {Theme} from './theme.js';

/** Renders `height` rows (from wrapLines) starting at `offset`, each cut to `width`. */
export const LineView = memo(function LineView({
	rows,
	offset,
	height,
	width,
	theme,
}: {
	rows: Row[];
	offset: number;
	height: number;
	width: number;
	theme: Theme;
}) {
	const visible = rows.slice(offset, offset + height);
	const fallback = labelWidthFor(width);
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			{visible.map((line, index) => (
				<LineRow
					key={offset + index}
					line={line}
					width={width}
					labelWidth={line.kind === 'field' ? (line.labelWidth ?? fallback) : fallback}
					theme={theme}
				/>
			))}
		</Box>
	);
});

function LineRow({
	line,
	width,
	labelWidth,
	theme,
}: {
	line: Row;
	width: number;
	labelWidth: number;
	theme: Theme;
}) {
	switch (line.kind) {
		case 'blank':
			return <Text> </Text>;
		case 'continuation': {
			const view = line.status === undefined ? undefined : statusView(line.status);
			return (
				<Text color={view ? theme.phase[view.phase] : line.tone ? theme.phase[line.tone] : undefined}>
					{truncate(' '.repeat(line.indent) + keyText(line.text), width)}
				</Text>
			);
		}
		case 'heading':
			return (
				<Text bold color={theme.accent}>
					{truncate(line.text, width)}
				</Text>
			);
		case 'text': {
			const view = line.status === undefined ? undefined : statusView(line.status);
			const prefix = view ? `${view.glyph} ` : '';
			return (
				<Text
					color={
						view
							? theme.phase[view.phase]
							: line.tone
								? theme.phase[line.tone]
								: line.muted
									? theme.muted
									: undefined
					}
				>
					{truncate(prefix + keyText(line.text), width)}
				</Text>
			);
		}
		case 'field': {
			const view = line.status === undefined ? undefined : statusView(line.status);
			// A status shown as its value reads as every screen names it (statusWord).
			const value = view
				? `${view.glyph} ${line.value === line.status ? view.label : line.value}`
				: line.value;
			return (
				<Text>
					<Text color={theme.muted}>{fit(line.label, labelWidth)} </Text>
					<Text color={view ? theme.phase[view.phase] : undefined}>
						{truncate(value, width - labelWidth - 1)}
					</Text>
				</Text>
			);
		}
	}
}
