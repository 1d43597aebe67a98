import {afterEach, describe, expect, it} from 'vitest';
import {startNavigation} from '../../source/ui/levels/registry.js';
import {demoForFile, demoForTest} from '../helpers/demo-server.js';
import {ENTER, ESC, renderExplorer} from '../helpers/render-app.js';
import {
	anotherInstall,
	componentAwaitingApproval,
	firstInstall,
	installAwaitingApproval,
	installCount,
	installsMatching,
} from '../helpers/scenario.js';
import {selectedRow} from '../helpers/screen.js';

let app: ReturnType<typeof renderExplorer> | undefined;

// Each test starts at the same moment of the scenario, whatever ran before it.
const demo = demoForFile({clock: 5});
/** The install the lists and the board show first. */
const firstName = () => firstInstall(demo.scenario).name;
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

describe('the rollout board', () => {
	it(
		'groups installs by app under their components, counts statuses, and marks and lists ' + 'changes',
		async () => {
			demo.scenario.setClock(5);
			app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true});
			const frame = await app.waitFor(/Ledgerly\s+vpc-netw…\s+rds-post…\s+api-image/);
			expect(frame).toMatch(/\d+ executing/);
			expect(frame).toMatch(/\d+ active/);
			expect(frame).toContain('WATCH 2s/15s');
			expect(frame).toContain('Status changes appear here as they happen.');
			demo.scenario.setClock(200); // the rollout moves on
			await app.press('r');
			const changed = await app.waitFor(/Activity \([1-9]\d*\)/);
			expect(changed).toMatch(/\d\d:\d\d:\d\d \S+ › \S+ \S+ → \S+/);
			expect(changed).toContain('*✓ active');
			expect(changed).toMatch(/1 error/);
		},
	);

	it('opens the latest deploy of the selected cell, and Esc comes back', async () => {
		demo.scenario.setClock(200);
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true});
		await app.waitFor(/Ledgerly\s+vpc-netw…/);
		await app.press('l', 'l');
		await app.waitFor(`${firstName()} › api-image: active`);
		await app.press(ENTER);
		await app.waitFor('Latest deploy of api-image');
		await app.press(ESC);
		await app.waitFor(`${firstName()} › api-image: active`);
	});

	it('pauses and resumes refreshing with p, and W turns watch mode off', async () => {
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true});
		await app.waitFor(`› ${firstName()}`);
		await app.press('p');
		await app.waitFor('PAUSED');
		await app.press('p');
		await app.waitFor(frame => !frame.includes('PAUSED'));
		await app.press('+');
		await app.waitFor('WATCH 1s/15s');
		await app.press('W');
		await app.waitFor(
			frame => !frame.includes('WATCH') && frame.includes('watch mode off: refreshing every'),
		);
		// :watch turns it on (it does not toggle), and says so.
		await app.press(':', ...'watch', '\r');
		await app.waitFor(
			frame =>
				frame.includes('WATCH 1s/15s') &&
				frame.includes('watch mode on: every 1 s while anything is in progress'),
		);
		await app.press(':', ...'watch', '\r');
		await app.waitFor('watch mode is on already');
		expect(app.frame()).toContain('WATCH');
	});
});

