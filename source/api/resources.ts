// One typed function per endpoint the explorer uses, by area; types come only from the generated schema.
export * from './actions.js';
export * from './deploys.js';
export * from './installs.js';
export * from './logs.js';
export * from './org.js';
export * from './paging.js';
export {eitherRoute, getData, learntRoutes} from './route-memory.js';
export {labelsFilterOf, narrowToLabels} from './install-labels.js';
export * from './runner-jobs.js';
export type * from './types.js';
export * from './workflows.js';
