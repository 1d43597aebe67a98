import {expect, it, vi} from 'vitest';
import {demoForFile} from '../helpers/demo-server.js';
import {DOWN, renderExplorer} from '../helpers/render-app.js';
import {firstInstall} from '../helpers/scenario.js';

const installPages: string[] = [];
const demo = demoForFile({
	installCount: 2500,
	intercept: request => {
		if (request.url?.startsWith('/v1/installs?')) installPages.push(request.url);
		return false;
	},
});

it(
	'shows the first screen of a 2,500-install org after one page, and loads more as the cursor nears ' +
		'the end',
	async () => {
		const app = renderExplorer(demo);
		try {
			await app.waitFor('Installs (100+)');
			expect(installPages).toHaveLength(1);
			expect(new URL(installPages[0]!, 'http://x').searchParams.get('limit')).toBe('100');
			await app.press('G');
			await app.waitFor('Installs (200+)');
			expect(installPages.length).toBeGreaterThanOrEqual(2);
			await app.press(DOWN);
			expect(app.frame()).not.toContain('Installs (2500)');
		} finally {
			await app.cleanup();
		}
	},
);

it('a filter also searches the server while only part of the list is loaded', async () => {
	const app = renderExplorer(demo);
	try {
		await app.waitFor('Installs (100+)');
		await app.press('/', ...'gringotts-dev-30');
		await app.waitFor(/› gringotts-dev-30/, 8000);
		// On a busy machine the 300 ms pause can come mid-word: a search for a prefix finds the row first.
		await vi.waitFor(
			() =>
				expect(
					installPages.some(url => new URL(url, 'http://x').searchParams.get('q') === 'gringotts-dev-30'),
				).toBe(true),
			{timeout: 5000},
		);
	} finally {
		await app.cleanup();
	}
});

it('prefetches the components of the install the cursor rests on, so Enter shows them at once', async () => {
	const componentRequests: string[] = [];
	demo.server.prependListener('request', request => {
		if (/\/components(\/summary)?\?/.test(request.url ?? '')) componentRequests.push(request.url!);
	});
	const app = renderExplorer(demo);
	try {
		await app.waitFor('Installs (100+)');
		await vi.waitFor(
			() => expect(componentRequests.some(url => url.includes(firstInstall(demo.scenario).id))).toBe(true),
			{timeout: 3000},
		);
		await app.press('\r');
		expect(app.frame()).not.toContain('Loading components');
		await app.waitFor(`Components of ${firstInstall(demo.scenario).name}`);
	} finally {
		await app.cleanup();
	}
});
