import type {ServerResponse} from 'node:http';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {demoForFile} from '../helpers/demo-server.js';
import {DOWN, ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import * as the from '../helpers/scenario.js';

let failWith: ((response: ServerResponse) => void) | undefined;
let app: ReturnType<typeof renderExplorer> | undefined;

// Each test starts at the same moment of the scenario, whatever ran before it.
const demo = demoForFile({
	clock: 30,
	intercept: (_request, response) => {
		if (!failWith) return false;
		failWith(response);
		return true;
	},
});
afterEach(async () => {
	failWith = undefined;
	await app?.cleanup();
	app = undefined;
});

const firstInstall = () => the.firstInstall(demo.scenario);
const installsTitle = () => the.installsTitle(demo.scenario);

describe('the explorer', () => {
	it('walks installs → components → latest deploy and back, keeping the selection', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall().name);
		expect(app.frame()).toContain(installsTitle());
		expect(app.frame()).toContain('DEMO');
		await app.press(DOWN);
		const second = the.secondInstall(demo.scenario);
		await app.waitFor(new RegExp(`› ${second.name}`));
		await app.press(ENTER);
		await app.waitFor(`Components of ${second.name}`);
		expect(app.frame()).toContain(`installs › ${second.name}`);
		const component = second.components[0]!.component.name;
		await app.waitFor(new RegExp(`› ${component}`));
		await app.press(ENTER);
		await app.waitFor(/Runner jobs \(\d+\)/);
		expect(app.frame()).toContain(`Latest deploy of ${component}`);
		expect(app.frame()).toContain(`installs › ${second.name} › ${component} › latest deploy`);
		expect(app.frame()).toContain('OCI artifact');
		await app.press(ESC);
		await app.waitFor(`Components of ${second.name}`);
		await app.press(ESC);
		await app.waitFor(new RegExp(`› ${second.name}`));
	});

	it('filters the list case-insensitively and clears the filter with Esc', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall().name);
		await app.press('/', 'G', 'L', 'O', 'B');
		await app.waitFor('/GLOB');
		const globex = the.installsMatching(demo.scenario, 'GLOB');
		const frame = await app.waitFor(`Installs (${globex.length} of ${the.installCount(demo.scenario)})`);
		expect(frame).toContain(globex[0]!.name);
		expect(frame).not.toContain(firstInstall().name);
		await app.press(ENTER);
		await app.waitFor('(Esc clears)');
		await app.press(ESC);
		await app.waitFor(installsTitle());
		expect(app.frame()).toContain(firstInstall().name);
	});

	it('says so when a filter matches nothing', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall().name);
		await app.press('/', 'z', 'z', 'z');
		await app.waitFor('No installs match "zzz"');
	});

	it('shows a help overlay generated from the key registry', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall().name);
		await app.press('?');
		const frame = await app.waitFor('Keys — press ? or Esc to close');
		for (const help of ['drill in', 'filter (Esc clears)', 'switch pane focus', 'refresh now', 'quit']) {
			expect(frame).toContain(help);
		}
		// Taller than the screen: it scrolls, down to the keys of other screens.
		expect(frame).toMatch(/↑↓ scroll \(1–\d+ of \d+\)/);
		await app.press('G');
		const end = await app.waitFor('follow on/off');
		expect(end).toContain('cancel the running workflow (asks first)');
		await app.press('?');
		await app.waitFor(installsTitle());
	});

	it('moves focus between the panes with Tab, visibly', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall().name);
		expect(app.frame()).toContain('▸ Installs');
		await app.press('\t');
		await app.waitFor(`▸ ${firstInstall().name}`);
		expect(app.frame()).not.toContain('▸ Installs');
	});

	it(
		'keeps the last good data with a stale marker when a refresh fails, then recovers by ' + 'itself',
		async () => {
			app = renderExplorer(demo, {refreshMs: 300});
			await app.waitFor(firstInstall().name);
			await app.waitFor(/updated \d\d:\d\d:\d\d/);
			failWith = response =>
				response
					.writeHead(502, {'content-type': 'text/html', 'x-nuon-trace-id': 'trace-stale'})
					.end('<html>Bad Gateway</html>');
			const stale = await app.waitFor('STALE');
			expect(stale).toContain(firstInstall().name);
			expect(stale).toContain('HTTP 502 bad gateway');
			expect(stale).toContain('trace trace-stale');
			expect(stale).toContain('last good data kept');
			failWith = undefined;
			await app.waitFor(/updated \d\d:\d\d:\d\d/, 8000);
			expect(app.frame()).not.toContain('STALE');
		},
	);

	it('shows a first-load failure in the list and recovers', async () => {
		failWith = response =>
			response
				.writeHead(503, {'content-type': 'application/json'})
				.end('{"error":"unavailable","description":"maintenance"}');
		app = renderExplorer(demo, {refreshMs: 300});
		await app.waitFor('Could not load installs: HTTP 503');
		expect(app.frame()).toContain('⚠ HTTP 503 service unavailable: maintenance');
		failWith = undefined;
		await app.waitFor(firstInstall().name, 8000);
	});

	it('shows a calm "never deployed" state for a component with no deploy', async () => {
		const install = demo.scenario.installs.find(i => i.components.some(c => c.neverDeployed))!;
		const component = install.components.find(c => c.neverDeployed)!.component.name;
		app = renderExplorer(demo, {
			start: [
				{
					kind: 'deploy',
					installId: install.id,
					installName: install.name,
					componentId: install.components.find(c => c.neverDeployed)!.component.id,
					componentName: component,
				},
			],
		});
		const frame = await app.waitFor(`${component} has never been deployed to ${install.name}.`);
		expect(frame).not.toContain('⚠');
	});

	it('limits the installs to one app through the `a` menu', async () => {
		app = renderExplorer(demo);
		await app.waitFor(firstInstall().name);
		await app.press('a');
		await app.waitFor('Show installs of');
		await app.waitFor('Relay CDN');
		await app.press(DOWN, DOWN, ENTER);
		const frame = await app.waitFor('installs (Relay CDN)');
		await app.waitFor(`Installs of Relay CDN (${the.installsOfApp(demo.scenario, 'relay-cdn').length})`);
		expect(frame).not.toContain(firstInstall().name);
	});

	it('says the terminal is too small instead of drawing a broken screen', async () => {
		app = renderExplorer(demo, {size: {columns: 40, rows: 10}});
		await app.waitFor('Terminal too small');
		expect(app.frame()).toContain('40x10, need 60x12');
	});
});

