// The stack of levels: every level on it stays mounted (one that is covered keeps its state:
// selection, filter, scroll, a log view's lines, and gets it back on Esc); only the top one is shown
// and takes keys, and only it refreshes (and those that ask to, like the board). A cursor move
// changes the top entry alone: the covered levels, memoised on their entries, do not render again.
import {memo, useMemo, useRef} from 'react';
import {Box} from 'ink';
import {SWRConfig, type SWRConfiguration} from 'swr';
import {containsProgress} from '../../domain/status.js';
import {OnScreenContext} from '../../state/on-screen.js';
import type {Entry, NavigationState} from '../../state/navigation.js';
import {breadcrumbs, levelOf} from '../levels/registry.js';
import {LevelPlaceContext, type StackView, type WatchState} from './context.js';
import {LevelBoundary} from './LevelBoundary.js';

const COVERED: SWRConfiguration = {refreshInterval: 0};

/** The stack as the frame shows it, a new value only when a level is opened or closed. */
export function useStackView({stack}: NavigationState): StackView {
	const crumbs = breadcrumbs(stack);
	const bottomId = stack[0]!.id;
	const last = useRef<StackView>({crumbs, bottomId});
	const same =
		last.current.bottomId === bottomId &&
		last.current.crumbs.length === crumbs.length &&
		crumbs.every((crumb, index) => crumb === last.current.crumbs[index]);
	if (!same) last.current = {crumbs, bottomId};
	return last.current;
}

export function LevelStack({
	navigation: {stack},
	orgId,
	refresh,
}: {
	navigation: NavigationState;
	orgId: string;
	/** The refresh policy of the level on top. */
	refresh: SWRConfiguration;
}) {
	return stack.map((entry, index) => {
		const active = index === stack.length - 1;
		return (
			// Keyed by org too: after :org no level keeps the old org's rows, not even for a moment.
			<StackLevel
				key={`${orgId}:${entry.id}`}
				entry={entry}
				active={active}
				refresh={active || levelOf(entry.location).refreshesWhileCovered ? refresh : COVERED}
			/>
		);
	});
}

/** One level of the stack, with its place, its refresh policy and its error boundary. */
const StackLevel = memo(function StackLevel({
	entry,
	active,
	refresh,
}: {
	entry: Entry;
	active: boolean;
	refresh: SWRConfiguration;
}) {
	const place = useMemo(() => ({entry, active}), [entry, active]);
	const {location} = entry;
	const level = levelOf(location);
	return (
		<Box display={active ? 'flex' : 'none'} flexDirection="column">
			<LevelPlaceContext.Provider value={place}>
				<OnScreenContext.Provider value={active}>
					<SWRConfig value={refresh}>
						<LevelBoundary location={location}>
							<level.View key={level.identity?.(location)} {...location} />
						</LevelBoundary>
					</SWRConfig>
				</OnScreenContext.Provider>
			</LevelPlaceContext.Provider>
		</Box>
	);
});

/**
 * How often a key polls: the normal interval; in watch mode fast while its data shows anything in
 * progress and slow once settled; never while paused.
 */
export function pollInterval(watch: WatchState): (data: unknown) => number {
	// Before any data arrives nothing is known to be settled: poll fast.
	return data =>
		watch.paused
			? 0
			: !watch.watching
				? watch.refreshMs
				: data === undefined || containsProgress(data)
					? watch.fastMs
					: watch.slowMs;
}