describe('the rollout board for a rollout', () => {
	it('gives cells the room a wide terminal has, and a change mark that does not shift the cell', async () => {
		demo.scenario.setClock(5);
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true, size: {columns: 220, rows: 40}});
		const frame = await app.waitFor(/Ledgerly\s+vpc-network\s+rds-postgres\s+api-image/);
		expect(frame).not.toMatch(/execut…|planni…/);
		demo.scenario.setClock(200);
		await app.press('r');
		const marked = await app.waitFor('*✓ active');
		// Every cell of a row starts in the same column as its component's name, marked or not.
		const lines = marked.split('\n');
		const header = lines.find(line => /Ledgerly\s+vpc-network/.test(line))!;
		const nameAt = header.indexOf(' rds-postgres');
		const rows = lines.filter(line => /^┃ [› ] \S/.test(line) && !line.includes('Ledgerly')).slice(0, 5);
		for (const row of rows) expect([' ', '*']).toContain(row[nameAt]);
	});

	it(
		'opened after time elsewhere, takes what it fetches as the baseline instead of reporting old ' +
			'changes',
		async () => {
			demo.scenario.setClock(5);
			app = renderExplorer(demo);
			await app.waitFor(`› ${firstName()}`);
			demo.scenario.setClock(300); // much happens while the user is elsewhere
			// Past SWR's de-duplication: the board asks again.
			await new Promise(resolve => setTimeout(resolve, 2100));
			await app.press('B');
			// The fresh answer has arrived.
			await app.waitFor(new RegExp(`Rollout: ${installCount(demo.scenario)} installs[\\s\\S]*1 error`));
			await new Promise(resolve => setTimeout(resolve, 200));
			expect(app.frame()).toContain('Activity (0)');
		},
	);

	it(
		'keeps the app header on top while its installs scroll, and n jumps to the next failed ' + 'deploy',
		async () => {
			demo.scenario.setClock(400); // one deploy failed
			app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true, size: {columns: 100, rows: 24}});
			await app.waitFor(/1 error[\s\S]*vpc-netw/); // the counts, and the components' names
			await app.press('G');
			await app.waitFor(frame => !frame.includes(`› ${firstName()}`));
			const bottom = app.frame().split('\n');
			const firstRow = bottom.findIndex(line => /\d+ active/.test(line)) + 1;
			// The first row is a header (an app's name and its components), not an install.
			expect(bottom[firstRow]).toMatch(/^┃ [^ ›]/);
			await app.press('g', 'n');
			await app.waitFor(/umbrella-prod › auth-server: error/);
			await app.press('n');
			await app.waitFor(/umbrella-prod › auth-server: error/); // the only one: round the board to itself
		},
	);

	// Today's server leaves component_statuses alone while a deploy plans and waits for its approval:
	// only the installs list's latest deploys say `pending-approval`.
	it.each([undefined, 'app'] as const)(
		'marks the deploy that waits for an approval, counts it, and ! goes to it (board of %s)',
		async scope => {
			const install = installAwaitingApproval(demo.scenario);
			const ic = componentAwaitingApproval(install);
			demo.scenario.setClock(ic.rollout!.schedule.approval!.requestedAt + 60);
			app = renderExplorer(demo, {
				start: [
					scope ? {kind: 'board', appId: install.app.id, appName: install.app.catalog.name} : {kind: 'board'},
				],
				watch: true,
				size: {columns: 120, rows: 40},
			});
			const frame = await app.waitFor(new RegExp(`${install.name}\\s+\\d+/\\d+\\s+\\*?⚑ approv`));
			expect(frame).toMatch(/⚑ 1 approve/);
			await app.press('!');
			await app.waitFor(`${install.name} › ${ic.component.name}: approve (its plan waits for a person`);
		},
	);
});

describe('start flags', () => {
	it('open at a component with the levels above on the stack, each selecting the way back', async () => {
		demo.scenario.setClock(200);
		const install = anotherInstall(demo.scenario);
		const component = install.components[1]!.component;
		const start = [
			{kind: 'installs' as const},
			{kind: 'components' as const, installId: install.id, installName: install.name},
			{
				kind: 'deploy' as const,
				installId: install.id,
				installName: install.name,
				componentId: component.id,
				componentName: component.name,
			},
		];
		expect(startNavigation(start).stack.map(e => e.selectedId)).toEqual([
			install.id,
			component.id,
			undefined,
		]);
		app = renderExplorer(demo, {start});
		await app.waitFor(`Latest deploy of ${component.name}`);
		await app.press(ESC);
		await app.waitFor(new RegExp(`› ${component.name}`));
		await app.press(ESC);
		await app.waitFor(new RegExp(`› ${install.name}`));
	});
});

describe('finding things on the board', () => {
	it(
		'/ keeps the installs whose name matches, s puts failures first, Tab and F show the failures in the ' +
			'activity',
		async () => {
			demo.scenario.setClock(-15); // before the one failure
			app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true, size: {columns: 100, rows: 40}});
			await app.waitFor(/Ledgerly\s+vpc-netw/);
			demo.scenario.setClock(200); // one deploy has failed meanwhile
			await app.press('r');
			await app.waitFor(/Activity \([1-9]\d*\)/);
			await app.press('s');
			await app.waitFor('installs that need a person first');
			// The cursor stays on the install it was on, as a sorted list keeps its row: g goes to the top.
			await app.press('g');
			const sorted = await app.waitFor(frame => selectedRow(frame)?.includes('✗ error') === true);
			const firstRow = selectedRow(sorted)!;
			expect(firstRow).toContain('✗ error');
			await app.press('\t', 'F');
			const failures = await app.waitFor(/Activity \(1 failure of \d+\)/);
			expect(failures).toMatch(/› \S+ \S+ → error/);
			// Enter opens the change marked in the activity (the failure), not the cell under the board's cursor.
			const [, failedInstall, failedComponent] = /[│┃] › \d\d:\d\d:\d\d (\S+) › (\S+) \S+ → error/.exec(
				failures,
			)!;
			await app.press(ENTER);
			await app.waitFor(`Latest deploy of ${failedComponent} in ${failedInstall}`);
			await app.press(ESC);
			await app.waitFor(/Activity \(1 failure of \d+\)/);
			await app.press('F');
			await app.press('\t', '/', 'g', 'l', 'o', 'b', ENTER);
			const globex = installsMatching(demo.scenario, 'glob');
			const filtered = await app.waitFor(
				`Rollout: ${globex.length} of ${installCount(demo.scenario)} installs`,
			);
			expect(filtered).toContain(globex[0]!.name);
			expect(filtered).not.toContain(firstName());
			await app.press(ESC);
			await app.waitFor(`Rollout: ${installCount(demo.scenario)} installs`);
		},
	);
});

