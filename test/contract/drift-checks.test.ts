// Drift checks against the demo playing each server: a drift check's deploy, the latest in the org's
// installs list, never stands for the component's latest deploy. The approvals queue still lists the
// plan waiting behind one, the board's cell says the real deploy's status (with `≈` where drift was
// found), and progress by release is not moved by the build a drift check plans.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import * as api from '../../source/api/resources.js';
import {startDemoServer, type DemoApi, type DemoServer} from '../../source/demo/server.js';
import type {DemoInstall, DemoInstallComponent} from '../../source/demo/world.js';
import {cellDrifted, cellStatus} from '../../source/domain/cell-status.js';
import {isDriftCheck} from '../../source/domain/drift.js';
import {deployReleases, forgetLastSeenReleases} from '../../source/domain/release-progress.js';
import {fetchApprovalQueue} from '../../source/state/approval-queue.js';
import {seePastDriftChecks} from '../../source/state/drift-checks.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';

interface Found {
	install: DemoInstall;
	ic: DemoInstallComponent;
	t: number;
}

/** The first moment and component, across the org, where the demo's installs list answers what `fits`. */
function findListed(
	demo: DemoServer,
	api: DemoApi,
	fits: (deploy: Record<string, unknown> | undefined, found: Found) => boolean,
	times: number[],
): Found | undefined {
	for (const t of times)
		for (const install of demo.scenario.installs)
			for (const ic of install.components) {
				const listed = demo.scenario
					.listedInstall(install, t, api)
					.install_components?.find(found => found.id === ic.id);
				if (fits(listed?.install_deploys?.[0] as Record<string, unknown> | undefined, {install, ic, t}))
					return {install, ic, t};
			}
	return undefined;
}

const TIMES = Array.from({length: 120}, (_, index) => index * 2);

describe.each(SERVER_VERSIONS)('drift checks against the %s server', serverApi => {
	let demo: DemoServer;
	let client: NuonClient;
	beforeAll(async () => {
		// A clock that barely moves: what the test compares reads one moment.
		demo = await startDemoServer({api: serverApi, speed: 0.001});
		client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId, retries: 0});
		forgetLastSeenReleases(); // and the releases the other tests saw at later moments
	});
	afterAll(() => demo.close());

	/** The org's installs list as the screens read it (past the drift checks). */
	async function listedAt(t: number): Promise<api.Install[]> {
		demo.scenario.setClock(t);
		const installs = await api.listAllInstalls(client);
		await seePastDriftChecks(client, installs);
		return installs;
	}

	const checked = (deploy: Record<string, unknown> | undefined) => !!deploy?.id && isDriftCheck(deploy);
	const isDriftRun = (deploy: Record<string, unknown> | undefined, t: number) =>
		!!deploy && demo.scenario.driftRun(String(deploy.workflow_id), t) !== undefined;

	if (serverApi === '2025-08') {
		it('runs none', async () => {
			const installs = await listedAt(200);
			const deploys = installs.flatMap(i =>
				(i.install_components ?? []).flatMap(ic => ic.install_deploys ?? []),
			);
			expect(deploys.some(deploy => isDriftRun(deploy as Record<string, unknown>, 200))).toBe(false);
		});
		return;
	}

	it('the queue still lists a plan waiting behind a queued drift check, and its cell says so', async () => {
		const behind = findListed(
			demo,
			serverApi,
			(deploy, {install, ic, t}) =>
				deploy?.status === 'queued' &&
				isDriftRun(deploy, t) &&
				demo.scenario.latestDeploy(install, ic, t)?.status === 'pending-approval',
			TIMES,
		);
		expect(behind).toBeDefined();
		const {install, ic, t} = behind!;
		const installs = await listedAt(t);
		const queue = await fetchApprovalQueue(client, {installs});
		expect(
			queue.some(entry => entry.installId === install.id && entry.componentName === ic.component.name),
		).toBe(true);
		expect(cellStatus(installs.find(found => found.id === install.id)!, ic.component.id)).toBe(
			'pending-approval',
		);
		// The queue reading its own list finds it too (`nuon-tui approvals`).
		expect((await fetchApprovalQueue(client)).some(entry => entry.installId === install.id)).toBe(true);
	});

	it("a cell whose drift check found drift shows the real deploy's status and ≈", async () => {
		const drifted = findListed(
			demo,
			serverApi,
			deploy => checked(deploy) && deploy?.status === 'drifted',
			[600],
		);
		expect(drifted).toBeDefined();
		const {install, ic, t} = drifted!;
		const listed = (await listedAt(t)).find(found => found.id === install.id)!;
		expect(cellStatus(listed, ic.component.id)).toBe(demo.scenario.latestDeploy(install, ic, t)?.status);
		expect(cellDrifted(listed, ic.component.id)).toBe(true);
		const components = await api.listInstallComponents(client, install.id);
		const component = components.find(found => found.id === ic.id) as Record<string, unknown> | undefined;
		expect(component?.drifted_object).toMatchObject({
			target_id: expect.any(String),
		});
		expect((await client.get<unknown[]>(`/v1/installs/${install.id}/drifted-objects`)).data).toHaveLength(
			install.components.filter(c => demo.scenario.driftedObject(install, c, t, serverApi)).length,
		);
	});

	it('progress by release reads the build each install runs, or none: never a drift check’s', async () => {
		// A client of its own: what the others remembered is of later moments.
		client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId, retries: 0});
		forgetLastSeenReleases(); // and the releases the other tests saw at later moments
		let hidden = 0;
		// Read as the screens read it, every 5 s (a release last seen stands behind an ended check).
		for (const t of [...Array.from({length: 141}, (_, i) => i * 5), 3000]) {
			const installs = await listedAt(t);
			for (const listed of installs) {
				const install = demo.scenario.installs.find(found => found.id === listed.id)!;
				const raw = demo.scenario.listedInstall(install, t, serverApi).install_components ?? [];
				for (const ic of install.components.slice(0, 10)) {
					const real = demo.scenario.latestDeploy(install, ic, t);
					if (!real) continue;
					const first = raw.find(c => c.id === ic.id)?.install_deploys?.[0];
					if (
						isDriftRun(first as Record<string, unknown> | undefined, t) &&
						first?.build_id !== real.build_id
					)
						hidden++;
					// Behind a check that has ended the real deploy is not read (it had ended: no request for it),
					// so its release may be unknown; it is never the check's build.
					const seen = deployReleases(listed).get(ic.component.id)?.id;
					if (seen !== undefined) expect(seen).toBe(real.build_id);
				}
			}
		}
		// The demo has drift checks whose build is not the one the install runs.
		expect(hidden).toBeGreaterThan(0);
	});
});
