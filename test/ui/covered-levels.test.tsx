// A level covered by another keeps its state and gets it back on Esc; typing in the `:` line
// re-renders only the line.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {demoForFile} from '../helpers/demo-server.js';
import {ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {firstInstall, installsTitle, logStreamOf, rolloutComponent} from '../helpers/scenario.js';
import {selectedRow} from '../helpers/screen.js';

// Counts renders of the list (its rows are memoised below it), of the installs list alone (its first
// column is NAME) and of its rows' cells.
const renders = vi.hoisted(() => ({list: 0, installsList: 0, cells: 0}));
vi.mock('../../source/ui/widgets/ListPane.js', async original => {
	const module = await original<typeof import('../../source/ui/widgets/ListPane.js')>();
	return {
		...module,
		ListPane: (props: Parameters<typeof module.ListPane>[0]) => {
			renders.list++;
			if (props.placed[0]?.column.header === 'NAME') renders.installsList++;
			return module.ListPane(props);
		},
	};
});
vi.mock('../../source/ui/widgets/columns.js', async original => {
	const module = await original<typeof import('../../source/ui/widgets/columns.js')>();
	return {
		...module,
		cellText: (...args: Parameters<typeof module.cellText>) => {
			renders.cells++;
			return module.cellText(...args);
		},
	};
});

let app: ReturnType<typeof renderExplorer> | undefined;
const asked: string[] = [];
// Each test starts at the same moment of the scenario, whatever ran before it.
const demo = demoForFile({
	clock: 200,
	intercept: request => {
		asked.push(request.url!);
		return false;
	},
});
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

describe('a covered level', () => {
	it('keeps the list’s filter and selection under the level it opened', async () => {
		demo.scenario.setClock(200);
		app = renderExplorer(demo);
		await app.waitFor(firstInstall(demo.scenario).name);
		await app.press('/', 'g', 'l', 'o', 'b', ENTER, 'j');
		const filtered = await app.waitFor(/Installs \(\d+ of \d+\)/);
		const selected = selectedRow(filtered)!;
		await app.press(ENTER);
		await app.waitFor(/Components of/);
		await app.press(ESC);
		const back = await app.waitFor(/Installs \(\d+ of \d+\)/);
		expect(back).toContain('/glob');
		expect(selectedRow(back)).toBe(selected);
	});

	it('asks for its data again as soon as it is back on screen (it did not poll while covered)', async () => {
		app = renderExplorer(demo); // refreshing every 60 s: nothing would ask within this test
		await app.waitFor(firstInstall(demo.scenario).name);
		await app.press(ENTER);
		await app.waitFor(/Components of/);
		const before = asked.length;
		await app.press(ESC);
		await app.waitFor(installsTitle(demo.scenario));
		await vi.waitFor(() =>
			expect(asked.slice(before).some(path => path.startsWith('/v1/installs?'))).toBe(true),
		);
	});

	it('keeps the board’s activity and change marks under a deploy it opened', async () => {
		demo.scenario.setClock(5);
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true});
		await app.waitFor(/Ledgerly\s+vpc-netw/);
		demo.scenario.setClock(200);
		await app.press('r');
		const changed = await app.waitFor(/Activity \([1-9]\d*\)/);
		const activity = changed.match(/Activity \(\d+\)/)![0];
		await app.press('l', 'l', ENTER);
		await app.waitFor('Latest deploy of');
		await app.press(ESC);
		const back = await app.waitFor(/Ledgerly\s+vpc-netw/);
		expect(back).toContain(activity);
		expect(back).toContain('*✓ active');
	});

	it('keeps a log view’s lines and its paused position under the board', async () => {
		demo.scenario.setClock(400);
		const ic = rolloutComponent(firstInstall(demo.scenario), 'terraform_module');
		const stream = logStreamOf(demo.scenario, ic);
		app = renderExplorer(demo, {start: [{kind: 'logs', streamId: stream, title: 'plan'}]});
		await app.waitFor('stream closed');
		await app.press('k', 'k', 'k', 'k', 'k');
		const before = app.frame().split('\n').slice(3, -3).join('\n');
		const requests = asked.length;
		await app.press('B');
		await app.waitFor(/rollout board/);
		await app.press(ESC);
		await app.waitFor('stream closed');
		expect(app.frame().split('\n').slice(3, -3).join('\n')).toBe(before);
		// Nothing was asked again to show it.
		expect(asked.slice(requests).filter(path => path.includes('/logs'))).toEqual([]);
	});
});

it('typing in the : line renders neither the list nor its rows', async () => {
	app = renderExplorer(demo);
	await app.waitFor(firstInstall(demo.scenario).name);
	await app.press(':');
	await app.waitFor(frame => frame.includes(':'));
	Object.assign(renders, {list: 0, installsList: 0, cells: 0});
	for (const key of 'install glo') await app.press(key);
	await app.waitFor(':install glo');
	expect(renders).toEqual({list: 0, installsList: 0, cells: 0});
});

it('moving on a level renders it alone: the levels it covers do not render again', async () => {
	app = renderExplorer(demo);
	await app.waitFor('acme-corp-prod');
	await app.press(ENTER);
	// The selected row of the components list, once it has rows.
	await app.waitFor(/┃ › /);
	const selected = () =>
		app!
			.frame()
			.split('\n')
			.find(line => line.includes('┃ › '));
	const first = selected();
	Object.assign(renders, {list: 0, installsList: 0, cells: 0});
	for (let move = 0; move < 10; move++) await app.press(move % 2 ? 'k' : 'j');
	await app.press('j');
	await vi.waitFor(() => expect(selected()).not.toBe(first));
	expect(renders.list).toBeGreaterThanOrEqual(11); // the components list, once a move
	expect(renders.installsList).toBe(0);
});

// The approvals queue opened over the board reads the installs list the board polls (one cache entry,
// `PAGED_ENDPOINTS.installs`): it adds no request for the list of its own. Polls too far apart to come
// during the test, so each read is one the test caused: no wall-clock window to miss on a busy machine.
const installsLists = (from: number) =>
	asked.slice(from).filter(url => /^\/v1\/installs(\?|$)/.test(url)).length;

it('the queue over the watched board asks for no installs list beyond the board’s', async () => {
	demo.scenario.setClock(100); // plans wait
	app = renderExplorer(demo, {
		start: [{kind: 'board'}],
		watch: true,
		poll: {fastMs: 600_000, slowMs: 600_000},
		refreshMs: 600_000,
	});
	await app.waitFor(/⚑ \d+ approve/);
	let from = asked.length;
	await app.press('Q');
	await app.waitFor(/Approvals · \d+ waiting/);
	expect(installsLists(from)).toBe(0); // the board's answer serves the queue

	from = asked.length;
	await app.press('r');
	await app.waitFor(() => installsLists(from) >= 1);
	await app.waitFor(/Approvals · \d+ waiting/);
	expect(installsLists(from)).toBe(1); // one list, read once for both
});
