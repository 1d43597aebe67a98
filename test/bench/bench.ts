// npm run bench: the built CLI in a real pseudo-terminal against the demo API running as a separate
// process. Prints one table; each figure is the median of several runs. `--quick` runs fewer.
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {arch, platform, tmpdir} from 'node:os';
import {join} from 'node:path';
import {startPty, type PtySession} from '../helpers/pty.js';
import {secondInstall} from '../helpers/scenario.js';
import {NuonClient} from '../../source/api/client.js';
import {getActionRun, getLatestDeploy, listInstallsPage, listLatestRuns} from '../../source/api/resources.js';
import {LogTail} from '../../source/state/log-tail.js';
import {startDemoServer} from '../../source/demo/server.js';
import {Scenario} from '../../source/demo/scenario.js';
import {apiEnv, explorer, startDemo} from './demo-process.js';
import {fleetRows, type Row} from './fleet-rows.js';
import {keypressRows} from './keypress-rows.js';
import {weightRows} from './weight-rows.js';
import {followNewestRunLogs, lastQuarterGrowth, rssAt, sampleMemory, startLongRun} from './long-run.js';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 5;
/** Start-up against the floor: at least 7 interleaved runs of each, in quick runs too (`--startup-runs N` for
 * more). */
const STARTUP_RUNS = process.argv.includes('--startup-runs')
	? Number(process.argv[process.argv.indexOf('--startup-runs') + 1])
	: quick
		? 7
		: 11;
const COLUMNS = 100;
const BINARY = `dist/nuon-tui-${platform()}-${arch()}`;
/** Rewriting one whole line: its characters plus cursor moves and colour codes. */
const ONE_LINE_BYTES = COLUMNS * 2;

/** The demo org's size (demo-server's default). */
const DEMO_INSTALLS = new Scenario({startedAt: 0}).installs.length;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Spawn to the write after which the screen shows installs (checked on each write). */
async function untilInstallsShow(session: PtySession, started: number): Promise<number> {
	let lastOutput = started;
	session.pty.onData(() => (lastOutput = performance.now()));
	try {
		for (const deadline = started + 20_000; performance.now() < deadline; ) {
			await session.flush();
			if (session.text().includes('acme-corp-prod')) return lastOutput - started;
			await Promise.race([session.nextOutput(), sleep(100)]);
		}
		throw new Error(`no installs on screen after 20 s:\n${session.text()}`);
	} finally {
		session.kill();
		await session.exited;
	}
}

/** The explorer: spawn to the write that completes its first frame with installs. */
async function startupMs(url: string): Promise<number> {
	const started = performance.now();
	return untilInstallsShow(explorer(url), started);
}

/** The single executable (npm run build:binary), timed the same way. */
async function binaryStartupMs(url: string): Promise<number> {
	const started = performance.now();
	return untilInstallsShow(startPty([], {env: apiEnv(url), executable: BINARY}), started);
}

/**
 * The floor: a plain Node script with no dependencies that fetches the same installs page from the
 * same API and prints the names, spawned in the same pseudo-terminal and timed the same way.
 */
const FLOOR_SCRIPT = `const api = process.env.NUON_API_URL;
const headers = {
	authorization: 'Bearer ' + process.env.NUON_API_TOKEN,
	'x-nuon-org-id': process.env.NUON_ORG_ID,
};
const response = await fetch(api + '/v1/installs?limit=100', {headers});
const installs = await response.json();
process.stdout.write(installs.slice(0, 25).map(install => install.name).join('\\n') + '\\n');
`;

async function floorMs(url: string): Promise<number> {
	const script = join(tmpdir(), 'nuon-tui-bench-floor.mjs');
	writeFileSync(script, FLOOR_SCRIPT);
	const started = performance.now();
	return untilInstallsShow(startPty([], {env: apiEnv(url), entry: script}), started);
}

/** Bytes written while nothing changes and no refresh is due. */
async function idleBytes(url: string, windowMs: number): Promise<number> {
	const session = explorer(url, ['--refresh', '600']);
	await session.waitFor(/updated \d\d:\d\d:\d\d/, 20_000);
	await sleep(1000);
	const before = session.bytes();
	await sleep(windowMs);
	const written = session.bytes() - before;
	session.kill();
	await session.exited;
	return written;
}

