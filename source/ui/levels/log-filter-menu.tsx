// The log view's filter menu: every line, or one step's or one execution's.
import {Box, Text} from 'ink';
import {Menu, type MenuItem} from '../widgets/Menu.js';
import type {LogFilter, LogLine} from '../../domain/logs.js';
import type {Theme} from '../widgets/theme.js';
import {keyText} from '../widgets/ascii.js';

export function filterMenuItems(lines: readonly LogLine[]): MenuItem<LogFilter>[] {
	const steps = [...new Set(lines.map(line => line.step).filter((s): s is string => !!s))];
	const executions = [...new Set(lines.map(line => line.executionId).filter((s): s is string => !!s))];
	return [
		{key: 'all', label: 'All lines', value: {}},
		...steps.map(step => ({key: `s:${step}`, label: `Step: ${step}`, value: {step}})),
		...executions.map((executionId, index) => ({
			key: `e:${executionId}`,
			label: `Execution ${index + 1}: ${executionId}`,
			value: {executionId},
		})),
	];
}

export function FilterMenu({
	items,
	index,
	theme,
}: {
	items: readonly MenuItem<LogFilter>[];
	index: number;
	theme: Theme;
}) {
	return (
		<Box flexDirection="column">
			<Text bold color={theme.accent}>
				Show
			</Text>
			<Menu items={items} index={index} />
			{items.length === 1 ? <Text color={theme.muted}>These lines name no steps or executions.</Text> : null}
			<Text color={theme.muted}>{keyText('⏎ choose  esc cancel')}</Text>
		</Box>
	);
}
