// Every fault × {first load, a refresh with data on screen} × {list, detail, log view}: no crash,
// the last good data stays, a short message names the failure, and it recovers by itself.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {faultInjector, type Faults} from '../../source/demo/faults.js';
import type {Location} from '../../source/state/navigation.js';
import {demoForFile} from '../helpers/demo-server.js';
import {renderExplorer} from '../helpers/render-app.js';
import {firstInstall, healthProbeStream, installAwaitingApproval} from '../helpers/scenario.js';

/** The refresh interval, and so the retries' backoff (half to all of it at first): short, since every
 * case waits for a retry at least once. */
const REFRESH_MS = 150;
/** How long the client waits for an answer when the fault is that none comes; every other fault
 * answers at once, so the others keep the usual test timeout, which a busy machine does not reach. */
const HANG_TIMEOUT_MS = 200;

const FAULTS: Array<{name: string; faults: Faults; says: RegExp; http: boolean; timeoutMs?: number}> = [
	{
		name: '500',
		faults: {errorRate: 1},
		says: /HTTP 500 server error: the control plane had a problem/,
		http: true,
	},
	{
		name: 'HTML 502 from a proxy',
		faults: {errorRate: 1, html502: true},
		says: /HTTP 502 bad gateway: an HTML page from a proxy/,
		http: true,
	},
	{name: '429', faults: {every429: 1, retryAfter: 0.2}, says: /HTTP 429 rate limited/, http: true},
	{name: 'connection reset', faults: {resetEvery: 1}, says: /Cannot reach the API/, http: false},
	{
		name: 'no answer',
		faults: {hangEvery: 1},
		says: new RegExp(`No answer from the API within ${HANG_TIMEOUT_MS / 1000}s`),
		http: false,
		timeoutMs: HANG_TIMEOUT_MS,
	},
	{name: 'truncated JSON', faults: {badJsonEvery: 1}, says: /Unreadable response from the API/, http: false},
];

// The log view polls its stream every 2 s and backs off from that after a failure; here it keeps the
// screens' faster pace, so a log view waits no longer for its retry than a list does.
vi.mock('../../source/state/log-tail.js', async importOriginal => {
	const actual = await importOriginal<typeof import('../../source/state/log-tail.js')>();
	class FasterTail extends actual.LogTail {
		constructor(...[client, streamId, options]: ConstructorParameters<typeof actual.LogTail>) {
			super(client, streamId, {...options, pollMs: REFRESH_MS});
		}
	}
	return {...actual, LogTail: FasterTail};
});

let injector: ReturnType<typeof faultInjector> | undefined;
let app: ReturnType<typeof renderExplorer> | undefined;

const demo = demoForFile({
	intercept: (request, response, proceed) => injector?.(request, response, proceed) ?? false,
});
afterEach(async () => {
	injector = undefined;
	await app?.cleanup();
	app = undefined;
});

interface Level {
	name: string;
	start: () => Location[];
	/** Text that proves the level's data is on screen. */
	data: () => string | RegExp;
	/** The scenario second it is tried at (5 unless it needs another). */
	clock?: number;
}

/** The plan the demo's Terraform approval asks about, over its workflow's steps (it waits from about second
 * 7). */
function approvalStack(): Location[] {
	const install = installAwaitingApproval(demo.scenario);
	const workflowId = install.workflowIds[0]!;
	const step = demo.scenario.workflowSteps(workflowId, 20)!.find(found => found.approval)!;
	return [
		{
			kind: 'workflow',
			installId: install.id,
			installName: install.name,
			workflowId,
			workflowName: 'the rollout',
		},
		{
			kind: 'approval',
			installId: install.id,
			installName: install.name,
			workflowId,
			workflowName: 'the rollout',
			stepId: step.id!,
			stepName: step.name!,
			approvalId: step.approval!.id!,
		},
	];
}

