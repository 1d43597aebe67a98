// A demo server that records every write it gets, and the explorer opened on a workflow's steps.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {afterEach} from 'vitest';
import type {Scenario} from '../../source/demo/scenario.js';
import {startDemoServer, type DemoApi, type DemoServer} from '../../source/demo/server.js';
import {seenAt} from '../../source/demo/writes.js';
import type {DemoInstall, ScenarioOptions} from '../../source/demo/world.js';
import {renderExplorer} from './render-app.js';
import type {AppProps} from '../../source/ui/shell/app-props.js';

type Explorer = ReturnType<typeof renderExplorer>;
let demo: DemoServer | undefined;
let app: Explorer | undefined;

afterEach(async () => {
	await app?.cleanup();
	await demo?.close();
	app = demo = undefined;
});

/** A demo server that records every write it gets (`PATCH /v1/…` for a PATCH); `fail` may answer one itself
 * instead. */
export async function writableDemo(
	api: DemoApi,
	fail?: (request: IncomingMessage, response: ServerResponse) => boolean,
	scenario: ScenarioOptions = {},
) {
	const posts: string[] = [];
	/** Each write with its body as sent (`''` for none), in the order they came. */
	const writes: Array<{path: string; body: string}> = [];
	demo = await startDemoServer({
		...scenario,
		api,
		intercept: (request, response) => {
			if (request.method === 'GET') return false;
			const path = request.method === 'POST' ? (request.url ?? '') : `${request.method} ${request.url ?? ''}`;
			posts.push(path);
			const write = {path, body: ''};
			writes.push(write);
			request.on('data', (chunk: Buffer) => {
				write.body += chunk.toString('utf8');
			});
			return fail?.(request, response) ?? false;
		},
	});
	return {demo, posts, writes};
}

/**
 * Moves the scenario just past Nuon's next look at the answer to the plan the install `pick` finds
 * waits on (it looks every 15 s from when the plan was asked: demo/writes.ts `seenAt`).
 */
export function afterNuonLooks(server: DemoServer, pick: (scenario: Scenario) => DemoInstall): void {
	const asked = pick(server.scenario).components.find(ic => ic.rollout?.schedule.approval)?.rollout?.schedule
		.approval?.requestedAt;
	if (asked === undefined) throw new Error('the install has no plan waiting for approval');
	server.scenario.setClock(seenAt(asked, server.scenario.clock()) + 1);
}

/** The rollout's workflow of the install `pick` finds (`installAwaitingApproval`…), opened on its steps at
 * scenario time `clock`. */
export async function openWorkflow(
	server: DemoServer,
	pick: (scenario: Scenario) => DemoInstall,
	clock: number,
	options: Partial<AppProps> = {},
) {
	server.scenario.setClock(clock);
	const install = pick(server.scenario);
	return openWorkflowById(server, install, install.workflowIds[0]!, options);
}

/** One workflow of an install, opened on its steps (named "the rollout" whichever it is). */
export async function openWorkflowById(
	server: DemoServer,
	install: DemoInstall,
	workflowId: string,
	options: Partial<AppProps> = {},
) {
	app = renderExplorer(server, {
		size: {columns: 160, rows: 40},
		...options,
		start: [
			{
				kind: 'workflow',
				installId: install.id,
				installName: install.name,
				workflowId,
				workflowName: 'the rollout',
			},
		],
	});
	await app.waitFor(/Steps of the rollout · /);
	return {app, install, workflowId};
}
