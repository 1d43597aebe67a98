// Quitting waits for nothing: close() abandons every request in flight against a server that never
// answers, refuses any later one, and keeps the writes that were on their way, to be named.
import type {IncomingMessage} from 'node:http';
import {describe, expect, it, vi} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import * as api from '../../source/api/resources.js';
import {abandonedWriteText} from '../../source/domain/abandoned-write.js';
import {demoForFile} from '../helpers/demo-server.js';

const arrived: IncomingMessage[] = [];
/** A server that takes every request and answers none. */
const demo = demoForFile({
	intercept: request => {
		arrived.push(request);
		return true;
	},
});

/** Long enough that no test here could end by a timeout: only close() ends its requests. */
const TIMEOUT_MS = 60_000;
const hungClient = () =>
	new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId, timeoutMs: TIMEOUT_MS});

describe('close()', () => {
	it('abandons a read and a write in flight at once, and names the write', async () => {
		arrived.length = 0;
		const client = hungClient();
		const read = client.get('/v1/installs');
		const write = api.respondToApproval(client, 'wfl1', 'stp1', 'apr1', 'approve', '');
		const settled = Promise.allSettled([read, write]);
		await vi.waitFor(() => expect(arrived).toHaveLength(2), {timeout: 10_000});
		const started = performance.now();
		await client.close();
		const [readOutcome, writeOutcome] = await settled;
		expect(readOutcome).toMatchObject({status: 'rejected', reason: {message: 'Request cancelled'}});
		expect(writeOutcome).toMatchObject({status: 'rejected', reason: {message: 'Request cancelled'}});
		expect(performance.now() - started).toBeLessThan(TIMEOUT_MS / 10);
		expect(client.abandonedWrites.map(abandonedWriteText)).toEqual([
			'nuon-tui quit while approving the plan (workflow wfl1, step stp1) was on its way: the approval may ' +
				'or may not have been taken: check with nuon-tui (w on the install lists its workflows) or the ' +
				'Nuon dashboard',
		]);
	});

	it('sends nothing after it, read or write', async () => {
		const client = hungClient();
		await client.close();
		arrived.length = 0;
		await expect(client.get('/v1/apps')).rejects.toThrow(/quitting/);
		await expect(api.cancelWorkflow(client, 'wfl1')).rejects.toThrow(/quitting/);
		expect(arrived).toEqual([]);
		expect(client.abandonedWrites).toEqual([]);
	});

	it('ends a read waiting out its backoff, without another attempt', async () => {
		arrived.length = 0;
		const attempts: string[] = [];
		const client = new NuonClient({
			baseUrl: demo.url,
			token: 't',
			orgId: demo.scenario.orgId,
			timeoutMs: 100,
			backoffMs: TIMEOUT_MS,
			onAttempt: ({error}) => attempts.push(error ?? ''),
		});
		const read = client.get('/v1/installs').catch((error: unknown) => error);
		// The first attempt timed out: the client now waits out its backoff before the next.
		await vi.waitFor(() => expect(attempts).toEqual([expect.stringMatching(/No answer/)]), {timeout: 10_000});
		await client.close();
		expect(await read).toBeInstanceOf(Error);
		expect(arrived).toHaveLength(1);
	});
});

describe('abandonedWriteText', () => {
	it.each([
		[
			'POST',
			'/v1/workflows/w/steps/s/approvals/a/response',
			{response_type: 'deny'},
			/answering the plan \(deny\)/,
		],
		[
			'PATCH',
			'/v1/workflows/w',
			{approval_option: 'approve-all'},
			/\(approve all\) \(workflow w\).*approve all may/,
		],
		['POST', '/v1/workflows/w/cancel', {}, /cancelling the workflow \(workflow w\).*the cancel may/],
		['POST', '/v1/workflows/w/steps/s/retry', {operation: 'retry-step'}, /retrying the step.*the retry may/],
		['POST', '/v1/workflows/w/steps/s/skip', {}, /skipping the step \(workflow w, step s\)/],
		[
			'POST',
			'/v1/workflows/w/retry',
			{step_id: 's', operation: 'skip-step'},
			/skipping the step \(workflow w\)/,
		],
	])('%s %s says which write it was', (method, path, body, says) => {
		expect(abandonedWriteText({method, path, body})).toMatch(says);
	});
});
