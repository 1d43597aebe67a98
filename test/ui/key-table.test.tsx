// One key table with per-screen bindings: the dispatcher, the hint line and the help agree, and a
// menu takes keys only through the dispatcher.
import {afterEach, describe, expect, it} from 'vitest';
import {demoForFile} from '../helpers/demo-server.js';
import {ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {firstInstall, installsTitle, logStreamOf, rolloutComponent} from '../helpers/scenario.js';

let app: ReturnType<typeof renderExplorer> | undefined;
// Each test starts at the same moment of the scenario, whatever ran before it.
const demo = demoForFile({clock: 400});
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

const helpSection = (frame: string, title: string) => {
	const lines = frame.split('\n');
	const start = lines.findIndex(line => line.includes(title));
	return lines.slice(start + 1, start + 30).join('\n');
};

describe('menus', () => {
	it('a menu under the help takes no key: Enter there selects nothing', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall(demo.scenario).name);
		await app.press('a');
		await app.waitFor('Show installs of');
		await app.press('j', '?');
		await app.waitFor('Keys — press ? or Esc to close');
		await app.press(ENTER, ESC);
		const menu = await app.waitFor('Show installs of');
		expect(menu).not.toMatch(/Installs of /);
		await app.press(ESC);
		await app.waitFor(installsTitle(demo.scenario));
	});

	it('a digit chooses the item with that number, and the help lists the menu keys', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall(demo.scenario).name);
		await app.press('a', '?');
		const help = await app.waitFor('On this screen');
		expect(helpSection(help, 'On this screen')).toMatch(/Enter\s+choose/);
		expect(helpSection(help, 'On this screen')).toMatch(/1…9\s+choose the item with that number/);
		await app.press(ESC, '2');
		await app.waitFor(/Installs of Ledgerly \(\d+\)/);
	});
});

describe('per-screen keys', () => {
	it(
		'on the board h and l move between columns, Enter opens the cell, and the help says so ' + 'first',
		async () => {
			app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true});
			await app.waitFor(/Ledgerly\s+vpc-netw/);
			const hints = app.frame().split('\n').at(-1)!;
			expect(hints).toContain('←→ column');
			expect(hints).not.toContain('esc back'); // the board is the root: Esc has nowhere to go
			await app.press('l', 'l', 'h');
			await app.waitFor(`${firstInstall(demo.scenario).name} › rds-postgres`);
			await app.press('?');
			const help = await app.waitFor('On this screen');
			const here = helpSection(help, 'On this screen');
			expect(here).toMatch(/h ←\s+previous component \(column\)/);
			expect(here).toMatch(/ Esc\s+go back up/); // h and ← belong to the columns here
			expect(here).toMatch(/ s\s+installs that need a person first/);
			// The board in watch mode draws frames of its own: wait for the help to close, or Enter could
			// follow Esc before Ink has let it through (Esc Enter reads as Alt-Enter).
			await app.press(ESC);
			await app.waitFor(frame => !frame.includes('On this screen'));
			await app.press(ENTER);
			await app.waitFor('Latest deploy of rds-postgres');
		},
	);

	it('on a log view the help lists / as its search, and / searches', async () => {
		const ic = rolloutComponent(firstInstall(demo.scenario));
		app = renderExplorer(demo, {
			start: [{kind: 'logs', streamId: logStreamOf(demo.scenario, ic, 'deploy'), title: 'deploy'}],
		});
		await app.waitFor('stream closed');
		await app.press('?');
		expect(helpSection(await app.waitFor('On this screen'), 'On this screen')).toMatch(
			/\/\s+search the loaded lines/,
		);
		await app.press(ESC, '/', 'x', ENTER);
		await app.waitFor(/search "x": \d+ match/);
	});
});

describe('the : line', () => {
	it(':logs runs the screen’s logs command (no key is faked), and says so where there are none', async () => {
		app = renderExplorer(demo);
		await app.waitFor(`› ${firstInstall(demo.scenario).name}`);
		await app.press(':', ...'logs', ENTER);
		await app.waitFor('no logs here: :logs works on a deploy, a job or an action run');
		await app.press(ENTER);
		await app.waitFor(/Components of [^\n]*\(\d+\)/); // loaded: Enter has a row to open
		await app.press(ENTER);
		await app.waitFor(/Runner jobs \(\d+\)/); // the deploy by id, with its log stream
		await app.press(':', ...'logs', ENTER);
		await app.waitFor(/Logs of \S+ deploy/);
	});

	it('Tab completes a command and ↑ brings back the last one, both from the key table', async () => {
		app = renderExplorer(demo);
		await app.waitFor('acme-corp-prod');
		await app.press(':', ...'boa', '\t');
		await app.waitFor(':board ');
		await app.press(ENTER);
		await app.waitFor(/Ledgerly\s+vpc-netw/);
		await app.press(':', '\u001B[A');
		await app.waitFor(':board ');
	});
});
