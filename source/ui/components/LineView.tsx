import React, {memo} from 'react';
import {Box, Text} from 'ink';
import {statusView} from '../../domain/status.js';
import {fit, truncate} from '../../domain/text.js';
import type {Line} from '../lines.js';
import type {Theme} from '../theme.js';

const LABEL_WIDTH = 16;

/** Renders `height` lines of `lines` from `offset`, each truncated to `width`. */
export const LineView = memo(function LineView({lines, offset, height, width, theme}: {lines: Line[]; offset: number; height: number; width: number; theme: Theme}) {
	const visible = lines.slice(offset, offset + height);
	const labelWidth = Math.min(LABEL_WIDTH, Math.floor(width / 3));
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			{visible.map((line, index) => (
				<LineRow key={offset + index} line={line} width={width} labelWidth={labelWidth} theme={theme} />
			))}
		</Box>
	);
});

function LineRow({line, width, labelWidth, theme}: {line: Line; width: number; labelWidth: number; theme: Theme}) {
	switch (line.kind) {
		case 'blank':
			return <Text> </Text>;
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
				<Text color={view ? theme.phase[view.phase] : line.muted ? theme.muted : undefined}>{truncate(prefix + line.text, width)}</Text>
			);
		}
		case 'field': {
			const view = line.status === undefined ? undefined : statusView(line.status);
			const value = view ? `${view.glyph} ${line.value}` : line.value;
			return (
				<Text>
					<Text color={theme.muted}>{fit(line.label, labelWidth)} </Text>
					<Text color={view ? theme.phase[view.phase] : undefined}>{truncate(value, width - labelWidth - 1)}</Text>
				</Text>
			);
		}
	}
}