const LEVELS: Level[] = [
	{name: 'list', start: () => [{kind: 'installs'}], data: () => firstInstall(demo.scenario).name},
	{
		name: 'detail',
		start: () => {
			const install = firstInstall(demo.scenario);
			const component = install.components[0]!.component;
			return [
				{
					kind: 'deploy',
					installId: install.id,
					installName: install.name,
					componentId: component.id,
					componentName: component.name,
				},
			];
		},
		data: () => 'OCI artifact',
	},
	{
		name: 'log view',
		// The health probe running at scenario second 5: its stream is open.
		start: () => [
			{
				kind: 'logs',
				streamId: healthProbeStream(demo.scenario, firstInstall(demo.scenario), 5),
				title: 'health-probe',
			},
		],
		data: () => /collect metrics/,
	},
	{name: 'plan to approve', start: approvalStack, data: () => 'aws_eip.nat_a', clock: 20},
];

const inject = (faults: Faults) => {
	injector = faultInjector(faults);
};

describe.each(LEVELS)('the $name level', level => {
	describe.each(FAULTS)('with $name', fault => {
		it('on first load: says what failed, then loads by itself once the fault clears', async () => {
			demo.scenario.setClock(level.clock ?? 5);
			inject(fault.faults);
			app = renderExplorer(demo, {
				start: level.start(),
				refreshMs: REFRESH_MS,
				timeoutMs: fault.timeoutMs,
			});
			const failed = await app.waitFor(fault.says, 8000);
			if (fault.http) expect(failed).toMatch(/trace [0-9a-f]{16}/);
			injector = undefined;
			await app.waitFor(level.data(), 15_000);
		});

		it(
			'on a refresh with data on screen: keeps the data, marks it stale, and recovers by ' + 'itself',
			async () => {
				demo.scenario.setClock(level.clock ?? 5);
				app = renderExplorer(demo, {
					start: level.start(),
					refreshMs: REFRESH_MS,
					timeoutMs: fault.timeoutMs,
				});
				await app.waitFor(level.data(), 8000);
				await app.waitFor(/updated \d\d:\d\d:\d\d/);
				inject(fault.faults);
				app.stdin.write('r');
				const stale = await app.waitFor('STALE', 8000);
				expect(stale).toMatch(level.data());
				await app.waitFor(fault.says, 8000);
				injector = undefined;
				await app.waitFor(frame => !frame.includes('STALE') && /updated \d\d:\d\d:\d\d/.test(frame), 15_000);
				expect(app.frame()).toMatch(level.data());
			},
		);
	});
});

describe('an expired token', () => {
	it.each(LEVELS)('on the $name level: says how to get a new one and stops asking', async level => {
		demo.scenario.setClock(level.clock ?? 5);
		let requests = 0;
		app = renderExplorer(demo, {start: level.start(), refreshMs: REFRESH_MS});
		await app.waitFor(level.data(), 8000);
		injector = Object.assign(
			(
				request: Parameters<ReturnType<typeof faultInjector>>[0],
				response: Parameters<ReturnType<typeof faultInjector>>[1],
				proceed: () => void,
			) => {
				requests++;
				return faultInjector({expireTokenAfter: 0})(request, response, proceed);
			},
			{enabled: true},
		);
		app.stdin.write('r');
		const frame = await app.waitFor(
			/HTTP 401 token invalid or expired.* — run `nuon auth login`, then restart/,
			8000,
		);
		expect(frame).toMatch(level.data());
		// Requests already on their way when the first 401 came back (the level's others) may still land on
		// a busy machine: the count must settle within two refresh intervals, which a poll would not let it.
		let landed = -1;
		await vi.waitFor(
			() => {
				if (requests === landed) return;
				landed = requests;
				throw new Error('requests still arriving');
			},
			{interval: 2 * REFRESH_MS, timeout: 5000},
		);
		const seen = requests;
		// Nothing to wait for but time: five refresh intervals in which nothing is asked.
		await new Promise(resolve => setTimeout(resolve, 5 * REFRESH_MS));
		expect(requests).toBe(seen);
	});
});
