// Progress by release: which release each component's latest deploy is on, the releases rolled out
// (per component, the newest among the installs' latest deploys, and older ones still reaching
// installs), the one each install is being taken to and how many of its components are on it. Read
// from the org's installs list (`install_components[].install_deploys`, the latest deploy of each):
// no request of its own. A release is known by the build its deploys deploy (`build_id`, on every
// deploy): a deploy's `release_id` is the id of a component release's *step* (install_deploy.go:
// `ComponentReleaseStepID json:"release_id"`), different for each wave of one release and absent on
// deploys an install workflow made. No route names a release; a deploy that carries its OCI tag is
// named by it, else by the build's id. A drift check's deploy (drift.ts) deploys nothing: it carries
// the component's newest build, which the install may not run, so it moves no progress; where the list
// gives only that, the component keeps the release its last deploy was seen on (this session), else
// none is known.
import type {Install} from '../api/resources.js';
import {latestDeploys} from './drift.js';
import {list, record, text} from './fields.js';
import {sanitize} from './sanitize.js';
import {phaseOf} from './status.js';

export interface DeployRelease {
	/** The build the deploy deploys (its `release_id` only where a deploy has no build). */
	id: string;
	/** What the board shows: the OCI tag where the deploy has one, else the build's id. */
	label: string;
	/** When the deploy was created (ISO); in the fleet's releases, when the release was first deployed. */
	at: string;
	/** The deploy has finished well: the component is on the release, not on its way to it. */
	done: boolean;
}

const cache = new WeakMap<object, ReadonlyMap<string, DeployRelease>>();
/** install id + component id → the release of the latest deploy last seen (behind a drift check, the
 * list no longer shows it). */
const lastSeen = new Map<string, DeployRelease>();

/** Forgets the releases last seen (a session that starts afresh: a test's new client). */
export const forgetLastSeenReleases = (): void => lastSeen.clear();

function releaseOf(deploy: Record<string, unknown> | undefined): DeployRelease | undefined {
	const id = text(deploy?.build_id) || text(deploy?.release_id);
	if (!id) return undefined;
	const label = sanitize(text(record(deploy?.oci_artifact)?.tag) || id);
	const status = text(deploy?.status) || text(record(deploy?.status_v2)?.status);
	return {id, label, at: text(deploy?.created_at) ?? '', done: phaseOf(status) === 'success'};
}

/** componentId → the release of its latest deploy in the install (cached per install object). */
export function deployReleases(install: Install): ReadonlyMap<string, DeployRelease> {
	const cached = cache.get(install);
	if (cached) return cached;
	const releases = new Map<string, DeployRelease>();
	for (const ic of list(install.install_components)) {
		const componentId = text(record(ic)?.component_id);
		if (!componentId) continue;
		const key = install.id ? `${install.id}/${componentId}` : undefined;
		const {deploy, driftCheck} = latestDeploys(ic);
		const release = releaseOf(deploy) ?? (driftCheck && key ? lastSeen.get(key) : undefined);
		if (!release) continue;
		releases.set(componentId, release);
		if (key) lastSeen.set(key, release);
	}
	cache.set(install, releases);
	return releases;
}

/** componentId → the releases the installs' latest deploys are on, oldest first. */
export type FleetReleases = ReadonlyMap<string, readonly DeployRelease[]>;

/**
 * The releases each component's latest deploys are on across the installs, oldest first: ordered by
 * when each was first deployed (its `at`), so a release still reaching its last installs stays
 * older than a hotfix that followed it on its first ones. The newest is the one being rolled out.
 * Today's list has only latest deploys: once every install that had a release early has moved on,
 * its first deploy seen is a later one (a hotfix on all of them would then look the older).
 */
export function fleetReleases(installs: readonly Install[]): Map<string, DeployRelease[]> {
	const first = new Map<string, Map<string, DeployRelease>>();
	for (const install of installs) {
		for (const [componentId, release] of deployReleases(install)) {
			const byId = first.get(componentId) ?? new Map<string, DeployRelease>();
			first.set(componentId, byId);
			const known = byId.get(release.id);
			if (!known || release.at < known.at) byId.set(release.id, release);
		}
	}
	return new Map(
		[...first].map(([id, byId]) => [id, [...byId.values()].sort((a, b) => a.at.localeCompare(b.at))]),
	);
}

/**
 * componentId → the release an install is being taken to. Once any of its components is on the
 * newest release, that one for every component. Before: the release a component is on when it is
 * newer than the oldest the fleet still runs (an older release still in flight, or done with it
 * while a newer one reaches other installs), else the first rolled out after that oldest one.
 */
export function installTargets(
	install: Install,
	componentIds: readonly string[],
	fleet: FleetReleases,
): Map<string, DeployRelease> {
	const releases = deployReleases(install);
	const onNewest = componentIds.some(id => {
		const own = releases.get(id);
		return own !== undefined && own.id === fleet.get(id)?.at(-1)?.id;
	});
	const targets = new Map<string, DeployRelease>();
	for (const id of componentIds) {
		const known = fleet.get(id) ?? [];
		const own = known.find(release => release.id === releases.get(id)?.id);
		const target = onNewest ? known.at(-1) : own && own !== known[0] ? own : (known[1] ?? known[0]);
		if (target) targets.set(id, target);
	}
	return targets;
}

/** How many of an install's components are on the release it is being taken to (deployed, not on their
 * way), of all of them, and that release (the newest of its components'). */
export function releaseProgress(
	install: Install,
	componentIds: readonly string[],
	fleet: FleetReleases,
): {on: number; of: number; target: DeployRelease | undefined} {
	const releases = deployReleases(install);
	const targets = installTargets(install, componentIds, fleet);
	let target: DeployRelease | undefined;
	for (const release of targets.values()) if (!target || release.at > target.at) target = release;
	const on = componentIds.filter(id => {
		const release = releases.get(id);
		return release?.done === true && release.id === targets.get(id)?.id;
	}).length;
	return {on, of: componentIds.length, target};
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
