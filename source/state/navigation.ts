// Where the user is: a stack of locations, as a pure reducer. Enter pushes, Esc pops; the top of the
// stack is the only level on screen and the only one that polls.
export type Location =
	| {kind: 'installs'; appId?: string; appName?: string}
	| {kind: 'board'; appId?: string; appName?: string}
	| {kind: 'components'; installId: string; installName: string}
	| {kind: 'deploy'; installId: string; installName: string; componentId: string; componentName: string}
	| {kind: 'activity'; installId: string; installName: string; deployId: string; componentId?: string; componentName: string}
	| {kind: 'executions'; jobId: string; jobName: string; logStreamId?: string}
	| {kind: 'runs'; installId: string; installName: string}
	| {kind: 'steps'; installId: string; installName: string; runId: string; runName: string}
	| {kind: 'logs'; streamId: string; title: string; filter?: {step?: string; executionId?: string}}
	| {kind: 'document'; title: string; source: {type: 'plan'; jobId: string} | {type: 'value'; value: unknown}};

export interface Entry {
	location: Location;
	/** Id of the selected row, so going back returns to it even if the list changed. */
	selectedId?: string;
	/** Position of the selected column, on levels with columns to move between (the board). */
	selectedColumn?: number;
}

export interface NavigationState {
	stack: Entry[];
}

export type NavigationAction =
	| {type: 'push'; location: Location}
	| {type: 'pop'}
	| {type: 'select'; id: string | undefined}
	| {type: 'selectColumn'; column: number}
	| {type: 'reset'; location: Location}
	| {type: 'resetStack'; locations: Location[]};

/** The stack to start with: the locations from the top level down, the first with a preselected row. */
export function initialNavigation(locations: Location[] = [{kind: 'installs'}], selectedId?: string): NavigationState {
	const stack = (locations.length ? locations : [{kind: 'installs'} as Location]).map(location => ({location}) as Entry);
	stack[0] = {...stack[0]!, selectedId};
	// Each level above the top selects the row it leads to, so Esc lands on it.
	for (let index = 0; index < stack.length - 1; index++) {
		const next = stack[index + 1]!.location;
		const id = next.kind === 'components' ? next.installId : next.kind === 'deploy' ? next.componentId : undefined;
		if (id) stack[index] = {...stack[index]!, selectedId: id};
	}
	return {stack};
}

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
	switch (action.type) {
		case 'push':
			return {stack: [...state.stack, {location: action.location}]};
		case 'pop':
			return state.stack.length > 1 ? {stack: state.stack.slice(0, -1)} : state;
		case 'select': {
			const top = state.stack.at(-1)!;
			if (top.selectedId === action.id) return state;
			return {stack: [...state.stack.slice(0, -1), {...top, selectedId: action.id}]};
		}
		case 'selectColumn': {
			const top = state.stack.at(-1)!;
			if (top.selectedColumn === action.column) return state;
			return {stack: [...state.stack.slice(0, -1), {...top, selectedColumn: action.column}]};
		}
		case 'reset':
			return {stack: [{location: action.location}]};
		case 'resetStack':
			return initialNavigation(action.locations);
	}
}

export function currentEntry(state: NavigationState): Entry {
	return state.stack.at(-1)!;
}

/** "installs › acme-prod › api › latest deploy" */
export function breadcrumbs(state: NavigationState): string[] {
	return state.stack.map(({location}) => {
		switch (location.kind) {
			case 'installs':
				return location.appName ? `installs (${location.appName})` : 'installs';
			case 'board':
				return location.appName ? `rollout board (${location.appName})` : 'rollout board';
			case 'components':
				return location.installName;
			case 'deploy':
				return `${location.componentName} › latest deploy`;
			case 'activity':
				return 'jobs & runs';
			case 'executions':
				return `${location.jobName} › executions`;
			case 'runs':
				return `action runs of ${location.installName}`;
			case 'steps':
				return location.runName;
			case 'logs':
				return `logs: ${location.title}`;
			case 'document':
				return location.title;
		}
	});
}
