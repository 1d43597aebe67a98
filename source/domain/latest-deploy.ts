// Today's server answers a component's latest deploy without its relations (its handler preloads
// only the author and the build); the deploy by id has them, but not the author. The two read as one.
// The type from the schema, not from api/resources.ts, which reads deploys with these functions.
import type {components} from '../api/schema.js';

type InstallDeploy = components['schemas']['app.InstallDeploy'];

/** The latest deploy came without what the screens read from it: runner jobs, runs, artifact, log stream. */
export const lacksRelations = (deploy: InstallDeploy | null | undefined): boolean =>
	!!deploy &&
	typeof deploy === 'object' &&
	!Array.isArray(deploy) &&
	['runner_jobs', 'action_workflow_runs', 'oci_artifact', 'log_stream'].every(
		key => (deploy as Record<string, unknown>)[key] == null,
	);

/** The deploy by id, with what only the latest deploy's answer carried (the author, the build) filled in. */
export function mergeDeploys(latest: InstallDeploy, full: InstallDeploy): InstallDeploy {
	if (full === null || typeof full !== 'object' || Array.isArray(full)) return latest;
	const merged: Record<string, unknown> = {...latest};
	for (const [key, value] of Object.entries(full)) {
		if (value !== undefined && value !== null && value !== '') merged[key] = value;
	}
	return merged as InstallDeploy;
}
