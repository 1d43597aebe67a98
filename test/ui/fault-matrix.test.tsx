// Every fault × {first load, a refresh with data on screen} × {list, detail, log view}: no crash,
// the last good data stays, a short message names the failure, and it recovers by itself.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {faultInjector, type Faults} from '../../source/demo/faults.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import type {Location} from '../../source/state/navigation.js';
import {renderExplorer} from '../helpers/render-app.js';

const FAULTS: Array<{name: string; faults: Faults; says: RegExp; http: boolean}> = [
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
	{name: '429', faults: {every429: 1, retryAfter: 1}, says: /HTTP 429 rate limited/, http: true},
	{name: 'connection reset', faults: {resetEvery: 1}, says: /Cannot reach the API/, http: false},
	{name: 'no answer', faults: {hangEvery: 1}, says: /No answer from the API within 0\.4s/, http: false},
	{name: 'truncated JSON', faults: {badJsonEvery: 1}, says: /Unreadable response from the API/, http: false},
];

let demo: DemoServer;
let injector: ReturnType<typeof faultInjector> | undefined;
let app: ReturnType<typeof renderExplorer> | undefined;

beforeAll(async () => {
	demo = await startDemoServer({
		intercept: (request, response, proceed) => injector?.(request, response, proceed) ?? false,
	});
});
afterAll(() => demo.close());
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
	const install = demo.scenario.installs[8]!;
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
	{name: 'list', start: () => [{kind: 'installs'}], data: () => 'acme-corp-prod'},
	{
		name: 'detail',
		start: () => {
			const install = demo.scenario.installs[0]!;
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
		// An install's health probe runs from scenario second 0 to 40: its stream is open.
		start: () => [
			{
				kind: 'logs',
				streamId: `lgc${demo.scenario.installs[0]!.id.slice(3, 19)}0100000`,
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
			app = renderExplorer(demo, {start: level.start(), refreshMs: 400, timeoutMs: 400});
			const failed = await app.waitFor(fault.says, 8000);
			if (fault.http) expect(failed).toMatch(/trace [0-9a-f]{16}/);
			injector = undefined;
			await app.waitFor(level.data(), 15_000);
		});

		it(
			'on a refresh with data on screen: keeps the data, marks it stale, and recovers by ' + 'itself',
			async () => {
				demo.scenario.setClock(level.clock ?? 5);
				app = renderExplorer(demo, {start: level.start(), refreshMs: 400, timeoutMs: 400});
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
		app = renderExplorer(demo, {start: level.start(), refreshMs: 300, timeoutMs: 400});
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
		const seen = requests;
		// Nothing to wait for but time: five refresh intervals in which nothing is asked.
		await new Promise(resolve => setTimeout(resolve, 5 * 300));
		expect(requests).toBe(seen);
	});
});
