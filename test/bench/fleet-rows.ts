// Bench rows of the fleet view: what the approvals queue and the runner health cost in requests
// while the demo's 36-install rollout runs. Neither may ask anything per install per poll, except
// for an install with something in progress that needs it (a waiting approval's workflow).
import {Scenario} from '../../source/demo/scenario.js';
import type {PtySession} from '../helpers/pty.js';

/** One row of the bench's table. */
export interface Row {
	figure: string;
	value: string;
	target: string;
	pass: boolean | undefined;
	/**
	 * Counts (bytes, requests) do not depend on the machine's speed: a MISS there is a regression
	 * and fails the run. Timings and memory are reported, not gated (shared CI runners vary).
	 */
	gate?: true;
}

type RequestPaths = (
	at: number,
	args: string[],
	ready: (session: PtySession) => Promise<void>,
	windowMs: number,
) => Promise<string[]>;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const perMinute = (paths: string[], windowMs: number, which: (path: string) => boolean = () => true) =>
	(paths.filter(which).length / windowMs) * 60_000;

const INSTALLS_LIST = (path: string) => path === '/v1/installs';
/** A request about one install (its components, workflows, runner…), not the org's list. */
const PER_INSTALL = (path: string) => /^\/v1\/installs\/[^/]+/.test(path);
const RUNNERS = (path: string) => path.startsWith('/v1/runners') || path.startsWith('/v1/runner-jobs');
const WORKFLOWS = (path: string) => /^\/v1\/workflows\/[^/]+$/.test(path) || path.endsWith('/steps');

/** The approvals waiting at scenario second `at` (the demo's schedule). */
function waitingAt(at: number): number {
	const scenario = new Scenario({startedAt: 0});
	return scenario.installs
		.flatMap(install => install.components)
		.map(ic => ic.rollout?.schedule.approval)
		.filter(approval => approval && approval.requestedAt <= at && at < approval.answeredAt).length;
}

export async function fleetRows(quick: boolean, requestPaths: RequestPaths): Promise<Row[]> {
	const windowMs = quick ? 10_000 : 30_000;
	const at = 95; // the last wave: four plans wait together beside one older, deploys still moving
	const waiting = waitingAt(at);
	const queue = await requestPaths(
		at,
		[],
		async session => {
			await session.waitFor(/Installs \(\d+\)/, 20_000);
			session.write('Q');
			await session.waitFor(/Approvals · \d+ waiting/, 20_000);
			await sleep(3000); // the plans are read once
		},
		windowMs,
	);
	const health = await requestPaths(
		20, // wonka-prod's runner is offline, its deploys queued behind it
		[],
		async session => {
			await session.waitFor(/Installs \(\d+\)/, 20_000);
			await sleep(3000);
		},
		windowMs,
	);
	const queueTotal = perMinute(queue, windowMs);
	// A 10 s window holds two or three 5 s polls: the gate is per poll (each poll reads the list once).
	const polls = Math.max(1, queue.filter(INSTALLS_LIST).length);
	const perPoll = queue.length / polls;
	const queuePerInstall = perMinute(queue, windowMs, PER_INSTALL);
	const healthRunner = perMinute(health, windowMs, RUNNERS);
	const healthPerInstall = perMinute(health, windowMs, PER_INSTALL);
	return [
		{
			figure: `approvals queue: requests/min, rollout in progress (${waiting} waiting)`,
			value: `${queueTotal.toFixed(0)}/min, ${perPoll.toFixed(1)} a poll (list ${polls}, workflows ${
				queue.filter(WORKFLOWS).length
			})`,
			target: `≤ ${1 + waiting} a poll (the list + 1 per waiting approval's workflow)`,
			pass: perPoll <= 1 + waiting,
			gate: true,
		},
		{
			figure: 'approvals queue: requests/min about one install',
			value: queuePerInstall.toFixed(0),
			target: '0',
			pass: queuePerInstall === 0,
			gate: true,
		},
		{
			figure: 'runner health (installs list, a runner offline): runner requests/min',
			value:
				`${healthRunner.toFixed(0)} (per install: ${healthPerInstall.toFixed(0)}, ` +
				`all: ${perMinute(health, windowMs).toFixed(0)})`,
			target: '0 runner requests (the list says each runner’s status)',
			pass: healthRunner === 0,
			gate: true,
		},
	];
}
