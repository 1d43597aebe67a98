// A write's confirmation, drawn across the screen in place of the list and its detail while it is open:
// what it touches, its effect, the note, the word to type, or the answers to choose from.
import {Box, Text} from 'ink';
import {oneLine} from '../../domain/text.js';
import type {Theme} from '../widgets/theme.js';
import {NOTE_LIMIT, type useWrite} from './use-write.js';

type Panel = NonNullable<ReturnType<typeof useWrite>['panel']>;

/** The confirmation, drawn in place of the list while a write is open. */
export function WritePanel({
	write,
	stage,
	choice,
	more,
	mustType,
	typed,
	note,
	theme,
}: Panel & {theme: Theme}) {
	if (stage === 'choose' && choice) return <ChoicePanel choice={choice} theme={theme} />;
	const facts = [...write.facts, ...(more ?? [['…', 'reading…'] as const])];
	const labelWidth = Math.min(24, Math.max(...facts.map(([label]) => label.length), 4));
	return (
		<Box flexDirection="column">
			<Text bold color={theme.warning} wrap="truncate-end">
				{write.title}?
			</Text>
			{/* Wrapped, not cut: what a write touches is read in full before y. */}
			{facts.map(([label, value], index) => (
				<Box key={`${label}:${index}`}>
					<Box width={labelWidth + 1} flexShrink={0}>
						<Text color={theme.muted}>{label}</Text>
					</Box>
					<Text wrap="wrap">{oneLine(value)}</Text>
				</Box>
			))}
			{write.note !== undefined ? (
				<Text wrap="truncate-end">
					<Text color={theme.muted}>{'note'.padEnd(labelWidth)} </Text>
					{note}
					{stage === 'note' ? <Text inverse> </Text> : null}
				</Text>
			) : null}
			{write.effect ? <Text wrap="wrap">{write.effect}</Text> : null}
			{stage === 'note' ? (
				<Text color={theme.muted} wrap="wrap">
					{write.note} At most {NOTE_LIMIT} characters{[...note].length >= NOTE_LIMIT ? ' (full)' : ''}. Enter
					when done, Esc sends nothing.
				</Text>
			) : stage === 'type' && mustType ? (
				<Text wrap="wrap">
					<Text color={theme.warning}>{mustType.why}</Text> Type <Text bold>{mustType.word}</Text> and Enter
					to send it anyway: {typed}
					<Text inverse> </Text> · <Text bold>Esc</Text> sends nothing
				</Text>
			) : stage === 'confirm' ? (
				<Text wrap="wrap">
					<Text bold color={theme.accent}>
						y
					</Text>{' '}
					sends it once · <Text bold>n</Text> or <Text bold>Esc</Text> sends nothing
				</Text>
			) : (
				<Text color={theme.accent}>
					{stage === 'checking' ? 'Checking it still applies…' : 'Sending… (not retried)'}
				</Text>
			)}
		</Box>
	);
}

/** The answers numbered, one line each, and what the one under the cursor does (it fits 80x24). */
function ChoicePanel({
	choice: {question, index},
	theme,
}: {
	choice: NonNullable<Panel['choice']>;
	theme: Theme;
}) {
	return (
		<Box flexDirection="column">
			<Text bold color={theme.warning} wrap="truncate-end">
				{question.title}
			</Text>
			<Text> </Text>
			{question.choices.map((write, at) => (
				<Text key={write.title} wrap="truncate-end" inverse={at === index}>
					{at + 1} {write.title}
				</Text>
			))}
			<Text> </Text>
			<Text wrap="wrap">{question.choices[index]?.effect}</Text>
			<Text> </Text>
			<Text wrap="wrap">
				<Text bold>1</Text>–<Text bold>{question.choices.length}</Text> or <Text bold>Enter</Text> chooses (it
				asks again before sending) · <Text bold>Esc</Text> sends nothing
			</Text>
		</Box>
	);
}
