// The approvals queue answers several at once: Space marks, `a` approves the marked after one
// confirmation that lists each with its counts (and asks for the number of deletes and replaces to
// be typed when a plan destroys something), one request per approval, the outcome in the status line.
import {describe, expect, it} from 'vitest';
import {ENTER, ESC} from '../helpers/render-app.js';
import {renderExplorer} from '../helpers/render-app.js';
import {writableDemo} from '../helpers/writable-demo.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import type {DemoServer} from '../../source/demo/server.js';

async function openQueue(demo: DemoServer) {
	demo.scenario.setClock(100); // the last wave's four plans wait, after tyrell-prod's
	const app = renderExplorer(demo, {size: {columns: 160, rows: 40}});
	await app.waitFor('Installs');
	await app.press('Q');
	await app.waitFor(/Approvals · 5 waiting \(5\)/);
	return app;
}

async function mark(app: Awaited<ReturnType<typeof openQueue>>, install: string) {
	await app.press('/', ...install, ENTER);
	await app.waitFor(new RegExp(`› .*${install}`));
	await app.press(' ');
	await app.waitFor(new RegExp(`● ${install}`));
	await app.press(ESC);
	await app.waitFor(/Approvals · \d+ waiting · \d+ marked \(5\)/);
}

const workflowOf = (demo: DemoServer, name: string) =>
	demo.scenario.installs.find(install => install.name === name)!.workflowIds[0]!;

describe.each(SERVER_VERSIONS)('approving marked approvals against the %s server', api => {
	it('Space marks; a approves the marked after one confirmation: one request each', async () => {
		const {demo, posts} = await writableDemo(api);
		const app = await openQueue(demo);
		await mark(app, 'massive-dyn-staging');
		await mark(app, 'pied-piper-staging');
		expect(app.frame()).toMatch(/2 marked/);
		// Esc left the cursor on the row the filter chose: g goes to the first row. Space marks it, and
		// again: unmarks it.
		await app.press('g', ' ');
		await app.waitFor(/3 marked/);
		await app.press(' ');
		await app.waitFor(/2 marked/);
		await app.press('a');
		const asked = await app.waitFor('Approve 2 plans?');
		expect(asked).toMatch(/1\s+massive-dyn-staging › vpc-network · Terraform · 2 to update · 3 to/);
		expect(asked).toMatch(/2\s+pied-piper-staging › ingest · Helm · 2 to update · 1 to create/);
		expect(asked).not.toMatch(/[0-9] +tyrell-prod ›/); // the selected row, unmarked
		await app.press('y');
		await app.waitFor(/✓ 2 of 2 approved: massive-dyn-staging › vpc-network, pied-piper-staging › ingest/);
		expect(posts).toHaveLength(2);
		expect(posts.every(post => post.endsWith('/response'))).toBe(true);
		await app.press('r');
		await app.waitFor(/Approvals · 3 waiting \(5\)/);
		expect(app.frame()).not.toMatch(/marked/);
		// The answered ones stay, naming who answered by e-mail (the org's accounts), not an account id.
		await app.press('/', ...'pied-piper-staging', ENTER);
		await app.waitFor(/by\s+you@ledgerly\.dev/);
	});

	it('asks for the number of deletes and replaces to be typed, and names the one that failed', async () => {
		const soylent = (demo: DemoServer) => workflowOf(demo, 'soylent-staging');
		let server: DemoServer | undefined;
		const {demo, posts} = await writableDemo(api, (request, response) => {
			if (!request.url?.includes(soylent(server!))) return false;
			response.writeHead(500, {'content-type': 'application/json'});
			response.end(JSON.stringify({error: 'internal error', description: 'database is down'}));
			return true;
		});
		server = demo;
		const app = await openQueue(demo);
		await mark(app, 'tyrell-prod');
		await mark(app, 'soylent-staging');
		await mark(app, 'oscorp-staging');
		await app.press('a');
		const asked = await app.waitFor(/These plans delete or replace 5\. Type 5 and Enter/);
		expect(asked).toMatch(/Approve 3 plans\?/);
		expect(asked).toMatch(/tyrell-prod › vpc-network · Terraform · 1 to delete · 1 to replace/);
		await app.press('y', ENTER);
		await app.waitFor(/type 5 and Enter to send it, or Esc/);
		expect(posts).toHaveLength(0);
		await app.press('5', ENTER);
		const told = await app.waitFor(/⚠ Approve 3 plans: 2 of 3 approved; not approved: soylent-staging › /);
		expect(told).toMatch(/database is down/);
		expect(posts).toHaveLength(3); // one each, the failed one not retried
		await app.waitFor(/1 marked/);
	});
});

it('under --read-only the queue offers no mark nor approve, in its hint line and its help', async () => {
	const {demo, posts} = await writableDemo('2025-12');
	demo.scenario.setClock(100);
	const app = renderExplorer(demo, {size: {columns: 160, rows: 40}, readOnly: true});
	await app.waitFor('Installs');
	await app.press('Q');
	const queue = await app.waitFor(/Approvals · 5 waiting \(5\)/);
	const hintLine = queue.split('\n').at(-1)!;
	expect(hintLine).toContain('⏎ open'); // the hint line is there, without the marking
	expect(hintLine).not.toMatch(/mark|approve/);
	await app.press(' ');
	await app.waitFor('space mark: not here: nuon-tui was started read-only');
	expect(app.frame()).not.toMatch(/marked|●/);
	await app.press('a');
	await app.waitFor('a approve: not here: nuon-tui was started read-only');
	await app.press('?');
	const help = await app.waitFor('On this screen');
	expect(help).not.toMatch(/Space|mark or unmark|approve the plan/);
	expect(posts).toEqual([]);
});

it('the confirmation takes the whole width, the detail giving way: at 80 columns it is whole', async () => {
	const {demo} = await writableDemo('2025-12');
	demo.scenario.setClock(100);
	const app = renderExplorer(demo, {size: {columns: 80, rows: 24}});
	await app.waitFor('Installs');
	await app.press('Q');
	await app.waitFor(/Approvals · 5 waiting/);
	await app.press(' ', 'j', ' ', 'j', ' ');
	await app.waitFor(/3 marked/);
	await app.press('a');
	const asked = await app.waitFor('Approve 3 plans?');
	expect(asked).toMatch(/4 to delete or replace among these plans/);
	// Wrapped at the screen's width, not the list's.
	expect(asked).toMatch(/massive-dyn-staging › vpc-network · Terraform · 2 to update · 3 to\s+┃\n┃\s+cr/);
	expect(asked).not.toMatch(/install\s+\S+-(staging|prod)/); // the selected row's detail
	await app.press(ESC);
	await app.waitFor(/install\s+\S+-(staging|prod)/); // back beside the list
});
