// Every level of the explorer. The app's level switch, the breadcrumbs, the start-up stack, the
// fuzzer's list and the type of a location (state/locations.ts, registered below) are all derived
// from this one table; adding a level is one module exporting a descriptor and one line here.
import {installs} from './installs.js';
import {board} from './board.js';
import {components} from './components.js';
import {deploy} from './deploy.js';
import {activity} from './activity.js';
import {executions} from './executions.js';
import {runs} from './runs.js';
import {steps} from './steps.js';
import {logs} from './logs.js';
import {document} from './document.js';
import {approval} from './approval.js';
import {deployHistory} from './deploy-history.js';
import {workflows} from './workflows.js';
import {workflow} from './workflow.js';
import {runner} from './runner.js';
import {approvals} from './approvals.js';
import type {LevelDescriptor} from './level.js';
import {initialNavigation, type Entry, type NavigationState} from '../../state/navigation.js';
import type {LevelKind, Location} from '../../state/locations.js';

export type {LevelKind, Location};

export const LEVELS = {
	installs,
	board,
	components,
	deploy,
	activity,
	executions,
	runs,
	steps,
	logs,
	document,
	deployHistory,
	workflows,
	workflow,
	approval,
	runner,
	approvals,
};

declare module '../../state/locations.js' {
	interface Register {
		levels: typeof LEVELS;
	}
}

export function levelOf(location: Location): LevelDescriptor<Location> {
	return LEVELS[location.kind] as unknown as LevelDescriptor<Location>;
}

/**
 * "installs › acme-prod › api › latest deploy". A crumb that starts with the subject of the one
 * before it says it once: "api › deploys › api › deploy of …" reads "api › deploys › deploy of …".
 */
export function breadcrumbs(stack: readonly Entry[]): string[] {
	const crumbs = stack.map(({location}) => levelOf(location).crumb(location));
	return crumbs.map((crumb, index) => {
		const subject = crumbs[index - 1]?.split(' › ')[0];
		return subject && crumb.startsWith(`${subject} › `) ? crumb.slice(subject.length + 3) : crumb;
	});
}

/** The navigation to start with: the locations from the top level down, each selecting the next. */
export function startNavigation(locations?: Location[], selectedId?: string): NavigationState {
	return initialNavigation(locations, selectedId, location => levelOf(location).selectedBelow?.(location));
}

/** One example location of every level, for tests and the fuzzer. */
export const EXAMPLE_LOCATIONS = Object.entries(LEVELS).map(
	([kind, level]) => ({kind, ...level.example}) as Location,
);
