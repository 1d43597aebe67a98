// Many approvals waiting at once (`--waiting-approvals N`, `--demo-waiting-approvals N`): the queue
// lists every one, a row each, on both servers.
import {afterEach, describe, expect, it} from 'vitest';
import {parseCommand, UsageError} from '../../source/args.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {renderExplorer} from '../helpers/render-app.js';

let demo: DemoServer | undefined;
let app: ReturnType<typeof renderExplorer> | undefined;
afterEach(async () => {
	await app?.cleanup();
	await demo?.close();
	[app, demo] = [undefined, undefined];
});

const waitingOf = (argv: string[]) => {
	const command = parseCommand(argv);
	return command.kind === 'demo-server' ? command.waitingApprovals : undefined;
};

describe('--waiting-approvals', () => {
	it('takes a whole number, none by default', () => {
		expect(waitingOf(['demo-server', '--waiting-approvals', '500'])).toBe(500);
		expect(waitingOf(['demo-server'])).toBe(0);
		expect(() => parseCommand(['demo-server', '--waiting-approvals', '2.5'])).toThrow(UsageError);
		expect(() => parseCommand(['demo-server', '--waiting-approvals', '-1'])).toThrow(UsageError);
		const explore = parseCommand(['--demo', '--demo-waiting-approvals', '30']);
		expect(explore.kind === 'explore' && explore.demoWaitingApprovals).toBe(30);
	});
});

describe.each(SERVER_VERSIONS)('many approvals waiting at once on the %s server', api => {
	it('the queue lists every one, a row each, in an org grown to hold them', async () => {
		const waiting = waitingOf(['demo-server', '--waiting-approvals', '40'])!;
		demo = await startDemoServer({api, waitingApprovals: waiting});
		demo.scenario.setClock(600); // the scenario's own have been answered by then
		expect(demo.scenario.installs.length).toBeGreaterThan(40);
		app = renderExplorer(demo, {size: {columns: 120, rows: 60}});
		await app.waitFor('Installs');
		await app.press('Q');
		const queue = await app.waitFor(/Approvals · 40 waiting \(40\)/, 15_000);
		// A row each (the screen holds them all): an install's Terraform plan.
		expect(queue.split('\n').filter(line => / Terraform +\S+ ago /.test(line))).toHaveLength(40);
	});
});