/** Bytes written per refresh when the data has not changed (settled org). */
async function bytesPerUnchangedRefresh(url: string, windowMs: number): Promise<number> {
	const session = explorer(url, ['--refresh', '1']);
	await session.waitFor(/updated \d\d:\d\d:\d\d/, 20_000);
	await sleep(1500);
	const before = session.bytes();
	await sleep(windowMs);
	const written = session.bytes() - before;
	session.kill();
	await session.exited;
	return written / (windowMs / 1000); // one refresh a second
}

/**
 * Bytes per refresh when one row's status flips at every refresh (not the selected row, so the
 * detail pane stays as it is), against the same refresh with nothing changed.
 */
async function bytesPerRowChange(windowMs: number): Promise<{perRefresh: number; rowBytes: number}> {
	let flip = false;
	const holder: {demo?: Awaited<ReturnType<typeof startDemoServer>>} = {};
	holder.demo = await startDemoServer({
		intercept: (request, response) => {
			const demo = holder.demo;
			if (!demo || !request.url?.startsWith('/v1/installs?')) return false;
			flip = !flip;
			const items = demo.scenario.installs.map(install =>
				demo.scenario.install(install, demo.scenario.clock()),
			);
			items[1]!.composite_component_status = flip ? 'error' : 'active';
			response
				.writeHead(200, {'content-type': 'application/json', 'x-nuon-page-next': 'false'})
				.end(JSON.stringify(items));
			return true;
		},
	});
	holder.demo.scenario.setClock(90_000);
	const session = explorer(holder.demo.url, ['--refresh', '1']);
	try {
		await session.waitFor(/updated \d\d:\d\d:\d\d/, 20_000);
		await sleep(1500);
		const before = session.bytes();
		await sleep(windowMs);
		const perRefresh = (session.bytes() - before) / (windowMs / 1000);
		// The changed line's own bytes: the screen line as it shows (both panes share it; Ink rewrites
		// it from its first changed cell to its end).
		const row = session.screen().find(line => line.includes(secondInstall(holder.demo!.scenario).name)) ?? '';
		return {perRefresh, rowBytes: Buffer.byteLength(row)};
	} finally {
		session.kill();
		await session.exited;
		await holder.demo.close();
	}
}

/** Requests a minute the log view's tail makes on a stream, after its first load. */
async function logRequestsPerMinute(
	url: string,
	pick: (client: NuonClient) => Promise<string>,
	windowMs: number,
): Promise<number> {
	const client = new NuonClient({baseUrl: url, token: 'bench', orgId: 'bench'});
	const tail = new LogTail(client, await pick(client));
	tail.start();
	while (tail.state.phase === 'loading') await sleep(20);
	const after = tail.state.requests;
	await sleep(windowMs);
	const made = tail.state.requests - after;
	tail.stop();
	await client.close();
	return (made / windowMs) * 60_000;
}

async function logRows(quick: boolean): Promise<Row[]> {
	// Scenario second 1: every install's health-probe run has just started and runs for 40 s.
	const live = await startDemo(['--at', '1']);
	try {
		const windowMs = quick ? 10_000 : 30_000;
		const openStream = async (client: NuonClient) => {
			const install = (await listInstallsPage(client, 0)).items[0]!;
			const listed = (await listLatestRuns(client, install.id!))
				.flatMap(w => w.runs ?? [])
				.find(r => r.status === 'in-progress')!;
			// Today's latest runs carry no log stream: the run by id does.
			return (await getActionRun(client, install.id!, listed.id!)).log_stream!.id!;
		};
		const closedStream = async (client: NuonClient) => {
			const install = (await listInstallsPage(client, 0)).items.at(-1)!;
			const deploy = await getLatestDeploy(
				client,
				install.id!,
				Object.keys(install.component_statuses ?? {})[0]!,
			);
			return deploy.log_stream!.id!;
		};
		const following = await logRequestsPerMinute(live.url, openStream, windowMs);
		const closed = await logRequestsPerMinute(live.url, closedStream, windowMs);
		return [
			{
				figure: 'log view: requests/min following an open stream',
				value: following.toFixed(0),
				target: '≤ 60 (2 s polls)',
				pass: following <= 60,
				gate: true,
			},
			{
				figure: 'log view: requests/min on a closed stream',
				value: closed.toFixed(0),
				target: '0',
				pass: closed === 0,
				gate: true,
			},
		];
	} finally {
		live.stop();
	}
}

/**
 * The paths of the API requests the explorer started with `args` at scenario second `at` makes in
 * `windowMs` once `ready` (the screen to measure) is done: the demo API runs in this process.
 */
