// A long list read page by page as the cursor goes down it: each page is asked once, not again with
// every page after it (SWR's setSize revalidates every loaded page: 25 pages cost 325 requests).
import {afterEach, expect, it} from 'vitest';
import {demoForTest} from '../helpers/demo-server.js';
import {renderExplorer} from '../helpers/render-app.js';

let app: ReturnType<typeof renderExplorer> | undefined;
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

it('going down a 520-install list asks each page of it once; r reads each again once', async () => {
	const asked: string[] = [];
	const demo = await demoForTest({
		installCount: 520,
		intercept: request => {
			if (/^\/v1\/installs\?/.test(request.url ?? '')) asked.push(request.url!);
			return false;
		},
	});
	demo.scenario.setClock(600);
	app = renderExplorer(demo);
	await app.waitFor('Installs (100+)');
	for (const count of ['200+', '300+', '400+', '500+', '520']) {
		await app.press('G'); // the end of what is loaded: the next page comes
		await app.waitFor(`Installs (${count})`);
	}
	const offsets = asked.map(url => new URL(url, 'http://demo').searchParams.get('offset'));
	expect(offsets).toEqual(['0', '100', '200', '300', '400', '500']);

	// A refresh reads every loaded page again, once each.
	asked.length = 0;
	await app.press('r');
	await app.waitFor(() => asked.length >= 6);
	await app.waitFor('Installs (520)');
	expect(asked.map(url => new URL(url, 'http://demo').searchParams.get('offset'))).toEqual(offsets);
}, 60_000);
