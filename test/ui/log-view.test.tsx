// The log view's movement keys: n/N on a short log, f pausing while lines keep arriving, G and g.
import {readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, it, vi} from 'vitest';
import type {DemoServer} from '../../source/demo/server.js';
import {demoForTest} from '../helpers/demo-server.js';
import {renderExplorer} from '../helpers/render-app.js';
import {firstInstall, logStreamOf, rolloutComponent} from '../helpers/scenario.js';

let app: ReturnType<typeof renderExplorer> | undefined;
const dir = join(tmpdir(), 'nuon-tui-log-view-missing');
afterEach(async () => {
	await app?.cleanup();
	app = undefined;
	vi.restoreAllMocks();
});

/** A Terraform component's deploy in the rollout: its plan job's stream has over 250 records. */
function planJob(server: DemoServer) {
	const ic = rolloutComponent(firstInstall(server.scenario), 'terraform_module');
	return {stream: logStreamOf(server.scenario, ic), schedule: ic.rollout!.schedule};
}

/** The closed log of the first install's image sync, opened. */
async function openSyncLogs(size = {columns: 100, rows: 30}) {
	const demo = await demoForTest();
	demo.scenario.setClock(400);
	const ic = rolloutComponent(firstInstall(demo.scenario), 'docker_build');
	const streamId = logStreamOf(demo.scenario, ic, 'sync');
	app = renderExplorer(demo, {start: [{kind: 'logs', streamId, title: 'sync'}], size});
	return {app, demo, streamId, before: await app.waitFor('stream closed')};
}

it('n on a log shorter than the screen leaves it where it is', async () => {
	const {before} = await openSyncLogs();
	if (!app) throw new Error('not rendered');
	const firstLine = before.split('\n').find(line => line.includes('picked up job'))!;
	for (const key of '/copying') await app.press(key);
	await app.press('\r', 'n', 'n');
	await app.waitFor(/search "copying": 6 matches/);
	expect(app.frame()).toContain(firstLine.slice(2, 60));
});

it('g goes to the start of the stream, loading every older page on the way', async () => {
	const demo = await demoForTest();
	demo.scenario.setClock(400);
	const {stream} = planJob(demo);
	const all = demo.scenario.logRecords(stream, demo.scenario.clock())!;
	app = renderExplorer(demo, {start: [{kind: 'logs', streamId: stream, title: 'plan'}]});
	await app.waitFor('older lines above');
	for (const key of '/Refreshing state') await app.press(key);
	await app.press('\r');
	await app.waitFor(/search "Refreshing state": \d+ matches in the loaded lines \(g loads all\)/);
	await app.press('g');
	await app.waitFor(frame => frame.includes(`(${all.length} lines)`) && !frame.includes('older lines above'));
	await app.waitFor('search "Refreshing state": 250 matches');
	expect(app.frame()).not.toContain('in the loaded lines');
	expect(app.frame()).toContain('picked up job');
});

it('f pauses the view while lines keep arriving and says how many; G follows again', async () => {
	const demo = await demoForTest({speed: 4});
	const {stream, schedule} = planJob(demo);
	demo.scenario.setClock(schedule.planningAt + 0.2);
	app = renderExplorer(demo, {start: [{kind: 'logs', streamId: stream, title: 'plan'}]});
	await app.waitFor('● following');
	await app.press('f');
	await app.waitFor('⏸ paused');
	const body = () => app!.frame().split('\n').slice(3, -3); // the lines, without the title's count
	const paused = body();
	await app.waitFor(/⏸ paused · \d+ new lines? below \(f or G resumes\)/, 10_000);
	// The lines on screen stay where they were (new ones may only fill empty rows below them).
	const now = body();
	paused.forEach((row, index) => {
		if (row.slice(1, -1).trim()) expect(now[index]).toBe(row);
	});
	await app.press('G');
	await app.waitFor(frame => frame.includes('● following') || frame.includes('stream closed'));
	expect(app.frame()).not.toContain('new lines below');
});

// The status line at 80 columns: a message (a saved file) says what happened and where, then gives way to
// what comes after it (a search's answer) and goes after a few seconds.
const statusLine = (frame: string) => frame.split('\n').at(-2) ?? '';

it('s says where it saved (verb and file kept at 80 columns), then a search answers over it', async () => {
	vi.spyOn(process, 'cwd').mockReturnValue(join(dir, 'a-working-directory-with-a-long-name-for-the-test'));
	const {streamId} = await openSyncLogs({columns: 80, rows: 24});
	if (!app) throw new Error('not rendered');
	await app.press('s');
	const saved = statusLine(await app.waitFor(/saved \d+ lines/));
	// The working directory does not exist: the temp directory has the file, and the line names it.
	const file = readdirSync(tmpdir()).find(name => name.startsWith(`nuon-logs-${streamId}`))!;
	rmSync(join(tmpdir(), file));
	expect(saved).toMatch(new RegExp(`^saved \\d+ lines to .*${file.slice(-30).replace('.', '\\.')}\\s*$`));
	for (const key of '/copying') await app.press(key);
	await app.press('\r');
	const answered = statusLine(await app.waitFor(/search "copying": 6 matches/));
	expect(answered).not.toContain('saved');
	for (const key of '/zzz') await app.press(key);
	await app.press('\r');
	expect(statusLine(await app.waitFor(/search "zzz": 0 matches/))).toContain('■ stream closed');
});
