// H opens a component's deploys, newest first, on both servers (today's component route answers
// only the newest); Enter opens one with the latest deploy's detail and drill-downs.
import {describe, expect, it} from 'vitest';
import {bothDemoServers, SERVER_VERSIONS} from '../helpers/both-servers.js';
import {ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {firstInstall, rolloutComponent, rolloutDeployLocation, secondInstall} from '../helpers/scenario.js';
import {selectedRow} from '../helpers/screen.js';

const {servers, shown} = bothDemoServers();

describe.each(SERVER_VERSIONS)('deploy history against the %s server', api => {
	it('lists every deploy of a component from its components, and opens the failed one', async () => {
		const demo = servers[api];
		demo.scenario.setClock(400);
		const install = firstInstall(demo.scenario);
		const ic = rolloutComponent(install);
		const app = shown(
			renderExplorer(demo, {
				start: [{kind: 'components', installId: install.id, installName: install.name}],
				size: {columns: 120, rows: 30},
			}),
		);
		await app.waitFor(ic.component.name);
		const row = install.components.indexOf(ic);
		for (let index = 0; index < row; index++) await app.press('j');
		await app.waitFor(frame => !!selectedRow(frame)?.includes(ic.component.name));
		await app.press('H');
		const history = await app.waitFor(`Deploys of ${ic.component.name} to ${install.name} (4)`);
		const rows = history
			.split('\n')
			.map(line => line.split('┃')[1] ?? '')
			.filter(line => /v2\.\d\.\d/.test(line));
		expect(rows.map(line => line.match(/v2\.\d\.\d/)![0])).toEqual(['v2.4.0', 'v2.3.1', 'v2.3.0', 'v2.2.4']);
		expect(rows[2]).toMatch(/✗ error/);
		await app.press('j', 'j', ENTER);
		const failed = await app.waitFor(/status\s+✗ error/);
		expect(failed).toContain(`Deploy of ${ic.component.name}`);
		expect(failed).toContain(`${ic.component.name} › deploys › deploy of`);
		await app.press(ENTER);
		await app.waitFor(/deploy\/create-apply-plan/);
		await app.press(ESC, ESC);
		const back = await app.waitFor(`Deploys of ${ic.component.name}`);
		expect(selectedRow(back)).toContain('v2.3.0');
	});
});

it('H on the latest deploy opens the same history', async () => {
	const demo = servers['2025-12'];
	demo.scenario.setClock(400);
	const install = secondInstall(demo.scenario);
	const ic = rolloutComponent(install);
	const app = shown(renderExplorer(demo, {start: [rolloutDeployLocation(install)]}));
	await app.waitFor('What was deployed');
	await app.press('H');
	// Every deploy of it: the rollouts' (a hotfix's too, where it reached the install) and the earlier ones.
	await app.waitFor(`Deploys of ${ic.component.name} to ${install.name} (${ic.deployIds.length})`);
});
