import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {initialNavigation} from '../../source/state/navigation.js';
import {ENTER, ESC, renderExplorer} from '../helpers/render-app.js';

let demo: DemoServer;
let app: ReturnType<typeof renderExplorer> | undefined;

beforeAll(async () => {
	demo = await startDemoServer();
});
afterAll(() => demo.close());
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

describe('the rollout board', () => {
	it('groups installs by app under their components, counts statuses, and marks and lists changes', async () => {
		demo.scenario.setClock(5);
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true});
		const frame = await app.waitFor(/Ledgerly\s+vpc-netwo… rds-postg… api-image/);
		expect(frame).toMatch(/\d+ executing/);
		expect(frame).toMatch(/\d+ active/);
		expect(frame).toContain('WATCH 2s/15s');
		expect(frame).toContain('Status changes appear here as they happen.');
		demo.scenario.setClock(200); // the rollout moves on
		await app.press('r');
		const changed = await app.waitFor(/Activity \([1-9]\d*\)/);
		expect(changed).toMatch(/\d\d:\d\d:\d\d \S+ › \S+ \S+ → \S+/);
		expect(changed).toContain('*✓ active');
		expect(changed).toMatch(/1 error/);
	});

	it('opens the latest deploy of the selected cell, and Esc comes back', async () => {
		demo.scenario.setClock(200);
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true});
		await app.waitFor(/Ledgerly\s+vpc-netwo…/);
		await app.press('l', 'l');
		await app.waitFor('acme-corp-prod › api-image: active');
		await app.press(ENTER);
		await app.waitFor('Latest deploy of api-image');
		await app.press(ESC);
		await app.waitFor('acme-corp-prod › api-image: active');
	});

	it('pauses and resumes refreshing with p, and W turns watch mode off', async () => {
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true});
		await app.waitFor(/› acme-corp-prod/);
		await app.press('p');
		await app.waitFor('PAUSED');
		await app.press('p');
		await app.waitFor(frame => !frame.includes('PAUSED'));
		await app.press('+');
		await app.waitFor('WATCH 1s/15s');
		await app.press('W');
		await app.waitFor(frame => !frame.includes('WATCH'));
	});
});

describe('start flags', () => {
	it('open at a component with the levels above on the stack, each selecting the way back', async () => {
		demo.scenario.setClock(200);
		const install = demo.scenario.installs[4]!;
		const component = install.components[1]!.component;
		const start = [
			{kind: 'installs' as const},
			{kind: 'components' as const, installId: install.id, installName: install.name},
			{kind: 'deploy' as const, installId: install.id, installName: install.name, componentId: component.id, componentName: component.name},
		];
		expect(initialNavigation(start).stack.map(e => e.selectedId)).toEqual([install.id, component.id, undefined]);
		app = renderExplorer(demo, {start});
		await app.waitFor(`Latest deploy of ${component.name}`);
		await app.press(ESC);
		await app.waitFor(new RegExp(`› ${component.name}`));
		await app.press(ESC);
		await app.waitFor(new RegExp(`› ${install.name}`));
	});
});