async function requestPaths(
	at: number,
	args: string[],
	ready: (session: PtySession) => Promise<void>,
	windowMs: number,
): Promise<string[]> {
	const paths: string[] = [];
	const demo = await startDemoServer({
		intercept: request => {
			paths.push(new URL(request.url ?? '/', 'http://x').pathname);
			return false;
		},
	});
	demo.scenario.setClock(at);
	const session = explorer(demo.url, args);
	try {
		await ready(session);
		const before = paths.length;
		await sleep(windowMs);
		return paths.slice(before);
	} finally {
		session.kill();
		await session.exited;
		await demo.close();
	}
}

const perMinute = (paths: string[], windowMs: number, which: (path: string) => boolean = () => true) =>
	(paths.filter(which).length / windowMs) * 60_000;

/** API requests a minute (see requestPaths). */
const requestsPerMinute = async (
	at: number,
	args: string[],
	ready: (session: PtySession) => Promise<void>,
	windowMs: number,
) => perMinute(await requestPaths(at, args, ready, windowMs), windowMs);

/** The board in watch mode: the paths it asks for. */
const boardRequests = (at: number, windowMs: number) =>
	requestPaths(
		at,
		['watch'],
		async session => {
			await session.waitFor(/Ledgerly\s+vpc-netw/, 20_000);
			await sleep(3000); // past start-up's one-off requests
		},
		windowMs,
	);

/** What the board's cells, counts and approvals come from: the org's installs list, with each component's
 * latest deploy. */
const INSTALLS_LIST = (path: string) => path === '/v1/installs';

async function watchRows(quick: boolean): Promise<Row[]> {
	const windowMs = quick ? 10_000 : 30_000;
	const rolloutPaths = await boardRequests(0, windowMs);
	const rollout = perMinute(rolloutPaths, windowMs);
	const statuses = perMinute(rolloutPaths, windowMs, INSTALLS_LIST);
	const settled = perMinute(await boardRequests(90_000, 30_000), 30_000); // two slow polls at least
	// The official CLI's preview refetches everything every 5 s: the installs and each install's components.
	const installs = DEMO_INSTALLS;
	const official = 12 * (1 + installs);
	return [
		{
			figure: `watch board: requests/min, rollout in progress (${installs} installs)`,
			value: rollout.toFixed(0),
			target: `< official CLI's ${official} (computed: 12 × (1 + ${installs}))`,
			pass: rollout < official,
			gate: true,
		},
		{
			figure: `watch board: requests/min for statuses and approvals (the installs list), rollout in progress`,
			value: statuses.toFixed(0),
			target: `≤ ${30 * Math.ceil(installs / 100)} (a page of 100 every 2 s; approvals ask nothing more)`,
			pass: statuses <= 30 * Math.ceil(installs / 100),
			gate: true,
		},
		{
			figure: 'watch board: requests/min, everything settled',
			value: settled.toFixed(0),
			target: '≤ 5 (15 s polls)',
			pass: settled <= 5,
			gate: true,
		},
	];
}

/**
 * A workflow's steps on screen, opened with `w` from its install: the one whose Terraform plan
 * waits for approval in the demo's rollout.
 */
const workflowRequestsPerMinute = (at: number, watch: boolean, windowMs: number) => {
	const install = new Scenario({startedAt: 0}).installs.find(found =>
		found.components.some(ic => ic.rollout?.schedule.approval?.type === 'terraform_plan'),
	)!;
	return requestsPerMinute(
		at,
		['--install', install.name],
		async session => {
			await session.waitFor(`Components of ${install.name}`, 20_000);
			// A key written the moment a list appears is sometimes not taken (seen in CI): press again.
			for (let tries = 1; ; tries++) {
				session.write('w');
				const shown = await session.waitFor(/deploy components/, 5000).then(
					() => true,
					() => false,
				);
				if (shown) break;
				if (tries === 4) throw new Error(`w opened no workflows:\n${session.text()}`);
			}
			session.write('\r');
			await session.waitFor(/Steps of .* · /, 20_000);
			if (watch) session.write('W');
			await sleep(1000); // past the levels' first loads
		},
		windowMs,
	);
};

