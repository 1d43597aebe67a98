// An install's runner, read from the installs list alone: every installs list copies the status of
// the first runner of the install's group (install.go, AfterQuery; get_org_installs.go preloads
// RunnerGroup.Runners) into `runner_status` and `runner_status_description`. No request of its own.
import type {Install} from '../api/resources.js';
import {cellStatuses} from './cell-status.js';
import {oneLine} from './text.js';

export type RunnerHealth = 'healthy' | 'degraded' | 'disconnected' | 'unknown';

/**
 * The runner statuses of app/runner.go: only `active` is healthy (IsHealthy); `offline` is what
 * offline_check.go sets once its health checks stop; the rest are a runner being set up, torn down or
 * failing. `deprovisioned` is also what an install without a runner reads (AfterQuery's default).
 */
const HEALTH: Record<string, RunnerHealth> = {
	active: 'healthy',
	offline: 'disconnected',
	deprovisioned: 'disconnected',
	deprovisioning: 'disconnected',
	error: 'degraded',
	pending: 'degraded',
	provisioning: 'degraded',
	reprovisioning: 'degraded',
	'awaiting-install-stack-run': 'degraded',
};

export const HEALTH_GLYPH: Record<RunnerHealth, string> = {
	healthy: '●',
	degraded: '◐',
	disconnected: '○',
	unknown: '?',
};

/** The phase each health is coloured as. */
export const HEALTH_TONE = {
	healthy: 'success',
	degraded: 'warning',
	disconnected: 'failure',
	unknown: 'unknown',
} as const satisfies Record<RunnerHealth, string>;

export function runnerHealth(install: Install): RunnerHealth {
	const status = install.runner_status;
	return typeof status === 'string' ? (HEALTH[status] ?? 'unknown') : 'unknown';
}

/** "○ disconnected" */
export const healthLabel = (health: RunnerHealth) => `${HEALTH_GLYPH[health]} ${health}`;

/** The runner's own words, on one line. */
export const runnerDescription = (install: Install): string =>
	typeof install.runner_status_description === 'string' ? oneLine(install.runner_status_description) : '';

/** Deploy statuses that wait for a runner to pick them up. */
const WAITING = new Set(['queued', 'pending']);

/** Whether the install has deploys waiting while its runner is down (degraded or disconnected). */
export function waitsOnRunner(install: Install): boolean {
	const health = runnerHealth(install);
	if (health === 'healthy' || health === 'unknown') return false;
	for (const status of cellStatuses(install).values()) if (WAITING.has(status)) return true;
	return false;
}

/** "3 installs waiting on a runner", or nothing when none is. */
export function waitingOnRunnerText(installs: readonly Install[]): string | undefined {
	const count = installs.filter(waitsOnRunner).length;
	return count ? `${count} install${count === 1 ? '' : 's'} waiting on a runner` : undefined;
}
