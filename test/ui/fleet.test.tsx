// The fleet view: the installs list and the board read runner health from the installs list, U opens
// an install's runner and its job queue, and Q lists every approval waiting across the org, whose
// plan Enter opens and answers there; on both servers the demo plays.
import {describe, expect, it} from 'vitest';
import {bothDemoServers, SERVER_VERSIONS} from '../helpers/both-servers.js';
import {ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {RUNNER_OUTAGE} from '../../source/demo/world.js';
import {writableDemo} from '../helpers/writable-demo.js';

const {servers, shown} = bothDemoServers();
const stalledOf = (demo: (typeof servers)['2025-12']) => demo.scenario.installs[RUNNER_OUTAGE.install]!;

describe.each(SERVER_VERSIONS)('the fleet view against the %s server', api => {
	it('marks the install whose runner stopped; U shows its runner and the jobs queued behind it', async () => {
		const demo = servers[api];
		demo.scenario.setClock(RUNNER_OUTAGE.from + 40);
		const install = stalledOf(demo);
		const app = shown(renderExplorer(demo, {size: {columns: 160, rows: 40}}));
		await app.press('/');
		await app.press(...install.name);
		await app.press(ENTER);
		const listed = await app.waitFor(new RegExp(`${install.name}.*○ disconnected`));
		expect(listed).toMatch(/runner\s+○ disconnected \(offline\)/);
		await app.press('U');
		const runner = await app.waitFor(`Jobs of ${install.name}'s runner · offline`);
		expect(runner).toMatch(/connected\s+✗ not connected/);
		expect(runner).toMatch(/health\s+[█░]+ \(last 30 min\)/);
		expect(runner).toMatch(/◐ queued\s+deploy\//);
		await app.press(ENTER);
		await app.waitFor(/› executions/);
		await app.press(ESC);
		await app.waitFor(`Jobs of ${install.name}'s runner`);
	});

	it('Q lists the approvals waiting across the org, with their plans; Enter opens one', async () => {
		const {demo, posts} = await writableDemo(api);
		demo.scenario.setClock(100);
		const app = shown(renderExplorer(demo, {size: {columns: 160, rows: 40}}));
		await app.waitFor('Installs');
		await app.press('Q');
		const queue = await app.waitFor(/Approvals · 5 waiting \(5\)/);
		for (const type of ['Terraform', 'Helm', 'Kubernetes']) expect(queue).toContain(type);
		// 2026's pending approvals name no workflow: the release is the deploy's build, as the board names it.
		expect(queue).toMatch(api === '2026' ? /-1 ±1 ~2 \+3\s+bld\w+/ : /-1 ±1 ~2 \+3\s+v2\.4\.0/);
		expect(queue).toMatch(/plan\s+1 to delete · 1 to replace · 2 to update · 3 to create/);
		await app.press(ENTER);
		await app.waitFor(/⚑ approve/);
		await app.press('a');
		await app.waitFor('Approve the plan?');
		await app.press('y', 'y', 'y');
		await app.waitFor(/sent, waiting for Nuon|approved/);
		expect(posts).toHaveLength(1);
		await app.press(ESC);
		await app.waitFor(/Approvals · 4 waiting \(5\)/);
	});
});

it('the board counts the installs waiting on a runner', async () => {
	const demo = servers['2025-12'];
	demo.scenario.setClock(RUNNER_OUTAGE.from + 40);
	const app = shown(renderExplorer(demo, {start: [{kind: 'board'}], size: {columns: 200, rows: 50}}));
	await app.waitFor(/1 install waiting on a runner/);
	const frame = await app.waitFor(new RegExp(`${stalledOf(demo).name}\\s+○`));
	expect(frame).toContain('○');
});

it('U on the board opens the runner of the install on the selected row', async () => {
	const demo = servers['2025-12'];
	demo.scenario.setClock(RUNNER_OUTAGE.from + 40);
	const install = stalledOf(demo);
	const app = shown(renderExplorer(demo, {start: [{kind: 'board'}], size: {columns: 200, rows: 50}}));
	await app.waitFor(/1 install waiting on a runner/);
	await app.press('/', ...install.name, ENTER);
	await app.waitFor(new RegExp(`› ${install.name}`));
	await app.press('U');
	await app.waitFor(`${install.name} › runner`);
	await app.waitFor(new RegExp(`of ${install.name}'s runner`));
});