async function workflowRows(quick: boolean): Promise<Row[]> {
	const windowMs = quick ? 10_000 : 30_000;
	// Scenario second 20: a step waits for approval; second 900: the workflow has finished.
	const running = await workflowRequestsPerMinute(20, false, windowMs);
	const runningWatched = await workflowRequestsPerMinute(20, true, windowMs);
	const finished = await workflowRequestsPerMinute(900, true, windowMs);
	return [
		{
			figure: 'workflow steps: requests/min while it runs (5 s refresh)',
			value: running.toFixed(0),
			target: '≤ 12 (the dashboard: 15, every 4 s)',
			pass: running <= 12,
			gate: true,
		},
		{
			figure: 'workflow steps: requests/min while it runs (watch mode)',
			value: runningWatched.toFixed(0),
			target: '≤ 30 (2 s polls, one request each)',
			pass: runningWatched <= 30,
			gate: true,
		},
		{
			figure: 'workflow steps: requests/min once it has finished',
			value: finished.toFixed(0),
			target: '0',
			pass: finished === 0,
			gate: true,
		},
	];
}

/**
 * Resident memory of the board (watch mode) and of a log view over minutes of the demo at 4× speed:
 * the rollout, then a health-probe run every 22 s whose stream the log view follows.
 */
async function memoryRows(minutes: number): Promise<Row[]> {
	const speed = 4;
	const demo = await startDemo(['--speed', String(speed), '--at', '0']);
	const env = apiEnv(demo.url);
	const board = startLongRun('board', ['watch'], env);
	const logs = startLongRun('logs', [], env);
	try {
		await logs.session.waitFor('acme-corp-prod', 20_000);
		await followNewestRunLogs(logs);
		const ran = await sampleMemory([board, logs], minutes, () => followNewestRunLogs(logs), 90_000 / speed);
		return [board, logs].map(run => {
			if (run.crashed) throw new Error(`the ${run.name} session ${run.crashed}`);
			const growth = lastQuarterGrowth(run.rss);
			return {
				figure:
					`memory: ${run.name === 'board' ? 'watch board' : 'log view following runs'}, ` +
					`${Number(ran.toFixed(1))} min at ${speed}× speed`,
				value:
					`${rssAt(run.rss, 1)!.toFixed(0)} MB (start ${rssAt(run.rss, 0)!.toFixed(0)} MB, last ` +
					`quarter ${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%)`,
				// A few minutes are mostly the heap's warm-up: the target holds for the 10-minute run.
				target: quick ? 'report (the < 5% target is for the 10-minute run)' : 'last quarter grows < 5%',
				pass: quick ? undefined : growth < 5,
			};
		});
	} finally {
		for (const run of [board, logs]) run.session.kill();
		await Promise.all([board.session.exited, logs.session.exited]);
		demo.stop();
	}
}

/** Start-up of `node bin/nuon-tui.js` and of the single executable against the floor, on a settled org. */
async function startupRows(url: string): Promise<Row[]> {
	execFileSync(process.execPath, ['scripts/build-binary.js', '--reuse'], {stdio: 'ignore'});
	// Interleaved, so that all three see the same machine.
	const startups: number[] = [];
	const binaries: number[] = [];
	const floors: number[] = [];
	for (let run = 0; run < STARTUP_RUNS; run++) {
		startups.push(await startupMs(url));
		binaries.push(await binaryStartupMs(url));
		floors.push(await floorMs(url));
	}
	const floor = median(floors);
	const figures = (what: string, times: number[]): Row[] => [
		{
			figure: `start-up: ${what} (pty)`,
			value: `${median(times).toFixed(0)} ms`,
			target: 'report',
			pass: undefined,
		},
		{
			figure: `  its ratio to the floor`,
			value: (median(times) / floor).toFixed(2),
			target: '≤ 1.5',
			pass: median(times) / floor <= 1.5,
		},
	];
	return [
		{
			figure: 'floor: a plain node script fetching and printing them (pty)',
			value: `${floor.toFixed(0)} ms`,
			target: 'report',
			pass: undefined,
		},
		...figures('node bin/nuon-tui.js, spawn → first frame with installs', startups),
		...figures('the single executable, the same', binaries),
	];
}

