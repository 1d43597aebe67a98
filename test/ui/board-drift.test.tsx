// Drift checks on the screens, playing each server: the board's cell keeps the real deploy's status and
// marks drift with ≈; the queue opened over it lists the plan waiting behind a queued drift check.
import {describe, expect, it} from 'vitest';
import type {DemoServer} from '../../source/demo/server.js';
import type {DemoApi} from '../../source/demo/api-mode.js';
import type {DemoInstall, DemoInstallComponent} from '../../source/demo/world.js';
import {statusWord} from '../../source/domain/status.js';
import {bothDemoServers, SERVER_VERSIONS} from '../helpers/both-servers.js';
import {renderExplorer} from '../helpers/render-app.js';

/** The first install component whose listed latest deploy is a drift check that `fits`, and when. */
function drifting(
	demo: DemoServer,
	api: DemoApi,
	times: number[],
	fits: (status: string, install: DemoInstall, ic: DemoInstallComponent, t: number) => boolean,
) {
	for (const t of times)
		for (const install of demo.scenario.installs)
			for (const ic of install.components.slice(0, 10)) {
				const deploy = demo.scenario
					.listedInstall(install, t, api)
					.install_components?.find(found => found.id === ic.id)?.install_deploys?.[0];
				const check = deploy && demo.scenario.driftRun(String(deploy.workflow_id), t);
				if (check && fits(String(deploy.status), install, ic, t)) return {install, ic, t};
			}
	return undefined;
}

const HOURS = [600, 1200, 1800, 2400, 3000, 3600];

describe.each(SERVER_VERSIONS.filter(api => api !== '2025-08'))(
	'drift checks, playing the %s server',
	api => {
		const {servers, shown} = bothDemoServers();

		it("the board's cell shows the real deploy's status and ≈ where a drift check found drift", async () => {
			const demo = servers[api];
			const found = drifting(demo, api, HOURS, status => status === 'drifted');
			expect(found).toBeDefined();
			const {install, ic, t} = found!;
			demo.scenario.setClock(t);
			const real = statusWord(demo.scenario.latestDeploy(install, ic, t)!.status!);
			const board = shown(renderExplorer(demo, {start: [{kind: 'board'}]}));
			await board.waitFor(/Ledgerly/);
			await board.press('/', ...install.name, '\r');
			const row = (await board.waitFor(new RegExp(`${install.name}.*≈`)))
				.split('\n')
				.find(line => line.includes(install.name))!;
			expect(row).toContain(real);
			expect(row).not.toMatch(/drifted|queued/);
		});

		it('Q lists the plan that waits behind a queued drift check', async () => {
			const demo = servers[api];
			const found = drifting(
				demo,
				api,
				Array.from({length: 100}, (_, index) => index * 4),
				(status, install, ic, t) =>
					status === 'queued' && demo.scenario.latestDeploy(install, ic, t)?.status === 'pending-approval',
			);
			expect(found).toBeDefined();
			const {install, ic, t} = found!;
			demo.scenario.setClock(t);
			const queue = shown(renderExplorer(demo, {start: [{kind: 'board'}]}));
			await queue.waitFor(/Ledgerly/);
			await queue.press('Q');
			const frame = await queue.waitFor(new RegExp(`${install.name}.*${ic.component.name}`));
			expect(frame).toMatch(/Approvals/);
		});
	},
);
