import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {displayWidth, truncate} from '../../domain/text.js';
import type {Theme} from './theme.js';

/**
 * A bordered pane whose title sits in its top border. The focused pane has a heavy border, the
 * accent colour and a ▸ marker, so focus is visible without colour too.
 */
export function Pane({
	title,
	focused,
	width,
	height,
	theme,
	children,
}: {
	title: string;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
	children: ReactNode;
}) {
	const color = focused ? theme.focusBorder : theme.border;
	const [corner, line, endCorner] = focused ? ['┏', '━', '┓'] : ['╭', '─', '╮'];
	const label = truncate(` ${focused ? '▸ ' : ''}${title} `, Math.max(0, width - 4));
	const fill = Math.max(0, width - 3 - displayWidth(label));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text color={color}>
				{corner}
				{line}
				<Text bold={focused} color={focused ? theme.focusBorder : undefined}>
					{label}
				</Text>
				{line.repeat(fill)}
				{endCorner}
			</Text>
			<Box
				flexDirection="column"
				height={height - 1}
				borderStyle={focused ? 'bold' : 'round'}
				borderTop={false}
				borderColor={color}
				paddingX={1}
			>
				{children}
			</Box>
		</Box>
	);
}