/** What the terminal is sent: idle, on a refresh that changes nothing, for one changed row. */
async function byteRows(url: string): Promise<Row[]> {
	const idle: number[] = [];
	const refresh: number[] = [];
	const withChange: number[] = [];
	let lineBytes = 0;
	for (let run = 0; run < (quick ? 1 : RUNS); run++) {
		idle.push(await idleBytes(url, quick ? 2000 : 5000));
		refresh.push(await bytesPerUnchangedRefresh(url, quick ? 3000 : 6000));
		const changed = await bytesPerRowChange(quick ? 3000 : 6000);
		withChange.push(changed.perRefresh);
		lineBytes = changed.rowBytes;
	}
	const rowChange = median(withChange) - median(refresh);
	return [
		{
			figure: 'bytes written by an idle screen (between refreshes)',
			value: String(median(idle)),
			target: '0',
			pass: median(idle) === 0,
			gate: true,
		},
		{
			figure: 'bytes for one changed row (refresh with a change − without)',
			value: rowChange.toFixed(0),
			target: `≤ 2 × the line's ${lineBytes} B = ${2 * lineBytes} B`,
			pass: rowChange <= 2 * lineBytes,
			gate: true,
		},
		{
			figure: 'bytes written by a refresh that changes nothing',
			value: median(refresh).toFixed(0),
			target: `≤ one ${COLUMNS}-column line with escapes (${ONE_LINE_BYTES} B)`,
			pass: median(refresh) <= ONE_LINE_BYTES,
			gate: true,
		},
	];
}

/** With a demo-server a day after the rollout: nothing changes and every age reads in days. */
async function onSettledOrg(rows: (url: string) => Promise<Row[]>): Promise<Row[]> {
	const settled = await startDemo(['--at', '90000']);
	try {
		return await rows(settled.url);
	} finally {
		settled.stop();
	}
}

/**
 * The groups of rows, by the name `--only` takes. Timings run one at a time, alone on the machine;
 * the request counts, which a busy machine does not change, run side by side with the memory runs.
 */
const TIMED = {
	startup: () => onSettledOrg(startupRows),
	bytes: () => onSettledOrg(byteRows),
	keys: () => keypressRows(quick),
};
const SIDE_BY_SIDE = {
	logs: () => logRows(quick),
	watch: () => watchRows(quick),
	workflows: () => workflowRows(quick),
	fleet: () => fleetRows(quick, requestPaths),
	weight: () => weightRows(),
	memory: () => memoryRows(quick ? QUICK_MEMORY_MINUTES : 10),
};
type Group = keyof typeof TIMED | keyof typeof SIDE_BY_SIDE;
/** A quick run's memory runs: long enough to see the heap settle, short enough for CI. */
const QUICK_MEMORY_MINUTES = 1;

function chosenGroups(): Set<Group> {
	const all = [...Object.keys(TIMED), ...Object.keys(SIDE_BY_SIDE)] as Group[];
	const at = process.argv.indexOf('--only');
	if (at < 0) return new Set(all);
	const named = (process.argv[at + 1] ?? '').split(',');
	const unknown = named.filter(name => !all.includes(name as Group));
	if (unknown.length || !named[0])
		throw new Error(`--only takes a comma-separated list of ${all.join(', ')}`);
	return new Set(named as Group[]);
}

async function main() {
	const groups = chosenGroups();
	const started = performance.now();
	const rows: Row[] = [];
	for (const [name, run] of Object.entries(TIMED)) if (groups.has(name as Group)) rows.push(...(await run()));
	const sideBySide = Object.entries(SIDE_BY_SIDE).filter(([name]) => groups.has(name as Group));
	for (const group of await Promise.all(sideBySide.map(([, run]) => run()))) rows.push(...group);
	printTable(rows, groups, (performance.now() - started) / 1000);
	const regressions = rows.filter(row => row.gate && row.pass === false);
	if (regressions.length) {
		console.log(
			`\nMISS on a count (a regression, not noise): ${regressions.map(row => row.figure).join('; ')}`,
		);
		process.exitCode = 1;
	}
}

function printTable(rows: Row[], groups: Set<Group>, seconds: number) {
	const header = ['figure', 'value', 'target', 'result'];
	const cells = rows.map(r => [
		r.figure,
		r.value,
		r.target,
		r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i]!.length)));
	const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
	console.log(line(header));
	console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
	for (const c of cells) console.log(line(c));
	const notes = [
		groups.has('startup') && `start-up: median of ${STARTUP_RUNS} interleaved runs of each`,
		groups.has('bytes') && `bytes: ${quick ? '1 run' : `median of ${RUNS} runs`}`,
		groups.has('keys') && 'keypresses: median of all presses',
		`node ${process.version}`,
		`${quick ? 'quick' : 'full'} run in ${seconds.toFixed(0)} s`,
	].filter(Boolean);
	console.log(`\n(${notes.join('; ')})`);
}

await main();
process.exit(process.exitCode ?? 0);