describe('copy and open', () => {
	it(
		'y copies the selected install id through OSC 52 and says so; o shows the dashboard link ' + 'over SSH',
		async () => {
			const written: string[] = [];
			app = renderExplorer(demo, {
				orgId: demo.scenario.orgId,
				shareEnvironment: {
					env: {SSH_CONNECTION: '10.0.0.1 1 10.0.0.2 22'},
					platform: 'linux',
					writeTerminal: sequence => written.push(sequence),
				},
			});
			await app.waitFor(firstInstall().name);
			await app.press('y');
			await app.waitFor(`copied install ${firstInstall().name} id ${firstInstall().id}`);
			expect(written).toEqual([`\u001B]52;c;${Buffer.from(firstInstall().id).toString('base64')}\u0007`]);
			// The dashboard address comes from the API's cli-config: press until it has arrived.
			await vi.waitFor(
				() => {
					app!.stdin.write('o');
					if (
						!app!.frame().includes(`https://app.nuon.co/${demo.scenario.orgId}/installs/${firstInstall().id}`)
					)
						throw new Error('no link yet');
				},
				{timeout: 5000, interval: 100},
			);
		},
	);
});

describe('sorting and columns', () => {
	it('s cycles the sort through name, status and time, marked in the column header', async () => {
		demo.scenario.setClock(200);
		app = renderExplorer(demo);
		await app.waitFor(firstInstall().name);
		const names = () =>
			app!
				.frame()
				.split('\n')
				.filter(line => /^┃ [› ] \S/.test(line) && !line.includes('NAME'))
				.map(line => line.slice(4).split(/\s+/)[0]!);
		await app.press('s');
		await app.waitFor('NAME↓');
		const byName = names();
		expect(byName).toEqual([...byName].sort());
		expect(byName.slice(0, 2)).toEqual(
			the
				.listedInstalls(demo.scenario)
				.map(install => install.name)
				.sort()
				.slice(0, 2),
		);
		await app.press('s');
		await app.waitFor('STATUS↓');
		expect(names()[0]).toBe(the.failedInstall(demo.scenario).name); // failures first
		expect(app.frame()).toContain(`› ${firstInstall().name}`); // the selection stays with its install
		await app.press('s');
		await app.waitFor('UPDATED↓');
		await app.press('s');
		await app.waitFor(frame => !/(NAME|STATUS|UPDATED)↓/.test(frame));
		expect(names()[0]).toBe(firstInstall().name);
	});
});

describe('switching orgs', () => {
	it(':org NAME switches every request to that org and says so in the header', async () => {
		const orgs: string[] = [];
		failWith = undefined;
		app = renderExplorer(demo);
		await app.waitFor(firstInstall().name);
		await app.press(':', ...'org ledgerly-s', '\t');
		await app.waitFor(':org ledgerly-sandbox');
		demo.server.prependListener('request', request => orgs.push(String(request.headers['x-nuon-org-id'])));
		await app.press(ENTER);
		await app.waitFor('org ledgerly-sandbox');
		await app.waitFor('switched to org ledgerly-sandbox');
		await vi.waitFor(() => expect(orgs).toContain('orgdemo0000000000000000002'));
	});
});

describe('jumping with :', () => {
	it(
		':component opens the deploy as --install and --component do (Esc goes to the install’s components, ' +
			'then the installs), and a second B returns to the board',
		async () => {
			failWith = undefined;
			const install = firstInstall();
			app = renderExplorer(demo, {
				start: [{kind: 'installs'}, {kind: 'components', installId: install.id, installName: install.name}],
			});
			await app.waitFor(`Components of ${install.name}`);
			await app.press('B');
			await app.waitFor('Rollout:');
			await app.press(':', ...'component vpc', ENTER);
			await app.waitFor('Latest deploy of vpc-network');
			expect(app.frame()).not.toContain('rollout board ›');
			await app.press('B');
			await app.waitFor('Rollout:');
			await app.press('B');
			await app.press(ESC);
			await app.waitFor('Latest deploy of vpc-network');
			await app.press(ESC);
			await app.waitFor(`Components of ${install.name}`);
			await app.press(ESC);
			await app.waitFor(/Installs \(\d+\)/);
		},
	);
});
