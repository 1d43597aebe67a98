// When the action runs and their runner jobs run, as windows of scenario time: below the objects
// built from them (runs.ts, jobs.ts, log-records.ts), which all find runs here.
import {actionRun, CRON_DURATION, CRON_PERIOD, type RunWindow} from './action-runs.js';
import type {JobWindow} from './activity.js';
import {deployEntry, type DemoInstall, type World} from './world.js';

export function deployRun(world: World, deployId: string): RunWindow | undefined {
	const entry = deployEntry(world, deployId);
	if (entry?.ic.component.type !== 'helm_chart' || entry.schedule.fails) return undefined;
	return actionRun(`awr${deployId.slice(3)}`, 'post-deploy-component', entry.schedule.doneAt, 24);
}

export function cronRun(world: World, install: DemoInstall, n: number): RunWindow {
	const offset = cronOffset(world, install);
	const id = `awc${install.id.slice(3, 19)}${String(n + 100_000).padStart(7, '0')}`;
	return actionRun(
		id,
		'cron',
		offset + n * CRON_PERIOD,
		CRON_DURATION,
		world.installs.indexOf(install) % 9 === 4,
	);
}

export function cronOffset(world: World, install: DemoInstall): number {
	return -((world.installs.indexOf(install) * 7) % CRON_PERIOD);
}

export function latestCronRun(world: World, install: DemoInstall, t: number): RunWindow {
	return cronRun(world, install, Math.floor((t - cronOffset(world, install)) / CRON_PERIOD));
}

export function findRun(
	world: World,
	runId: string,
): {window: RunWindow; install: DemoInstall; deployId?: string} | undefined {
	if (runId.startsWith('awr')) {
		const deployId = world.deployByBase.get(runId.slice(3, 24));
		const window = deployId ? deployRun(world, deployId) : undefined;
		return window && window.id === runId
			? {window, install: world.deploys.get(deployId!)!.install, deployId}
			: undefined;
	}
	if (runId.startsWith('awc')) {
		const install = world.installByBase.get(runId.slice(3, 19));
		const n = Number(runId.slice(19)) - 100_000;
		return install && Number.isInteger(n) ? {window: cronRun(world, install, n), install} : undefined;
	}
	return undefined;
}

/** The runner job that executes an action run. */
export function runJob(run: RunWindow): JobWindow {
	return {
		id: run.jobId,
		group: 'actions',
		type: 'actions-workflow',
		operation: 'exec',
		from: run.from,
		to: run.to,
		fails: run.fails,
		logStreamId: run.logStreamId,
		executions: [
			{
				id: `rje${run.jobId.slice(3)}1`,
				attempt: 1,
				from: run.from,
				to: run.to,
				fails: run.fails,
				errorCode: run.fails ? 2 : undefined,
				errorReason: run.fails ? 'a step failed' : undefined,
			},
		],
	};
}
