// The main journey through the UI against both servers the demo plays, the error boundary that
// keeps a level's failure inside its pane, and :org.
import {afterEach, describe, expect, it} from 'vitest';
import type {DemoApi} from '../../source/demo/api-mode.js';
import {SANDBOX_ORG_ID} from '../../source/demo/world.js';
import {demoForTest} from '../helpers/demo-server.js';
import {DOWN, ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {failedInstall, firstInstall, listedInstalls} from '../helpers/scenario.js';
import {stripAnsi} from '../helpers/screen.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';

let app: ReturnType<typeof renderExplorer> | undefined;

afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

/** Presses `key` until the screen satisfies `test`, at most `limit` times. */
async function pressUntil(key: string, test: (frame: string) => boolean, limit = 10): Promise<void> {
	for (let press = 0; press < limit && !test(app!.frame()); press++) await app!.press(key);
	expect(test(app!.frame()), `not reached with ${limit} presses:\n${app!.frame()}`).toBe(true);
}

describe.each(SERVER_VERSIONS)('the journey against the %s server', (mode: DemoApi) => {
	it(
		'installs → components → latest deploy → jobs → executions, the plan, and the logs to ' + 'their end',
		async () => {
			const demo = await demoForTest({api: mode});
			demo.scenario.setClock(400); // the rollout is over
			const install = failedInstall(demo.scenario); // its helm chart failed
			app = renderExplorer(demo, {start: [{kind: 'installs'}], initialSelection: install.id});
			await app.waitFor(`› ${install.name}`);
			await app.press(ENTER);
			const components = await app.waitFor(`Components of ${install.name} (${install.components.length})`);
			await app.waitFor('✗ error');
			expect(components).not.toMatch(/Could not load|not shown/);
			const terraform = install.components.find(ic => ic.component.type === 'terraform_module')!;
			await pressUntil(DOWN, frame => frame.includes(`› ${terraform.component.name} `));
			await app.press(ENTER);
			await app.waitFor(`Latest deploy of ${terraform.component.name}`);
			await app.waitFor(/Runner jobs \(\d\)/);
			await app.press(ENTER);
			await app.waitFor(`Jobs & runs of ${terraform.component.name}`);
			await pressUntil(DOWN, frame => frame.includes('› deploy/create-apply-plan'));
			await app.press('P');
			await app.waitFor('resource_changes: [');
			await app.press(ESC);
			await app.waitFor('› deploy/create-apply-plan');
			await app.press(ENTER);
			await app.waitFor(/Executions of deploy\/create-apply-plan \(1\)[\s\S]*✓ finished\s+success/);
			// Today's public API lists no executions: the job's latest one is shown, and the screen says so.
			expect(
				app
					.frame()
					.includes('not shown: earlier attempts (this server shows only the latest attempt of a job)'),
			).toBe(mode !== '2025-08');
			await app.press('L');
			await app.waitFor('stream closed', 10_000);
			// The stream's last lines: at once today; on the older server once the view has filled from the start.
			await app.waitFor(
				frame => frame.includes('plan saved') && !frame.includes('this server is older'),
				10_000,
			);
			const saidOlder = app.frames.some(frame =>
				frame.includes('this server is older: the view fills from the start'),
			);
			expect(saidOlder).toBe(mode === '2025-08');
		},
	);
});

describe('a level that cannot be shown', () => {
	it('says so in its pane, keeps the app alive, and Esc goes back to a working level', async () => {
		const demo = await demoForTest();
		const booby = {
			get plan(): unknown {
				throw new Error('kaboom from a field');
			},
		};
		app = renderExplorer(demo, {
			start: [
				{kind: 'installs'},
				{kind: 'document', title: 'odd document', source: {type: 'value', value: booby}},
			],
		});
		const frame = await app.waitFor('Could not show odd document');
		expect(frame).toContain('kaboom from a');
		expect(frame).toMatch(/^nuon-tui {2}org demo-org/);
		expect(frame).toMatch(/v shows the data as raw JSON · r tries again/);
		await app.press('v');
		await app.waitFor('v: no data arrived for this screen');
		await app.press(ESC);
		await app.waitFor(`› ${firstInstall(demo.scenario).name}`);
	});
});

describe(':org', () => {
	it('shows nothing of the old org after a switch, not even for a moment', async () => {
		const demo = await demoForTest();
		const sandbox = demo.scenario.installsOf(SANDBOX_ORG_ID);
		const oldOnly = listedInstalls(demo.scenario).filter(
			install => !sandbox.some(other => other.name.includes(install.name)),
		);
		app = renderExplorer(demo);
		await app.waitFor(`› ${firstInstall(demo.scenario).name}`);
		for (const key of ':org ledgerly-sandbox') await app.press(key);
		await app.press(ENTER);
		await app.waitFor(`Installs (${sandbox.length})`);
		await app.waitFor(`› ${sandbox[0]!.name}`);
		const frames = app.frames.map(stripAnsi);
		const switched = frames.findIndex(frame => frame.startsWith('nuon-tui  org ledgerly-sandbox'));
		expect(switched).toBeGreaterThan(0);
		for (const frame of frames.slice(switched)) {
			const leaked = oldOnly.filter(install => frame.includes(install.name)).map(install => install.name);
			expect(leaked, `the old org's installs on screen after the switch:\n${frame}`).toEqual([]);
		}
	});
});
