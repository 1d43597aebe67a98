// End to end: the built CLI in a real pseudo-terminal against --demo (or the demo API in this process).
import {afterEach, describe, expect, it} from 'vitest';
import {demoForTest} from '../helpers/demo-server.js';
import {startPty, type PtySession} from '../helpers/pty.js';
import {defaultScenario, installOutsideRollout, installsTitle, listedInstalls} from '../helpers/scenario.js';

let session: PtySession | undefined;
afterEach(() => {
	session?.kill();
	session = undefined;
});

/** An install and component (of the demo's fixed seed) whose deploy is still ahead of its `executing` phase a
 * few seconds after start. */
function deployAboutToMove() {
	for (const install of listedInstalls()) {
		for (const ic of install.components) {
			const schedule = ic.rollout?.schedule;
			if (schedule && !schedule.fails && schedule.executingAt > 7 && schedule.executingAt < 14)
				return {install: install.name, component: ic.component.name};
		}
	}
	throw new Error('the demo scenario has no deploy about to move');
}

describe('nuon-tui --demo in a real terminal', () => {
	it(
		'walks to a deploy in the middle of the rollout and sees its status change with no key ' + 'pressed',
		async () => {
			const target = deployAboutToMove();
			session = startPty(['--demo', '--refresh', '1']);
			await session.waitFor(installsTitle());
			expect(session.text()).toContain('DEMO');
			session.write(`/${target.install}`);
			await session.waitFor(`/${target.install}`);
			session.write('\r');
			await session.waitFor('(Esc clears)');
			session.write('\r');
			await session.waitFor(`Components of ${target.install}`);
			session.write(`/${target.component}`);
			await session.waitFor(new RegExp(`› ${target.component}`));
			session.write('\r\r');
			// The components' detail says the latest deploy's status too: wait for the deploy's screen.
			const first = await session.waitFor(
				screen =>
					screen.includes(`› ${target.component} › latest deploy`) &&
					/status\s+\S+ (pending|planning|applying)/.test(screen),
			);
			expect(first).toContain(`installs › ${target.install} › ${target.component} › latest deploy`);
			const before = /status\s+\S+ (\w+)/.exec(first)![1];
			// No key from here on: the screen must move by itself.
			const after = await session.waitFor(screen => {
				const now = /status\s+\S+ (\w+)/.exec(screen)?.[1];
				return now !== undefined && now !== before;
			}, 25_000);
			expect(/status\s+\S+ (\w+)/.exec(after)![1]).not.toBe(before);
			expect(after).toMatch(/History \(\d+\)/);
			session.write('q');
			expect((await session.exited).exitCode).toBe(0);
			// The shell screen is back: the alternate screen was left and the cursor shown.
			expect(session.raw()).toContain('\u001B[?1049l');
		},
	);

	it.each(['2025-12', '2025-08'])(
		'against the %s server: installs → components → deploy → jobs → plan, and the logs to their end',
		async api => {
			// An install outside the rollout, whose first component is a Terraform module: its deploy has a plan.
			const install = installOutsideRollout(
				defaultScenario(),
				found => found.components[0]!.component.type === 'terraform_module',
			);
			const component = install.components[0]!.component.name;
			session = startPty(['--demo', '--demo-api', api, '--install', install.name]);
			await session.waitFor(`Components of ${install.name} (${install.components.length})`);
			await session.waitFor(`› ${component}`);
			if (api === '2025-08') expect(session.text()).toContain('DEMO  playing the 2025-08 server');
			expect(session.text()).not.toMatch(/Could not load|not shown/);
			session.write('\r');
			await session.waitFor(/Runner jobs \(\d\)/, 15_000);
			session.write('\r');
			await session.waitFor(`Jobs & runs of ${component}`);
			await session.waitFor('› deploy/apply-plan');
			session.write('j');
			await session.waitFor('› deploy/create-apply-plan');
			session.write('P');
			await session.waitFor('resource_changes: [');
			session.write('\u001B');
			await session.waitFor('› deploy/create-apply-plan');
			session.write('L');
			await session.waitFor(
				screen =>
					screen.includes('stream closed') &&
					screen.includes('plan saved') &&
					!screen.includes('this server is older'),
				15_000,
			);
			session.write('q');
			expect((await session.exited).exitCode).toBe(0);
		},
	);

	it('exits with a clear one-line message and code 2 when settings are missing', async () => {
		session = startPty([], {
			env: {NUON_CONFIG_FILE: '/nonexistent/nuon', NUON_API_TOKEN: '', NUON_ORG_ID: ''},
		});
		const {exitCode} = await session.exited;
		expect(exitCode).toBe(2);
		expect(session.text()).toContain('Missing API token and org id');
		expect(session.text()).toContain('nuon-tui --demo');
	});
});

