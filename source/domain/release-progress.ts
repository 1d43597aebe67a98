// Progress by release: which release each component's latest deploy is on, the release being rolled
// out (per component, the newest release among the installs' latest deploys) and how many of an
// install's components are on it. Read from the org's installs list
// (`install_components[].install_deploys`, the latest deploy of each): no request of its own. The
// list's deploys carry a `release_id`, not a version name: on Nuon's server the id of a release step
// (install_deploy.go), on the deploys a release made only, and no route names a release (README,
// Supported servers). A deploy that carries its OCI tag is named by it.
import type {Install} from '../api/resources.js';
import {list, record, text} from './fields.js';
import {sanitize} from './sanitize.js';
import {phaseOf} from './status.js';

export interface DeployRelease {
	id: string;
	/** What the board shows: the OCI tag where the deploy has one, else the release id. */
	label: string;
	/** When the deploy was created (ISO): the newest one's release is the one rolled out. */
	at: string;
	/** The deploy has finished well: the component is on the release, not on its way to it. */
	done: boolean;
}

const cache = new WeakMap<object, ReadonlyMap<string, DeployRelease>>();

/** componentId → the release of its latest deploy in the install (cached per install object). */
export function deployReleases(install: Install): ReadonlyMap<string, DeployRelease> {
	const cached = cache.get(install);
	if (cached) return cached;
	const releases = new Map<string, DeployRelease>();
	for (const ic of list(install.install_components)) {
		const componentId = text(record(ic)?.component_id);
		const deploy = record(list(record(ic)?.install_deploys)[0]);
		const id = text(deploy?.release_id);
		if (!componentId || !id) continue;
		const label = sanitize(text(record(deploy?.oci_artifact)?.tag) || id);
		const status = text(deploy?.status) || text(record(deploy?.status_v2)?.status);
		const done = phaseOf(status) === 'success';
		releases.set(componentId, {id, label, at: text(deploy?.created_at) ?? '', done});
	}
	cache.set(install, releases);
	return releases;
}

/** componentId → the release being rolled out: the newest among the installs' latest deploys. */
export function targetReleases(installs: readonly Install[]): Map<string, DeployRelease> {
	const targets = new Map<string, DeployRelease>();
	for (const install of installs) {
		for (const [componentId, release] of deployReleases(install)) {
			const known = targets.get(componentId);
			if (!known || release.at > known.at) targets.set(componentId, release);
		}
	}
	return targets;
}

/** The newest of some components' target releases: what a group of columns rolls out. */
export function newestTarget(
	componentIds: readonly string[],
	targets: ReadonlyMap<string, DeployRelease>,
): DeployRelease | undefined {
	let newest: DeployRelease | undefined;
	for (const id of componentIds) {
		const target = targets.get(id);
		if (target && (!newest || target.at > newest.at)) newest = target;
	}
	return newest;
}

/** How many of an install's components are on the release being rolled out (deployed, not on their
 * way), of all of them. */
export function releaseProgress(
	install: Install,
	componentIds: readonly string[],
	targets: ReadonlyMap<string, DeployRelease>,
): {on: number; of: number} {
	const releases = deployReleases(install);
	const on = componentIds.filter(id => {
		const release = releases.get(id);
		return release?.done === true && release.id === targets.get(id)?.id;
	}).length;
	return {on, of: componentIds.length};
}

/** The release an install is on: its newest latest deploy's (the one it is moving to), if any. */
export function installRelease(install: Install): DeployRelease | undefined {
	let newest: DeployRelease | undefined;
	for (const release of deployReleases(install).values())
		if (!newest || release.at > newest.at) newest = release;
	return newest;
}

/** "3/6": the progress as the board's column shows it. */
export const progressText = ({on, of}: {on: number; of: number}): string => `${on}/${of}`;
