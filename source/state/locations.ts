// Where the user can be: every kind of level and its parameters (their types, registered by the
// level registry), and what the first screen asks for when it opens there. It lives here, under the
// UI, so that navigation, the start-up and the CLI know a location without loading a level (the
// first screen's requests go out before React and Ink are evaluated).
import {ask, askFirstPage, ENDPOINTS, PAGED_ENDPOINTS, type Ask} from './endpoints.js';

type AppScope = {appId?: string; appName?: string};
type InstallScope = {installId: string; installName: string};
type ComponentScope = InstallScope & {componentId: string; componentName: string};

export type DeployParams = ComponentScope & {
	/** One deploy of the component (from its history); the latest when absent. */
	deployId?: string;
	/** How the breadcrumb names that deploy ("deploy of 11-24 16:31"). */
	deployLabel?: string;
};
/** What a document level shows: a job's plan, or a value as JSON. */
export type DocumentSource = {type: 'plan'; jobId: string} | {type: 'value'; value: unknown};

const installsFirst = ({appId}: AppScope) => [
	askFirstPage(PAGED_ENDPOINTS.installs, {appId}),
	ask(ENDPOINTS.apps, {}),
];

/**
 * The level registry (ui/levels/registry.ts) registers its table here, so that navigation, the
 * start-up and the CLI know every kind of level and its parameters without importing the UI:
 * `declare module '…/state/locations.js' {interface Register {levels: typeof LEVELS}}`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the registry's declaration
export interface Register {}
type Levels = Register extends {levels: infer Levels} ? Levels : never;
export type LevelKind = keyof Levels & string;
/** The parameters of a level of this kind (its descriptor's example has them). */
export type ParamsOf<Kind extends LevelKind> = Levels[Kind] extends {example: infer Params extends object}
	? Params
	: never;
/** Where the user can be: one level and its parameters. */
export type Location = {[Kind in LevelKind]: {kind: Kind} & ParamsOf<Kind>}[LevelKind];

/** What the first screen asks for when the explorer opens on a level of this kind (the others: nothing). */
const FIRST_SCREEN: {[Kind in LevelKind]?: (params: ParamsOf<Kind>) => readonly Ask[]} = {
	installs: installsFirst,
	board: installsFirst,
	components: ({installId}) => [ask(ENDPOINTS.components, {installId})],
	deploy: ({installId, componentId, deployId}) => [
		deployId
			? ask(ENDPOINTS.deploy, {installId, deployId, componentId})
			: ask(ENDPOINTS.latestDeploy, {installId, componentId}),
	],
};

/** What the first screen asks for when the explorer opens at `location`. */
export function firstScreenAsks(location: Location): readonly Ask[] {
	const firstScreen = FIRST_SCREEN[location.kind] as ((params: Location) => readonly Ask[]) | undefined;
	return firstScreen?.(location) ?? [];
}
