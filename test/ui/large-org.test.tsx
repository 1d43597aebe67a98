import {afterAll, beforeAll, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {DOWN, renderExplorer} from '../helpers/render-app.js';

let demo: DemoServer;
const installPages: string[] = [];

beforeAll(async () => {
	demo = await startDemoServer({
		installCount: 2500,
		intercept: request => {
			if (request.url?.startsWith('/v1/installs?')) installPages.push(request.url);
			return false;
		},
	});
});
afterAll(() => demo.close());

it('shows the first screen of a 2,500-install org after one page, and loads more as the cursor nears the end', async () => {
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
});
