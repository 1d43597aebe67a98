// What today's server leaves out of the reads the screens make, and how they still show it:
// against the demo playing today's handlers (source/demo/todays-shapes.ts).
import {afterEach, describe, expect, it} from 'vitest';
import {demoForFile} from '../helpers/demo-server.js';
import {DOWN, ENTER, renderExplorer} from '../helpers/render-app.js';
import {anotherInstall, firstInstall, rolloutComponent} from '../helpers/scenario.js';

let app: ReturnType<typeof renderExplorer> | undefined;

const demo = demoForFile({api: '2025-12', clock: 400});
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
});

async function pressUntil(key: string, test: (frame: string) => boolean, limit = 12): Promise<void> {
	for (let press = 0; press < limit && !test(app!.frame()); press++) await app!.press(key);
	expect(test(app!.frame()), `not reached with ${limit} presses:\n${app!.frame()}`).toBe(true);
}

describe('against today’s server', () => {
	it(
		'names a component’s dependencies, from the app’s components (install components come without ' + 'them)',
		async () => {
			const install = firstInstall(demo.scenario);
			const dependent = install.components.find(
				ic => (demo.scenario.component(ic.component).dependencies ?? []).length > 0,
			)!;
			const names = demo.scenario
				.component(dependent.component)
				.dependencies!.map(id => install.components.find(ic => ic.component.id === id)!.component.name);
			app = renderExplorer(demo, {
				start: [{kind: 'components', installId: install.id, installName: install.name}],
			});
			await app.waitFor(`Components of ${install.name}`);
			await pressUntil(DOWN, frame => frame.includes(`› ${dependent.component.name} `));
			await app.waitFor(`depends on ${names.join(', ')}`);
		},
	);

	it('L on a latest run of the action workflows list reads the run for its log stream', async () => {
		const install = anotherInstall(demo.scenario);
		app = renderExplorer(demo, {start: [{kind: 'runs', installId: install.id, installName: install.name}]});
		await app.waitFor('› health-probe');
		await app.press('L');
		await app.waitFor('Logs of health-probe');
	});

	it(
		'a deploy’s runner jobs: no execution count where the server sent none, and Enter shows the latest ' +
			'attempt, saying it is the only one shown',
		async () => {
			const install = firstInstall(demo.scenario);
			const ic = rolloutComponent(install, 'terraform_module');
			app = renderExplorer(demo, {
				start: [
					{
						kind: 'activity',
						installId: install.id,
						installName: install.name,
						deployId: ic.rollout!.id,
						componentId: ic.component.id,
						componentName: ic.component.name,
					},
				],
				size: {columns: 120, rows: 30},
			});
			const jobs = await app.waitFor(/EXECS/);
			expect(jobs).toMatch(/deploy\/apply-plan\s+✓ finished\s+–/);
			expect(jobs).toMatch(/executions\s+– of at most 3/);
			expect(jobs).toContain('not sent in this list: ⏎ shows the latest attempt’s');
			await app.press(ENTER);
			const executions = await app.waitFor('Executions of deploy/apply-plan (1)');
			expect(executions).toMatch(/✓ finished\s+success/);
			expect(executions).toContain(
				'⚠ not shown: earlier attempts (this server shows only the latest attempt of a job)',
			);
			expect(executions).not.toMatch(/Could not load/);
		},
	);
});
