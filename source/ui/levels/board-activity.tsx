import {Text} from 'ink';
import type {Install} from '../../api/resources.js';
import {installName} from '../../domain/install.js';
import {phaseOf, statusWord} from '../../domain/status.js';
import type {Transition} from '../../domain/rollout.js';
import {clock} from '../../domain/time.js';
import {Pane} from '../widgets/Pane.js';
import type {Theme} from '../widgets/theme.js';

export interface ActivityView {
	offset: number;
	failuresOnly: boolean;
}

/** The changes the pane lists: all, or only those into a failure. */
export const shownActivity = (
	activity: readonly Transition[],
	failuresOnly: boolean,
): readonly Transition[] =>
	failuresOnly ? activity.filter(change => phaseOf(change.to) === 'failure') : activity;

/** The first change the pane shows: where it is scrolled to, at most a page from the end. */
export const activityTop = (shown: number, rows: number, offset: number): number =>
	Math.min(offset, Math.max(0, shown - rows));

/** The change Enter opens while the pane has the focus: the top one shown (marked `›`). */
export function selectedChange(
	activity: readonly Transition[],
	view: ActivityView,
	height: number,
): Transition | undefined {
	const shown = shownActivity(activity, view.failuresOnly);
	return shown[activityTop(shown.length, Math.max(1, height - 2), view.offset)];
}

export function BoardActivity({
	activity,
	view,
	focused,
	installs,
	componentNames,
	width,
	height,
	theme,
}: {
	activity: readonly Transition[];
	view: ActivityView;
	focused: boolean;
	installs: readonly Install[];
	componentNames: Map<string, string>;
	width: number;
	height: number;
	theme: Theme;
}) {
	const shown = shownActivity(activity, view.failuresOnly);
	const rows = Math.max(1, height - 2);
	const offset = activityTop(shown.length, rows, view.offset);
	const count = view.failuresOnly
		? `${shown.length} ${shown.length === 1 ? 'failure' : 'failures'} of ${activity.length}`
		: activity.length;
	const range = shown.length > rows ? ` ${offset + 1}–${Math.min(shown.length, offset + rows)}` : '';
	const title = `Activity (${count})${range}`;
	return (
		<Pane title={title} focused={focused} width={width} height={height} theme={theme}>
			{shown.length === 0 ? (
				<Text color={theme.muted}>
					{activity.length && view.failuresOnly
						? 'No change into a failure yet (F shows all).'
						: 'Status changes appear here as they happen.'}
				</Text>
			) : (
				shown.slice(offset, offset + rows).map((change, index) => {
					const install = installs.find(i => i.id === change.installId);
					return (
						<Text key={`${change.at}-${offset + index}`} wrap="truncate-end" inverse={focused && index === 0}>
							{focused ? (index === 0 ? '› ' : '  ') : ''}
							<Text color={theme.muted}>{clock(change.at)} </Text>
							{install ? installName(install) : change.installId} ›{' '}
							{componentNames.get(change.componentId) ?? change.componentId}{' '}
							<Text color={theme.phase[phaseOf(change.from)]}>
								{change.from ? statusWord(change.from) : 'none'}
							</Text>{' '}
							→ <Text color={theme.phase[phaseOf(change.to)]}>{statusWord(change.to)}</Text>
						</Text>
					);
				})
			)}
		</Pane>
	);
}
