// What a level is, as data: everything the app, the breadcrumbs, the start-up stack, the tests and
// the fuzzer need to know about it. Each level module exports one; `registry.ts` lists them.
import type {ComponentType} from 'react';

export interface LevelDescriptor<Params extends object> {
	/** The breadcrumb for this level ("api › latest deploy"). */
	crumb: (params: Params) => string;
	/** The level itself, given its location's parameters. */
	View: ComponentType<Params>;
	/** The row the level below selects when this one is opened from the start flags, so Esc lands on it. */
	selectedBelow?: (params: Params) => string | undefined;
	/** A level showing another thing of the same kind is a new level, not the old one with new props. */
	identity?: (params: Params) => string;
	/** Keeps refreshing while another level covers it (the board records transitions). */
	refreshesWhileCovered?: boolean;
	/** A location of this kind, for tests and the fuzzer. */
	example: Params;
}

export const defineLevel = <Params extends object>(descriptor: LevelDescriptor<Params>): LevelDescriptor<Params> => descriptor;
