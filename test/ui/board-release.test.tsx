import {afterEach, describe, expect, it} from 'vitest';
import {fleetReleases, releaseProgress} from '../../source/domain/release-progress.js';
import type {DemoServer} from '../../source/demo/server.js';
import type {DemoInstall} from '../../source/demo/world.js';
import {bothDemoServers, SERVER_VERSIONS} from '../helpers/both-servers.js';
import {demoForFile} from '../helpers/demo-server.js';
import {renderExplorer} from '../helpers/render-app.js';
import {defaultScenario, firstInstall, twoReleasesInFlight} from '../helpers/scenario.js';

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
		const going = new RegExp(`${name} › \\S+: .* · \\d+/\\d+ → (\\S+)`).exec(frame)?.[1];
		expect(going).toBeDefined();
		// Grouped, the first install's group is headed by the release its row says it is taken to.
		await app.press('V');
		const grouped = await app.waitFor(/installs by the release they are being taken to/);
		expect(grouped).toContain(`Ledgerly → ${going!.slice(0, 8)}`);
		await app.press('V');
		await app.waitFor(/installs by app/);
	});

	it('a message belongs to its screen: V’s on the board is not on the queue Q opens over it', async () => {
		demo.scenario.setClock(5);
		app = renderExplorer(demo, {start: [{kind: 'board'}]});
		await app.waitFor(/\d+\/\d+/);
		await app.press('V');
		await app.waitFor('installs by the release they are being taken to');
		await app.press('Q');
		const queue = await app.waitFor(/Approvals/);
		expect(queue).not.toContain('installs by the release they are being taken to');
		await app.press('\u001B');
		const board = await app.waitFor(/Ledgerly → /);
		expect(board).not.toContain('installs by the release they are being taken to'); // gone, not back with it
	});
});

describe.each(SERVER_VERSIONS)('two releases in flight on one app, playing the %s server', api => {
	const {servers, shown} = bothDemoServers();
	const {at, hotfixed, onRelease} = twoReleasesInFlight(defaultScenario());
	/** The release an install is being taken to at `at`, as the installs list has it. */
	const releaseOf = (demo: DemoServer, install: DemoInstall) => {
		const listed = demo.scenario
			.installsOf(demo.scenario.orgId)
			.map(i => demo.scenario.listedInstall(i, at, api));
		const ids = install.app.components.map(component => component.id);
		const own = listed.find(found => found.id === install.id)!;
		return releaseProgress(own, ids, fleetReleases(listed)).target!.label;
	};
	/** The start of a release's name, as a header cut to its width shows it. */
	const shortly = (label: string) => label.slice(0, 10);

	it('V shows the app’s installs under the hotfix and under the release it fixes', async () => {
		const demo = servers[api];
		demo.scenario.setClock(at);
		const [hotfix, release] = [releaseOf(demo, hotfixed), releaseOf(demo, onRelease)];
		expect(hotfix).not.toBe(release);
		const app = hotfixed.app;
		const board = shown(
			renderExplorer(demo, {start: [{kind: 'board', appId: app.id, appName: app.catalog.displayName}]}),
		);
		await board.waitFor(new RegExp(`${hotfixed.name}\\s+\\d+/\\d+\\s`));
		await board.press('V');
		const header = (label: string) => `${app.catalog.displayName} → ${shortly(label)}`;
		const grouped = await board.waitFor(header(release));
		expect(grouped).toContain(header(hotfix));
		// Each install under its release's header, the hotfix's (the newest) first.
		const lines = grouped.split('\n');
		const lineOf = (text: string) => lines.findIndex(line => line.includes(text));
		expect(lineOf(header(hotfix))).toBeLessThan(lineOf(hotfixed.name));
		expect(lineOf(hotfixed.name)).toBeLessThan(lineOf(header(release)));
		expect(lineOf(header(release))).toBeLessThan(lineOf(onRelease.name));
		// The selected row says where the install is going: the release still in flight is not "behind".
		// Up from the bottom row (neither of them); the status line says it once V's message has gone.
		await board.press('G');
		const select = async (install: DemoInstall) => {
			for (let row = 0; row < 12 && !board.frame().includes(`› ${install.name} `); row++)
				await board.press('k');
			return board.waitFor(new RegExp(`${install.name} › .* · \\d/\\d+ → \\S+`), 8000);
		};
		expect(await select(onRelease)).toMatch(new RegExp(`→ ${shortly(release)}`));
		expect(await select(hotfixed)).toMatch(new RegExp(`→ ${shortly(hotfix)}`));
	});
});
