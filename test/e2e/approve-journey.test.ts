// End to end, in a real pseudo-terminal, on both servers the demo plays: watch the rollout, jump to
// the deploy waiting for approval, read the plan's counts, approve with y, and see the step and the
// board move on.
import {afterEach, describe, expect, it} from 'vitest';
import {KEY_GUARD_MS} from '../../source/ui/writes/use-write.js';
import {startPty, type PtySession} from '../helpers/pty.js';
import {componentAwaitingApproval, installAwaitingApproval, installCount} from '../helpers/scenario.js';

let session: PtySession | undefined;
afterEach(() => {
	session?.kill();
	session = undefined;
});

/** The install whose Terraform plan waits for a person in the demo's rollout. */
const waiting = installAwaitingApproval();
const component = componentAwaitingApproval(waiting).component.name;

describe.each(['2025-12', '2025-08'])('against the %s server', api => {
	it(
		'from the board: ! finds the deploy waiting for approval, Enter shows the plan, a then y approves ' +
			'it, and the rollout moves on',
		async () => {
			// A faster clock: the plan is asked for sooner, and Nuon acts on the answer sooner (10 s on the older
			// server).
			session = startPty(['watch', '--demo', '--demo-api', api, '--demo-speed', '3'], {
				columns: 160,
				rows: 40,
			});
			await session.waitFor(`Rollout: ${installCount()} installs`);
			session.write(`/${waiting.name}\r`);
			const board = await session.waitFor(
				new RegExp(`${waiting.name}\\s+\\d+/\\d+\\s+\\*?⚑ approve`),
				30_000,
			);
			expect(board).toMatch(/⚑ \d approve/);
			session.write('!');
			session.write('\r');
			const plan = await session.waitFor('1 to delete · 1 to replace · 2 to update · 3 to create');
			expect(plan).toContain(`plan of deploy ${component}`);
			expect(plan).toMatch(/-\/\+ replace\s+aws_eip\.nat_a/);
			session.write('a');
			const confirmation = await session.waitFor('Approve the plan?');
			expect(confirmation).toMatch(new RegExp(`install\\s+${waiting.name}`));
			// A y in the first 300 ms of a confirmation is taken for one typed ahead, not an answer.
			await new Promise(resolve => setTimeout(resolve, KEY_GUARD_MS + 50));
			session.write('y');
			await session.waitFor(`✓ approved the plan of deploy ${component}`);
			await session.waitFor('· ✓ approved by you@ledgerly.dev');
			session.write('\u001B');
			// The step moves on from waiting: it runs, then succeeds.
			await session.waitFor(new RegExp(`deploy ${component}\\s+(◐ in-progress|✓ success)`), 20_000);
			session.write('\u001B');
			await session.waitFor(new RegExp(`${waiting.name}\\s+\\d+/\\d+\\s+\\*?(◐ executing|✓ active)`), 20_000);
			expect(session.text()).not.toMatch(new RegExp(`${waiting.name}\\s+\\d+/\\d+\\s+\\*?⚑`));
			session.write('q');
			expect((await session.exited).exitCode).toBe(0);
		},
	);
});
