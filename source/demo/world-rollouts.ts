// The rollouts that reach an install component: the new release's, and on the first installs of one
// app a hotfix of it that follows once they have the release, while the release still moves through
// the app's later waves (two releases in flight on one app). Which deploy is its latest at scenario
// second t, and what changes when.
import {phaseAt, phaseHistory} from './world-phases.js';
import type {DemoDeploy, DemoInstall, DemoInstallComponent, Phase, Schedule, World} from './world-types.js';

type Rollout = NonNullable<DemoInstallComponent['rollout']>;

/**
 * The hotfix: rolled out to the first `installs` installs of `app` that the release reached, the
 * first at scenario second `from`, each next `every` seconds later, and never before the release
 * has finished on the install. Its workflows are created at `createdAt`. Not to all of the first
 * ones: today's installs list has only latest deploys, and the release is known to be the older of
 * the two by the install of its first waves that stays on it (release-progress.ts).
 */
export const HOTFIX = {app: 'relay-cdn', installs: 2, from: 30, every: 6, createdAt: 25};

/** The hotfix's schedule for the k-th component of the `order`-th install it reaches, its release done at
 * `releaseDone`. */
export function hotfixSchedule(order: number, releaseDone: number, k: number, rand: () => number): Schedule {
	const start = Math.max(HOTFIX.from + order * HOTFIX.every, Math.ceil(releaseDone) + 5);
	const queuedAt = start + k * 3 + rand() * 2;
	const planningAt = queuedAt + 2 + rand() * 2;
	const executingAt = planningAt + 3 + rand() * 2;
	return {queuedAt, planningAt, executingAt, doneAt: executingAt + 4 + rand() * 4, fails: false};
}

/** The rollouts that reach a component, newest first: the hotfix's, then the release's. */
const rolloutsOf = (ic: DemoInstallComponent): Rollout[] =>
	[ic.hotfix, ic.rollout].filter(rollout => rollout !== undefined);

/** The newest rollout that has reached the component at t (its deploy is queued), if any. */
export function currentRollout(_world: World, ic: DemoInstallComponent, t: number): Rollout | undefined {
	return rolloutsOf(ic).find(rollout => t >= rollout.schedule.queuedAt);
}

export function rolloutStarted(world: World, ic: DemoInstallComponent, t: number): boolean {
	return currentRollout(world, ic, t) !== undefined;
}

/** Its latest deploy at t: the newest rollout's that has reached it, else the one before the rollouts. */
export function latestDeployId(world: World, ic: DemoInstallComponent, t: number): string {
	return currentRollout(world, ic, t)?.id ?? ic.previousDeployId;
}

/** The deploy before its latest one at t. */
export function priorDeployId(world: World, ic: DemoInstallComponent, t: number): string {
	const ids = [...rolloutsOf(ic).map(rollout => rollout.id), ic.previousDeployId];
	return ids[ids.indexOf(latestDeployId(world, ic, t)) + 1] ?? ic.previousDeployId;
}

/** A rollout's deploy exists once the rollout has reached its component; every other one always. */
export const deployExists = (entry: DemoDeploy, t: number): boolean =>
	!entry.rollout || t >= entry.schedule.queuedAt;

/** A deploy given a new schedule (a retry, a plan sent back): its rollout follows it. */
export function followSchedule(deploy: DemoDeploy): void {
	for (const rollout of rolloutsOf(deploy.ic))
		if (rollout.id === deploy.id) rollout.schedule = deploy.schedule;
}

export function latestPhase(world: World, ic: DemoInstallComponent, t: number): Phase | undefined {
	if (ic.neverDeployed) return undefined;
	const current = currentRollout(world, ic, t);
	return current ? phaseAt(current.schedule, t) : 'active';
}

export function phaseStart(_world: World, schedule: Schedule, t: number): number {
	return [...phaseHistory(schedule)].reverse().find(([, at]) => at <= t)?.[1] ?? schedule.queuedAt;
}

export function lastChange(world: World, install: DemoInstall, t: number): number {
	let last = -3 * 86_400;
	for (const ic of install.components) {
		const current = currentRollout(world, ic, t);
		if (current) last = Math.max(last, phaseStart(world, current.schedule, t));
	}
	return last;
}