describe('the rollout board under an unsteady API', () => {
	it(
		'never blanks its columns: an app whose components fail keeps them, one that never had them shows ' +
			'its statuses, and the status line says what is missing',
		async () => {
			// Every other request for an app's components fails, and Relay CDN's always does.
			let asked = 0;
			const relay = demo.scenario.apps.find(found => found.catalog.name === 'relay-cdn')!.id;
			const flaky = await demoForTest({
				intercept: (request, response) => {
					if (!/^\/v1\/apps\/[^/]+\/components/.test(request.url ?? '')) return false;
					if (!request.url!.includes(relay) && asked++ % 2 === 0) return false;
					response.writeHead(502, {'content-type': 'text/html'});
					response.end('<html>bad gateway</html>');
					return true;
				},
			});
			flaky.scenario.setClock(5);
			app = renderExplorer(flaky, {start: [{kind: 'board'}], watch: true, size: {columns: 120, rows: 40}});
			const frame = await app.waitFor(/Ledgerly\s+vpc-netw…\s+rds-post…/, 10_000);
			// Relay CDN's columns come from its installs' statuses, and every cell is drawn.
			expect(frame).toMatch(/Relay CDN\s+\S+/);
			expect(frame).toMatch(/globex-prod\s+\d+\/\d+\s+\*?✓ active/);
			await app.waitFor('PARTIAL · updated');
			for (let refresh = 0; refresh < 4; refresh++) {
				await app.press('r');
				expect(app.frame()).toMatch(/Ledgerly\s+vpc-netw…/);
			}
		},
	);
});

it('a failed refresh at 80 columns keeps the last board and the whole trace id', async () => {
	let failing = false;
	const flaky = await demoForTest({
		intercept: (request, response) => {
			if (!failing || !request.url?.startsWith('/v1/installs?')) return false;
			response
				.writeHead(500, {'content-type': 'application/json', 'x-nuon-trace-id': 'f48c0826ae873c4b'})
				.end(JSON.stringify({error: 'server error', description: 'the control plane had a problem'}));
			return true;
		},
	});
	try {
		flaky.scenario.setClock(5);
		app = renderExplorer(flaky, {start: [{kind: 'board'}], watch: true, size: {columns: 80, rows: 24}});
		await app.waitFor(/acme-corp-prod\s+\d+\/\d+\s+✓ active/);
		failing = true;
		await app.press('r');
		const stale = await app.waitFor('(trace f48c0826ae873c4b)');
		expect(stale).toMatch(/acme-corp-prod\s+\d+\/\d+\s+✓ active/);
		expect(stale).toContain('STALE');
	} finally {
		await app?.cleanup();
		app = undefined;
	}
});

describe('the rollout board at the sizes people use', () => {
	it('at 80x24 the counts give way to the column range; at 220 columns install names are whole', async () => {
		demo.scenario.setClock(20);
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true, size: {columns: 80, rows: 24}});
		const narrow = await app.waitFor(/Ledgerly\s+vpc-netw…/);
		expect(narrow).toMatch(/approve.* cols 1–4\/8 ┃/);
		expect(narrow).toContain('massive-dyn-stagi…');
		await app.cleanup();
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true, size: {columns: 220, rows: 40}});
		const wide = await app.waitFor(/Ledgerly\s+vpc-network/);
		expect(wide).toMatch(/massive-dyn-staging\s+\d+\/\d+\s+✓/);
		await app.cleanup();
		app = renderExplorer(demo, {start: [{kind: 'board'}], watch: true, size: {columns: 60, rows: 20}});
		// The header's left part, cut, keeps a space before the refresh state.
		expect((await app.waitFor(/Ledgerly\s+vpc-netw…/)).split('\n')[0]).toMatch(/\S… WATCH/);
	});
});

describe('the board as the place you work from', () => {
	it('on a cell, L, w, H, P, a, y do what they do on its latest deploy, or say why not', async () => {
		demo.scenario.setClock(200);
		const written: string[] = [];
		app = renderExplorer(demo, {
			start: [{kind: 'board'}],
			watch: true,
			size: {columns: 120, rows: 40},
			shareEnvironment: {env: {}, platform: 'linux', writeTerminal: sequence => written.push(sequence)},
		});
		await app.waitFor(`${firstName()} › vpc-network: active`);
		await app.press('H');
		await app.waitFor(/Deploys of vpc-network/);
		await app.press(ESC);
		await app.waitFor(`${firstName()} › vpc-network: active`);
		await app.press('w');
		await app.waitFor(/Steps of workflow of the vpc-network deploy/);
		await app.press(ESC);
		await app.waitFor(`${firstName()} › vpc-network: active`);
		await app.press('L');
		await app.waitFor(/vpc-network deploy/);
		await app.press(ESC);
		await app.waitFor(`${firstName()} › vpc-network: active`);
		await app.press('P');
		await app.waitFor(`P plan: ${firstName()} › vpc-network waits for no approval`);
		await app.press('y');
		await app.waitFor(/copied/);
		expect(written.join('')).toContain('\u001B]52;c;');
	});
});
