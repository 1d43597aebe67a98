import {Text} from 'ink';
import {failureLine} from '../shell/failure-text.js';
import {displayWidth, fitMessage} from '../../domain/text.js';
import {clock} from '../../domain/time.js';
import type {TailState} from '../../state/log-tail.js';
import type {Theme} from '../widgets/theme.js';

export function StatusLine({
	state,
	following,
	newLines,
	atEnd,
	search,
	matches,
	message,
	theme,
	width,
}: {
	state: TailState;
	following: boolean;
	newLines: number;
	atEnd: boolean;
	search: string;
	matches: number;
	message?: string;
	theme: Theme;
	width: number;
}) {
	const newBelow =
		newLines > 0
			? ` · ${newLines.toLocaleString('en-US')} new ${newLines === 1 ? 'line' : 'lines'} below`
			: '';
	const phase =
		state.phase === 'closed'
			? `■ stream closed${state.updatedAt ? `, checked ${clock(state.updatedAt)}` : ''}`
			: state.phase === 'loading'
				? '⟳ loading'
				: following
					? atEnd
						? '● following'
						: '● following (scrolled back: G for the end)'
					: `⏸ paused${newBelow} (f or G resumes)`;
	// Only loaded lines are searched: while older ones are not, the count says so and how to load them.
	const searchText = search
		? `search "${search}": ${matches} ` +
			`${matches === 1 ? 'match' : 'matches'}${state.hasOlder ? ' in the loaded lines (g loads all)' : ''}`
		: undefined;
	const parts = [
		phase,
		state.fillingFromStart ? 'this server is older: the view fills from the start of the stream' : undefined,
		state.buffer.dropped > 0
			? `${state.buffer.dropped.toLocaleString('en-US')} older lines dropped from memory (keeps ` +
				`${state.buffer.capacity.toLocaleString('en-US')})`
			: undefined,
		state.hasOlder ? (state.loadingOlder ? 'loading older lines…' : 'older lines above') : undefined,
		searchText,
		message,
	].filter(Boolean);
	if (state.error) {
		return (
			<Text color={theme.error}>
				{fitMessage(failureLine(state.error, state.buffer.lines.length ? 'lines' : undefined), width - 1)}
			</Text>
		);
	}
	// What the user just asked for (a search) stays whole and the rest is shortened; a message (a saved
	// file, a copied id) that does not fit beside the rest has the line to itself while it shows.
	const all = parts.join(' · ');
	const text =
		message && displayWidth(all) > width - 1
			? fitMessage(message, width - 1)
			: fitMessage(all, width - 1, searchText);
	return (
		<Text color={state.phase === 'closed' ? theme.muted : theme.accent}>
			{text}
			{' '.repeat(Math.max(0, width - 1 - displayWidth(text)))}
		</Text>
	);
}
