import React from 'react';
import {Box, Text} from 'ink';
import {COMMANDS} from '../keys.js';
import {fit} from '../../domain/text.js';
import type {Theme} from '../theme.js';

const SCOPES = [
	['navigation', 'Moving around'],
	['list', 'Lists'],
	['drill', 'Going deeper'],
	['logs', 'Logs'],
	['global', 'Everywhere'],
] as const;

/** Generated from the key registry, so it always matches what the keys do. */
export function HelpOverlay({width, height, theme}: {width: number; height: number; theme: Theme}) {
	const lines = SCOPES.flatMap(([scope, title]) => [
		{title},
		...COMMANDS.filter(c => c.scope === scope).map(c => ({keys: c.keys.join(' / '), help: c.help})),
	]);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.focusBorder} paddingX={1}>
			<Text bold color={theme.accent}>
				Keys — press ? or Esc to close
			</Text>
			{lines.slice(0, Math.max(0, height - 3)).map((line, index) =>
				'title' in line ? (
					<Text key={index} bold>
						{line.title}
					</Text>
				) : (
					<Text key={index}>
						<Text color={theme.accent}>{fit(`  ${line.keys}`, 22)}</Text>
						{line.help}
					</Text>
				),
			)}
		</Box>
	);
}
