// End to end, in a real pseudo-terminal: on a workflow's steps a kept `/` filter moves the cursor off
// the step waiting for approval, and `a` acts on the row the cursor is on, not on the step it hid;
// clearing the filter keeps the cursor there; the write goes to the step highlighted when it is sent.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {KEY_GUARD_MS} from '../../source/ui/writes/use-write.js';
import {startPty, type PtySession} from '../helpers/pty.js';
import {
	componentAwaitingApproval,
	defaultScenario,
	installAwaitingApproval,
	installCount,
} from '../helpers/scenario.js';

let session: PtySession | undefined;
let dir: string | undefined;
afterEach(() => {
	session?.kill();
	session = undefined;
	if (dir) rmSync(dir, {recursive: true, force: true});
	dir = undefined;
});

const waiting = installAwaitingApproval();
const component = componentAwaitingApproval(waiting).component.name;
/** Another step of the same workflow: one that does not wait for approval. */
const other = defaultScenario()
	.workflowSteps(waiting.workflowIds[0]!, 20)!
	.map(step => step.name ?? '')
	.find(name => name.startsWith('deploy ') && name !== `deploy ${component}`)!;
/** The row the cursor is on (`┃ › …`), without the detail beside it. */
const cursorRow = (screen: string) =>
	screen
		.split('\n')
		.find(line => line.includes('┃ › '))
		?.split('┃│')[0];
const answers = (file: string) =>
	readFileSync(file, 'utf8').match(/POST \S+\/approvals\/\S+\/response/g) ?? [];

it('a kept filter on the steps: a acts on the highlighted step; Esc leaves the cursor on it', async () => {
	dir = mkdtempSync(join(tmpdir(), 'nuon-tui-selection-'));
	const requests = join(dir, 'requests.log');
	session = startPty(['watch', '--demo', '--demo-speed', '3', '--debug', requests], {columns: 160, rows: 40});
	await session.waitFor(`Rollout: ${installCount()} installs`);
	// Enter in a read of its own, as a person presses it (on a busy CI machine a burst lost it).
	session.write(`/${waiting.name}`);
	await session.waitFor(`/${waiting.name}`);
	session.write('\r');
	await session.waitFor('(Esc clears)');
	await session.waitFor(new RegExp(`${waiting.name}\\s+\\d+/\\d+\\s+\\*?⚑ approve`), 30_000);
	session.write('!');
	session.write('\r');
	await session.waitFor('1 to delete · 1 to replace · 2 to update · 3 to create');
	session.write('\u001B'); // from the plan down to the workflow's steps, the waiting one selected
	await session.waitFor(screen => cursorRow(screen)?.includes(`deploy ${component}`) === true);

	session.write(`/${other.slice('deploy '.length)}`);
	await session.waitFor(`/${other.slice('deploy '.length)}`);
	session.write('\r');
	await session.waitFor(
		screen => cursorRow(screen)?.includes(other) === true && /\(Esc clears\)/.test(screen),
	);
	session.write('a');
	await session.waitFor('a approve: this step is not waiting for an approval');
	expect(session.text()).not.toContain('Approve the plan?');

	session.write('\u001B'); // clears the filter: the cursor stays on the row it was on
	await session.waitFor(/ done \(\d+\) /); // the title counts every step again
	expect(cursorRow(session.text())).toContain(other);
	expect(answers(requests)).toEqual([]);

	session.write('g'); // the waiting step is the first: the one a now approves, naming it
	await session.waitFor(screen => cursorRow(screen)?.includes(`deploy ${component}`) === true);
	session.write('a');
	await session.waitFor(new RegExp(`Approve the plan\\?[\\s\\S]*step\\s+deploy ${component}`));
	await new Promise(resolve => setTimeout(resolve, KEY_GUARD_MS + 50));
	session.write('y');
	await session.waitFor(`✓ approved the plan of deploy ${component}`);
	expect(answers(requests)).toHaveLength(1);
	session.write('q');
	expect((await session.exited).exitCode).toBe(0);
});