describe('following logs in a real terminal', () => {
	it('follows the logs of a running deploy: new lines arrive with no key pressed, then the stream is ' +
		'reported closed', async () => {
		let target: {install: string; component: string; doneAt: number} | undefined;
		for (const install of listedInstalls()) {
			for (const ic of install.components) {
				const s = ic.rollout?.schedule;
				if (
					!target &&
					s &&
					ic.component.type !== 'docker_build' &&
					s.queuedAt > 3 &&
					s.queuedAt < 9 &&
					s.doneAt < 30
				)
					target = {install: install.name, component: ic.component.name, doneAt: s.doneAt};
			}
		}
		expect(target).toBeDefined();
		// The demo API in this process, its clock started 7 s before the deploy ends (the time to
		// walk there, open its logs and see lines arrive; its stream closes a few seconds after) instead
		// of waiting for it from second 0.
		const demo = await demoForTest();
		demo.scenario.setClock(Math.max(0, target!.doneAt - 7));
		session = startPty(['--refresh', '1'], {
			env: {
				NUON_API_URL: demo.url,
				NUON_API_TOKEN: 'test-token',
				NUON_ORG_ID: demo.scenario.orgId,
				NUON_CONFIG_FILE: '/nonexistent',
			},
		});
		await session.waitFor(installsTitle(demo.scenario));
		session.write(`/${target!.install}`);
		await session.waitFor(`/${target!.install}`);
		session.write('\r');
		await session.waitFor('(Esc clears)');
		session.write('\r');
		await session.waitFor(`Components of ${target!.install}`);
		session.write(`/${target!.component}`);
		await session.waitFor(new RegExp(`› ${target!.component}`));
		session.write('\r\r');
		// Wait for the rollout's deploy (release v2.4.0) to start, then open its logs.
		await session.waitFor(/tag\s+v2\.4\.0/, 15_000);
		session.write('L');
		const lineCount = (screen: string) =>
			Number(/Logs of \S+ deploy \((\d+) lines\)/.exec(screen)?.[1] ?? -1);
		const first = await session.waitFor(
			screen => lineCount(screen) >= 0 && /● following/.test(screen),
			10_000,
		);
		const before = lineCount(first);
		await session.waitFor(screen => lineCount(screen) > before, 15_000);
		const closed = await session.waitFor('stream closed', 40_000);
		expect(lineCount(closed)).toBeGreaterThan(before);
		expect(closed).toMatch(/execution rje\w+ (finished|failed)/);
	}, 90_000);
});

describe('watching the demo rollout on the board', () => {
	it('shows the rollout move across installs by itself, with changes listed in the ' +
		'activity pane', async () => {
		session = startPty(['watch', '--demo', '--demo-speed', '4'], {columns: 120, rows: 36});
		const first = await session.waitFor(/Ledgerly\s+vpc-netw/);
		expect(first).toContain('WATCH 2s/15s');
		const activity = (screen: string) => Number(/Activity \((\d+)\)/.exec(screen)?.[1] ?? 0);
		const moving = await session.waitFor(screen => activity(screen) > 0, 15_000);
		expect(moving).toMatch(/\d\d:\d\d:\d\d \S+ › \S+ \S+ → \S+/);
		const later = await session.waitFor(screen => activity(screen) > activity(moving) + 10, 30_000);
		expect(later).toMatch(/\d+ active/);
		session.write('q');
		expect((await session.exited).exitCode).toBe(0);
	}, 60_000);
});

describe('jumping with the command line', () => {
	it(':install NAME jumps to an install, with Tab completing from a server-side search', async () => {
		session = startPty(['--demo']);
		await session.waitFor(installsTitle());
		session.write(':install wonka-st');
		await session.waitFor('Tab: wonka-staging');
		session.write('\t');
		await session.waitFor(':install wonka-staging');
		session.write('\r');
		const screen = await session.waitFor('Components of wonka-staging');
		expect(screen).toContain('installs › wonka-staging');
		session.write(':component edge-p\r');
		await session.waitFor('Latest deploy of edge-proxy');
		session.write('\u001b');
		await session.waitFor(/› edge-proxy/);
		session.write(':bogus\r');
		await session.waitFor('unknown command :bogus');
	});
});

describe('the terminal is restored', () => {
	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
	])('on %s, with exit code %i', async (signal, code) => {
		session = startPty(['--demo']);
		await session.waitFor(installsTitle());
		session.kill(signal);
		const {exitCode} = await session.exited;
		expect(exitCode).toBe(code);
		const raw = session.raw();
		expect(raw.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(raw.lastIndexOf('\u001B[?1049h'));
		expect(raw.slice(raw.lastIndexOf('\u001B[?1049l'))).toContain('\u001B[?25h');
	});

	it('on Ctrl-C', async () => {
		session = startPty(['--demo']);
		await session.waitFor(installsTitle());
		session.write('\u0003');
		expect((await session.exited).exitCode).toBe(0);
		expect(session.raw()).toContain('\u001B[?1049l');
	});
});
