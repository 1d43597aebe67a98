// Bench rows: keypress → the frame that answers it, moving the cursor down a long list, measured in
// a real pseudo-terminal from the write of the key to the first byte of the explorer's answer.
import {explorer, startDemo} from './demo-process.js';
import type {Row} from './fleet-rows.js';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** What a timed list is: the demo behind it, and the keys that open it whole. */
interface TimedList {
	demoArgs: string[];
	/** Keys that open the list, pressed once the installs show. */
	open?: string;
	/** The list's title once every row has loaded (G pages on to the end until it shows). */
	loaded: RegExp;
}

/**
 * The warm-up before the timed presses: the same for every list, and long enough that neither the
 * explorer's code nor the bench's own terminal emulator is measured cold. Without it the figure
 * depended on the order the lists ran in (50 installs measured first: 21.9 ms; second: 10.6 ms).
 */
const WARM_UP_PRESSES = 120;

async function keypressMs({demoArgs, open, loaded}: TimedList, presses: number): Promise<number> {
	const demo = await startDemo(demoArgs);
	const session = explorer(demo.url, ['--refresh', '600']);
	try {
		await session.waitFor(/Installs \(/, 20_000);
		if (open) session.write(open);
		while (!loaded.test(session.text())) {
			session.write('G');
			await sleep(150);
			await session.flush();
		}
		for (let press = 0; press < WARM_UP_PRESSES; press++) {
			session.write(press % 40 < 20 ? 'j' : 'k');
			await sleep(30);
		}
		session.write('g');
		await sleep(500);
		const times: number[] = [];
		for (let press = 0; press < presses; press++) {
			const answered = session.nextOutput();
			const sent = performance.now();
			session.write('j');
			times.push((await answered) - sent);
			await sleep(60);
		}
		return median(times);
	} finally {
		session.kill();
		await session.exited;
		demo.stop();
	}
}

const installsList = (installs: number): TimedList => ({
	demoArgs: ['--installs', String(installs), '--at', '90000'],
	loaded: new RegExp(`Installs \\(${installs}\\)`),
});

/** The approvals queue with `waiting` plans waiting at once (the scenario's own answered by --at 600). */
const approvalsQueue = (waiting: number): TimedList => ({
	demoArgs: ['--waiting-approvals', String(waiting), '--at', '600'],
	open: 'Q',
	loaded: new RegExp(`Approvals · ${waiting} waiting \\(${waiting}\\)`),
});

const row = (figure: string, ms: number, limit: number): Row => ({
	figure,
	value: `${ms.toFixed(1)} ms`,
	target: `≤ ${limit} ms`,
	pass: ms <= limit,
});

export async function keypressRows(quick: boolean): Promise<Row[]> {
	const presses = quick ? 25 : 40;
	const large = await keypressMs(installsList(5000), presses);
	const small = await keypressMs(installsList(50), presses);
	const approvals = await keypressMs(approvalsQueue(500), presses);
	return [
		row('keypress → frame, cursor down 5,000 installs', large, 12),
		row('keypress → frame, cursor down 50 installs', small, 12),
		{
			figure: 'keypress cost ratio 5,000 / 50',
			value: (large / small).toFixed(2),
			target: '≤ 1.2',
			pass: large / small <= 1.2,
		},
		row('keypress → frame, cursor down the approvals queue (500 waiting)', approvals, 16),
	];
}
