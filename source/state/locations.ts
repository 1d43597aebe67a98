// Where the user can be: every kind of level and its parameters, and what the first screen asks
// for when it opens there. The levels (ui/levels/registry.ts) are checked against this table; it
// lives here, under the UI, so that navigation, the start-up and the CLI know a location without
// loading a level (the first screen's requests go out before React and Ink are evaluated).
import type {LogFilter} from '../domain/logs.js';
import {ask, askFirstPage, ENDPOINTS, PAGED_ENDPOINTS, type Ask} from './endpoints.js';

interface Place<Params> {
	/** What the first screen asks for when the explorer opens on this level (see first-screen.ts). */
	firstScreen?: (params: Params) => readonly Ask[];
}
const place = <Params extends object>(spec: Place<Params> = {}): Place<Params> => spec;

type AppScope = {appId?: string; appName?: string};
type InstallScope = {installId: string; installName: string};
type ComponentScope = InstallScope & {componentId: string; componentName: string};
type WorkflowScope = InstallScope & {workflowId: string; workflowName: string};

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

export const LOCATIONS = {
	installs: place<AppScope>({firstScreen: installsFirst}),
	board: place<AppScope>({firstScreen: installsFirst}),
	components: place<InstallScope>({
		firstScreen: ({installId}) => [ask(ENDPOINTS.components, {installId})],
	}),
	deploy: place<DeployParams>({
		firstScreen: ({installId, componentId, deployId}) => [
			deployId
				? ask(ENDPOINTS.deploy, {installId, deployId, componentId})
				: ask(ENDPOINTS.latestDeploy, {installId, componentId}),
		],
	}),
	activity: place<InstallScope & {deployId: string; componentId?: string; componentName: string}>(),
	executions: place<{jobId: string; jobName: string; logStreamId?: string}>(),
	runs: place<InstallScope>(),
	steps: place<InstallScope & {runId: string; runName: string}>(),
	logs: place<{streamId: string; title: string; filter?: LogFilter}>(),
	document: place<{title: string; source: DocumentSource}>(),
	deployHistory: place<ComponentScope>(),
	workflows: place<InstallScope>(),
	workflow: place<WorkflowScope>(),
	approval: place<WorkflowScope & {stepId: string; stepName: string; approvalId: string}>(),
	runner: place<{runnerId: string; installName: string}>(),
	approvals: place<AppScope>(),
};

type Places = typeof LOCATIONS;
export type LevelKind = keyof Places;
/** The parameters of a level of this kind. */
export type ParamsOf<Kind extends LevelKind> =
	Places[Kind] extends Place<infer Params extends object> ? Params : never;
/** Where the user can be: one level and its parameters. */
export type Location = {[Kind in LevelKind]: {kind: Kind} & ParamsOf<Kind>}[LevelKind];

/** What the first screen asks for when the explorer opens at `location`. */
export function firstScreenAsks(location: Location): readonly Ask[] {
	const {firstScreen} = LOCATIONS[location.kind] as Place<Location>;
	return firstScreen?.(location) ?? [];
}
