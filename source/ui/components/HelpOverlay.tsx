import React from 'react';
import {Box, Text} from 'ink';
import {COMMANDS} from '../keys.js';
import {fit, truncate} from '../../domain/text.js';
import type {Theme} from '../theme.js';

const SCOPES = [
	['navigation', 'Moving around'],
	['list', 'Lists'],
	['drill', 'Going deeper'],
	['logs', 'Logs'],
	['watch', 'Watching a rollout'],
	['global', 'Everywhere'],
] as const;

type Entry = {title: string} | {keys: string; help: string};

const KEYS_WIDTH = 14;

/** Generated from the key registry, so it always matches what the keys do. Flows into columns. */
export function HelpOverlay({width, height, theme}: {width: number; height: number; theme: Theme}) {
	const entries: Entry[] = SCOPES.flatMap(([scope, title]) => [
		{title},
		...COMMANDS.filter(c => c.scope === scope).map(c => ({keys: c.keys.join(' '), help: c.help})),
	]);
	const perColumn = Math.max(1, height - 3);
	const columns: Entry[][] = [];
	for (let index = 0; index < entries.length; index += perColumn) columns.push(entries.slice(index, index + perColumn));
	const columnWidth = Math.floor((width - 4) / Math.max(1, columns.length));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.focusBorder} paddingX={1}>
			<Text bold color={theme.accent}>
				Keys — press ? or Esc to close
			</Text>
			<Box>
				{columns.map((column, columnIndex) => (
					<Box key={columnIndex} flexDirection="column" width={columnWidth}>
						{column.map((entry, index) =>
							'title' in entry ? (
								<Text key={index} bold>
									{truncate(entry.title, columnWidth - 1)}
								</Text>
							) : (
								<Text key={index}>
									<Text color={theme.accent}>{fit(` ${entry.keys}`, Math.min(KEYS_WIDTH, columnWidth - 1))}</Text>
									{truncate(entry.help, Math.max(0, columnWidth - KEYS_WIDTH - 1))}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
