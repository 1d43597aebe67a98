// What the generic list does with keys and while loading: drill keys that a screen lacks say so,
// sorting keeps the selected row, and a title shows no count before the list has arrived.
import {afterEach, expect, it} from 'vitest';
import {demoForTest} from '../helpers/demo-server.js';
import {DOWN, renderExplorer} from '../helpers/render-app.js';
import {
	firstInstall,
	installsTitle,
	logStreamOf,
	rolloutComponent,
	secondInstall,
} from '../helpers/scenario.js';

let app: ReturnType<typeof renderExplorer> | undefined;
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

it('says so when a drill key does nothing on this screen, and which ones do', async () => {
	const demo = await demoForTest();
	app = renderExplorer(demo);
	await app.waitFor(`› ${firstInstall(demo.scenario).name}`);
	await app.press('L');
	await app.waitFor('L logs: not on this screen (here: ⏎ open, A actions, U runner, w workflows)');
	await app.press('P');
	await app.waitFor('P plan: not on this screen');
});

it('keeps the selected install selected when s sorts the list', async () => {
	const demo = await demoForTest();
	app = renderExplorer(demo);
	const second = secondInstall(demo.scenario).name;
	await app.waitFor(`› ${firstInstall(demo.scenario).name}`);
	await app.press(DOWN);
	await app.waitFor(`› ${second}`);
	await app.press('s');
	await app.waitFor('NAME↓');
	expect(app.frame()).toContain(`› ${second}`);
	await app.press('s');
	await app.waitFor('STATUS↓');
	expect(app.frame()).toContain(`› ${second}`);
});

it('shows no count in a title until the list has arrived', async () => {
	const demo = await demoForTest({
		intercept: (_request, _response, proceed) => {
			setTimeout(proceed, 300);
			return true;
		},
	});
	app = renderExplorer(demo);
	await app.waitFor('Loading installs…');
	expect(app.frame()).toMatch(/▸ Installs ━/);
	await app.waitFor(installsTitle(demo.scenario));
	expect(app.frames.some(frame => frame.includes('Installs (0)'))).toBe(false);
});

it(
	'pages with Ctrl-d and Ctrl-u, and + outside watch mode says how to turn it on instead of changing ' +
		'nothing',
	async () => {
		const demo = await demoForTest();
		app = renderExplorer(demo);
		await app.waitFor(`› ${firstInstall(demo.scenario).name}`);
		await app.press('\u0004'); // Ctrl-d
		await app.waitFor(
			frame => !frame.includes(`› ${firstInstall(demo.scenario).name} `) && /› \S/.test(frame),
		);
		await app.press('\u0015'); // Ctrl-u
		await app.waitFor(`› ${firstInstall(demo.scenario).name}`);
		await app.press('+');
		await app.waitFor('+: sets how often watch mode polls; W turns watch mode on');
		await app.press('W', '+');
		await app.waitFor('watch: every 1 s while anything is in progress');
	},
);

it('shows the app’s messages on the logs screen too', async () => {
	const demo = await demoForTest();
	demo.scenario.setClock(400);
	const ic = rolloutComponent(firstInstall(demo.scenario));
	app = renderExplorer(demo, {
		start: [{kind: 'logs', streamId: logStreamOf(demo.scenario, ic, 'deploy'), title: 'a deploy'}],
	});
	await app.waitFor('stream closed');
	for (const key of ':foobar') await app.press(key);
	await app.press('\r');
	await app.waitFor('unknown command :foobar');
});
