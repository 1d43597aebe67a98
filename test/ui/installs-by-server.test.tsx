// The installs list on each server: 2026's health, lifecycle phase and labels where the older servers'
// install status was, `/key:value`, and `--labels`.
import {describe, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {narrowToLabels} from '../../source/api/resources.js';
import type {DemoApi} from '../../source/demo/api-mode.js';
import {bothDemoServers, SERVER_VERSIONS} from '../helpers/both-servers.js';
import {renderApp, renderExplorer} from '../helpers/render-app.js';
import {aLabel, firstInstall, installCount} from '../helpers/scenario.js';

const {servers, shown} = bothDemoServers();
/** Wide enough for the labels column, which gives way first. */
const WIDE = {columns: 260, rows: 40};
const T = 400; // the rollout is over

describe.each(SERVER_VERSIONS)('the installs list of the %s server', (api: DemoApi) => {
	const newest = api === '2026';

	it(
		newest
			? 'shows health, lifecycle phase and labels; the detail names them'
			: 'keeps the install status in the detail, with no column for fields it does not send',
		async () => {
			const demo = servers[api];
			demo.scenario.setClock(T);
			const app = shown(renderExplorer(demo, {start: [{kind: 'installs'}], size: WIDE}));
			const install = firstInstall(demo.scenario);
			const frame = await app.waitFor(`› ${install.name}`);
			expect(/HEALTH\s+.*PHASE/.test(frame)).toBe(newest);
			expect(frame.includes('LABELS')).toBe(newest);
			if (newest) {
				await app.waitFor(/lifecycle\s+✓ provisioned/);
				await app.waitFor(/health\s+(✓ healthy|! degraded|✗ unhealthy)/);
				await app.waitFor(/Labels \(2\)[\s\S]*region\s+\S[\s\S]*tier\s+\S/);
				expect(app.frame()).not.toMatch(/install\s+none/);
			} else {
				await app.waitFor(/install\s+✓ active/);
				expect(app.frame()).not.toMatch(/lifecycle|Labels \(/);
			}
		},
	);

	it('`/key:value` keeps the installs with that label (none where installs have no labels)', async () => {
		const demo = servers[api];
		demo.scenario.setClock(T);
		const {key, value, installs} = aLabel(demo.scenario);
		const app = shown(renderExplorer(demo, {start: [{kind: 'installs'}], size: WIDE}));
		await app.waitFor(`› ${firstInstall(demo.scenario).name}`);
		await app.press('/');
		await app.press(...`${key}:${value}`);
		if (newest) await app.waitFor(`${installs.length} of ${installCount(demo.scenario)}`);
		else await app.waitFor(`No installs match "${key}:${value}"`);
	});

	it('--labels shows only the installs with those labels, and the title says so', async () => {
		const demo = servers[api];
		demo.scenario.setClock(T);
		const {key, value, installs} = aLabel(demo.scenario);
		const client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId, retries: 0});
		narrowToLabels(client, {[key]: value});
		const app = shown(renderApp(client, {start: [{kind: 'installs'}], size: WIDE}));
		if (newest) {
			const frame = await app.waitFor(`Installs labelled ${key}:${value} (${installs.length})`);
			const other = demo.scenario.installs.find(install => !installs.includes(install))!;
			expect(frame).not.toContain(other.name);
		} else await app.waitFor('This org has no installs yet.');
	});
});
