// npm run soak [-- --minutes N]: watch the demo rollout for a long time with faults on and a log
// stream open, then report crashes (must be 0), requests made and resident memory over time.
import {existsSync, readFileSync} from 'node:fs';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startPty, type PtySession} from '../helpers/pty.js';

const minutesArg = process.argv.indexOf('--minutes');
const MINUTES = minutesArg > 0 ? Number(process.argv[minutesArg + 1]) : 30;
const FAULTS = 'latency=150,error-rate=0.1,html-502,429-every=40,retry-after=3,reset-every=45,hang-every=70,bad-json-every=55';
const dir = mkdtempSync(join(tmpdir(), 'nuon-tui-soak-'));
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function rssMb(session: PtySession): number | undefined {
	const status = `/proc/${session.pty.pid}/status`;
	if (!existsSync(status)) return undefined;
	const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1];
	return kb ? Number(kb) / 1024 : undefined;
}

function requests(file: string): number {
	return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(line => / GET /.test(line)).length : 0;
}

interface Watched {
	name: string;
	session: PtySession;
	debug: string;
	rss: number[];
	crashed?: string;
}

function start(name: string, args: string[]): Watched {
	const debug = join(dir, `${name}.log`);
	const session = startPty([...args, '--demo-faults', FAULTS, '--debug', debug], {columns: 120, rows: 36});
	const watched: Watched = {name, session, debug, rss: []};
	void session.exited.then(({exitCode}) => {
		watched.crashed = `exited with ${exitCode}: ${session.text().split('\n').filter(Boolean).slice(-3).join(' | ')}`;
	});
	return watched;
}

/** Opens the newest health-probe run of the first install and follows its logs. */
async function openLatestRunLogs(logs: Watched): Promise<void> {
	for (let i = 0; i < 6; i++) logs.session.write('\u001B');
	await sleep(300);
	logs.session.write('A');
	await sleep(1500);
	logs.session.write('\r');
	await sleep(1500);
	logs.session.write('L');
}

const board = start('board', ['watch', '--demo']);
const logs = start('logs', ['--demo']);
await sleep(4000);
await openLatestRunLogs(logs);
const started = Date.now();
const end = started + MINUTES * 60_000;
let lastReopen = Date.now();
while (Date.now() < end && !board.crashed && !logs.crashed) {
	for (const watched of [board, logs]) {
		const rss = rssMb(watched.session);
		if (rss !== undefined) watched.rss.push(rss);
	}
	if (Date.now() - lastReopen > 90_000) {
		await openLatestRunLogs(logs); // each run's stream closes after 40 s: follow the next one
		lastReopen = Date.now();
	}
	await sleep(5000);
}
const minutes = (Date.now() - started) / 60_000;
console.log(`soak: ${minutes.toFixed(1)} minutes, faults ${FAULTS}`);
console.log('| session | crashes | requests | requests/min | RSS start | RSS middle | RSS end | last quarter growth |');
console.log('|---|---|---|---|---|---|---|---|');
let failed = false;
for (const watched of [board, logs]) {
	const count = requests(watched.debug);
	const rss = watched.rss;
	const quarter = rss[Math.floor((rss.length * 3) / 4)] ?? NaN;
	const growth = ((rss.at(-1)! - quarter) / quarter) * 100;
	console.log(
		`| ${watched.name} | ${watched.crashed ? 1 : 0} | ${count} | ${(count / minutes).toFixed(0)} | ${rss[0]?.toFixed(0)} MB | ${rss[Math.floor(rss.length / 2)]?.toFixed(0)} MB | ${rss.at(-1)?.toFixed(0)} MB | ${growth.toFixed(1)}% |`,
	);
	if (watched.crashed) {
		console.log(`  ${watched.name} ${watched.crashed}`);
		failed = true;
	}
	watched.session.kill();
}
process.exit(failed ? 1 : 0);
