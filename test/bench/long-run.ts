// Long-running explorer sessions for `npm run soak` and the bench's memory row: each runs the built
// CLI in a pseudo-terminal with a request log, and its resident memory is sampled over time.
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startPty, type PtySession} from '../helpers/pty.js';

export interface LongRun {
	name: string;
	session: PtySession;
	/** The session's --debug request log. */
	debug: string;
	/** Resident memory samples, MB. */
	rss: number[];
	crashed?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'nuon-tui-long-run-'));
export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export function startLongRun(name: string, args: string[], env: Record<string, string> = {}): LongRun {
	const debug = join(dir, `${name}.log`);
	const session = startPty([...args, '--debug', debug], {columns: 120, rows: 36, env});
	const run: LongRun = {name, session, debug, rss: []};
	void session.exited.then(({exitCode}) => {
		run.crashed =
			`exited with ${exitCode}: ` + `${session.text().split('\n').filter(Boolean).slice(-3).join(' | ')}`;
	});
	return run;
}

function rssMb(session: PtySession): number | undefined {
	const status = `/proc/${session.pty.pid}/status`;
	if (!existsSync(status)) return undefined;
	const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1];
	return kb ? Number(kb) / 1024 : undefined;
}

/** GET requests the session has made so far (from its request log). */
export function requestsMade(run: LongRun): number {
	return existsSync(run.debug)
		? readFileSync(run.debug, 'utf8')
				.split('\n')
				.filter(line => / GET /.test(line)).length
		: 0;
}

/** Goes back to the installs, opens the newest action run of the first install and follows its logs. */
export async function followNewestRunLogs(run: LongRun): Promise<void> {
	for (let i = 0; i < 6; i++) run.session.write('\u001B');
	await sleep(300);
	run.session.write('A');
	await sleep(1500);
	run.session.write('\r');
	await sleep(1500);
	run.session.write('L');
}

/**
 * Samples every session's memory every 5 s for `minutes`, calling `reopen` each `reopenMs` (a
 * run's log stream closes when the run ends: the log session follows the next one). Stops early
 * when a session exits.
 */
export async function sampleMemory(
	runs: LongRun[],
	minutes: number,
	reopen: () => Promise<void>,
	reopenMs: number,
): Promise<number> {
	const started = Date.now();
	let lastReopen = started;
	while (Date.now() - started < minutes * 60_000 && runs.every(run => !run.crashed)) {
		for (const run of runs) {
			const rss = rssMb(run.session);
			if (rss !== undefined) run.rss.push(rss);
		}
		if (Date.now() - lastReopen > reopenMs) {
			await reopen();
			lastReopen = Date.now();
		}
		await sleep(5000);
	}
	return (Date.now() - started) / 60_000;
}

/** Growth of resident memory over the last quarter of the samples, in percent. */
export function lastQuarterGrowth(rss: number[]): number {
	const quarter = rss[Math.floor((rss.length * 3) / 4)] ?? NaN;
	return ((rss.at(-1)! - quarter) / quarter) * 100;
}

export const rssAt = (rss: number[], fraction: number) =>
	rss[Math.min(rss.length - 1, Math.floor(rss.length * fraction))];
