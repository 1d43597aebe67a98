import {afterEach, describe, expect, it} from 'vitest';
import {demoForFile} from '../helpers/demo-server.js';
import {renderExplorer} from '../helpers/render-app.js';
import {firstInstall} from '../helpers/scenario.js';

let app: ReturnType<typeof renderExplorer> | undefined;
const demo = demoForFile({clock: 5});
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

describe('progress by release on the board', () => {
	it('shows each install’s progress by release; V groups the installs by release', async () => {
		demo.scenario.setClock(5);
		const name = firstInstall(demo.scenario).name;
		app = renderExplorer(demo, {start: [{kind: 'board'}]});
		const frame = await app.waitFor(new RegExp(`${name}\\s+\\d+/\\d+\\s`));
		expect(frame).toMatch(new RegExp(`${name} › \\S+: .* · \\d+/\\d+ → rel`));
		// Before the rollout reaches them, installs are on the previous release: two groups of one app.
		await app.press('V');
		const grouped = await app.waitFor(/Ledgerly · on rel\S+[\s\S]*Ledgerly · on rel/);
		expect(grouped).toContain('installs by the release they are on');
		await app.press('V');
		await app.waitFor(/installs by app/);
	});

	it('a message belongs to its screen: V’s on the board is not on the queue Q opens over it', async () => {
		demo.scenario.setClock(5);
		app = renderExplorer(demo, {start: [{kind: 'board'}]});
		await app.waitFor(/\d+\/\d+/);
		await app.press('V');
		await app.waitFor('installs by the release they are on');
		await app.press('Q');
		const queue = await app.waitFor(/Approvals/);
		expect(queue).not.toContain('installs by the release they are on');
		await app.press('\u001B');
		const board = await app.waitFor(/Ledgerly · on rel/);
		expect(board).not.toContain('installs by the release they are on'); // gone, not back with its level
	});
});
