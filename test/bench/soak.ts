// npm run soak [-- --minutes N]: watch the demo rollout for a long time with faults on and a log
// stream open, then report crashes (must be 0), requests made and resident memory over time.
import {
	followNewestRunLogs,
	lastQuarterGrowth,
	requestsMade,
	rssAt,
	sampleMemory,
	sleep,
	startLongRun,
} from './long-run.js';

const minutesArg = process.argv.indexOf('--minutes');
const MINUTES = minutesArg > 0 ? Number(process.argv[minutesArg + 1]) : 30;
const FAULTS =
	'latency=150,error-rate=0.1,html-502,429-every=40,retry-after=3,' +
	'reset-every=45,hang-every=70,bad-json-every=55';

const board = startLongRun('board', ['watch', '--demo', '--demo-faults', FAULTS]);
const logs = startLongRun('logs', ['--demo', '--demo-faults', FAULTS]);
await sleep(4000);
await followNewestRunLogs(logs);
// Each health-probe run's stream closes after 40 s; a run starts every 90 s.
const minutes = await sampleMemory([board, logs], MINUTES, () => followNewestRunLogs(logs), 90_000);
console.log(`soak: ${minutes.toFixed(1)} minutes, faults ${FAULTS}`);
console.log(
	'| session | crashes | requests | requests/min | RSS start | RSS middle | RSS end | last quarter growth |',
);
console.log('|---|---|---|---|---|---|---|---|');
let failed = false;
for (const run of [board, logs]) {
	const count = requestsMade(run);
	const mb = (fraction: number) => `${rssAt(run.rss, fraction)?.toFixed(0)} MB`;
	console.log(
		`| ${run.name} | ${run.crashed ? 1 : 0} | ${count} | ${(count / minutes).toFixed(0)} | ${mb(0)} | ` +
			`${mb(0.5)} | ${mb(1)} | ${lastQuarterGrowth(run.rss).toFixed(1)}% |`,
	);
	if (run.crashed) {
		console.log(`  ${run.name} ${run.crashed}`);
		failed = true;
	}
	run.session.kill();
}
process.exit(failed ? 1 : 0);
