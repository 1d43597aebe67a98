// Where the user is: a stack of locations, as a pure reducer. Enter pushes, Esc pops; the top of the
// stack is the only level on screen and the only one that polls.
import type {Location} from './locations.js';

export type {Location};

export interface Entry {
	/** Tells entries apart: a level keeps its state while it stays on the stack under this id. */
	id: number;
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
	/** Back down to the level that shows `location` when the stack has one (a second `B`), else a push. */
	| {type: 'open'; location: Location}
	| {type: 'pop'}
	| {type: 'select'; id: string | undefined}
	| {type: 'selectColumn'; column: number}
	| {type: 'reset'; location: Location}
	/** A whole new stack (from `initialNavigation`): its levels are new ones. */
	| {type: 'resetStack'; stack: Entry[]};

/**
 * The stack to start with: the locations from the top level down, the first with a preselected row;
 * each level above the top selects the row the next one shows (`selectedBelow`), so Esc lands on it.
 */
export function initialNavigation(
	locations: Location[] = [{kind: 'installs'}],
	selectedId?: string,
	selectedBelow: (next: Location) => string | undefined = () => undefined,
): NavigationState {
	const stack: Entry[] = (locations.length ? locations : [{kind: 'installs'} as Location]).map(
		(location, id) => ({id, location}),
	);
	stack[0] = {...stack[0]!, selectedId};
	for (let index = 0; index < stack.length - 1; index++) {
		const id = selectedBelow(stack[index + 1]!.location);
		if (id) stack[index] = {...stack[index]!, selectedId: id};
	}
	return {stack};
}

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
	switch (action.type) {
		case 'push':
			return {stack: [...state.stack, {id: nextId(state), location: action.location}]};
		case 'pop':
			return state.stack.length > 1 ? {stack: state.stack.slice(0, -1)} : state;
		case 'open': {
			const same = JSON.stringify(action.location);
			const at = state.stack.findIndex(entry => JSON.stringify(entry.location) === same);
			return at < 0
				? navigate(state, {type: 'push', location: action.location})
				: at === state.stack.length - 1
					? state
					: {stack: state.stack.slice(0, at + 1)};
		}
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
			return {stack: [{id: nextId(state), location: action.location}]};
		case 'resetStack': {
			const first = nextId(state);
			return {stack: action.stack.map((entry, index) => ({...entry, id: first + index}))};
		}
	}
}

const nextId = (state: NavigationState) => Math.max(...state.stack.map(entry => entry.id)) + 1;

export function currentEntry(state: NavigationState): Entry {
	return state.stack.at(-1)!;
}
