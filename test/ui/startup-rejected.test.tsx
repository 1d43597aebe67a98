// A token or org the server rejects from the very first request (401: the token; 403: the org, as
// today's org middleware answers an org that is not found or not the account's): the explorer says
// so and stops asking, as it does when that happens in the middle of a session; `r` asks once more.
import type {IncomingMessage} from 'node:http';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Location} from '../../source/state/navigation.js';
import {demoForFile} from '../helpers/demo-server.js';
import {renderExplorer} from '../helpers/render-app.js';

const REFRESH_MS = 100;
let status = 401;
const requests: IncomingMessage[] = [];
const demo = demoForFile({
	intercept: (request, response) => {
		requests.push(request);
		const description =
			status === 401
				? 'Please make sure the token is valid, and not expired.'
				: 'please make sure org ID is set properly';
		response
			.writeHead(status, {'content-type': 'application/json'})
			.end(JSON.stringify({error: 'rejected', user_error: true, description}));
		return true;
	},
});
let app: ReturnType<typeof renderExplorer> | undefined;
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
	requests.length = 0;
});

/** Waits until no request has come for `intervals` refresh intervals; returns how many came. */
async function settledCount(intervals = 5): Promise<number> {
	let last = -1;
	await vi.waitFor(
		() => {
			if (requests.length === last) return;
			last = requests.length;
			throw new Error('requests still arriving');
		},
		{interval: intervals * REFRESH_MS, timeout: 20 * intervals * REFRESH_MS},
	);
	return requests.length;
}

const STARTS: Array<{name: string; start: Location[]; watch: boolean}> = [
	{name: 'the installs', start: [{kind: 'installs'}], watch: false},
	{name: 'the board in watch mode', start: [{kind: 'board'}], watch: true},
];

describe.each([401, 403])('a %i from the first request on', rejected => {
	it.each(STARTS)('on $name: says why and asks no more', async ({start, watch}) => {
		status = rejected;
		app = renderExplorer(demo, {
			start,
			watch,
			refreshMs: REFRESH_MS,
			poll: {fastMs: 100, slowMs: 100},
		});
		await app.waitFor(rejected === 401 ? /HTTP 401 token invalid or expired/ : /HTTP 403 forbidden/);
		expect(app.frame()).not.toMatch(/retrying/i); // asking again would not mend it, and it does not
		const seen = await settledCount();
		expect(seen).toBeGreaterThan(0);
		// Ten refresh intervals more, in which a poll would have asked ten times.
		await new Promise(resolve => setTimeout(resolve, 10 * REFRESH_MS));
		expect(requests).toHaveLength(seen);
		if (rejected === 403) {
			app.stdin.write('r'); // asks again, once
			await vi.waitFor(() => expect(requests.length).toBeGreaterThan(seen));
			const again = await settledCount();
			await new Promise(resolve => setTimeout(resolve, 10 * REFRESH_MS));
			expect(requests).toHaveLength(again);
		}
	});
});
