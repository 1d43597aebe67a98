import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import type {LogRecord} from '../../source/api/resources.js';
import {
	appendNewer,
	emptyBuffer,
	filterLines,
	prependOlder,
	searchLines,
	timestampToNanos,
} from '../../source/domain/logs.js';
import {sanitizeKeepingColour, stripColour} from '../../source/domain/sanitize.js';
import {nanosToTimestamp} from '../../source/demo/log-records.js';
import {LogTail} from '../../source/state/log-tail.js';
import {visibleRows} from '../../source/ui/levels/log-rows.js';
import {demoForFile, demoForTest} from '../helpers/demo-server.js';
import {firstInstall, logStreamOf, rolloutComponent} from '../helpers/scenario.js';

const record = (id: string, timestamp: string, body = id, extra: Partial<LogRecord> = {}): LogRecord => ({
	id,
	timestamp,
	body,
	severity_text: 'INFO',
	...extra,
});

describe('the nanosecond cursor', () => {
	it('keeps every digit of the fraction, which a Date would lose', () => {
		expect(timestampToNanos('2026-11-28T21:09:57.123456789Z')).toBe(1_795_900_197_123_456_789n);
		expect(
			timestampToNanos('2026-11-28T21:09:57.123456790Z')! -
				timestampToNanos('2026-11-28T21:09:57.123456789Z')!,
		).toBe(1n);
		expect(timestampToNanos('2026-11-28T21:09:57Z')).toBe(1_795_900_197_000_000_000n);
		expect(timestampToNanos('2026-11-28T23:09:57.5+02:00')).toBe(1_795_900_197_500_000_000n);
	});

	it('rejects what is not RFC 3339', () => {
		expect(timestampToNanos('yesterday')).toBeUndefined();
		expect(timestampToNanos(undefined)).toBeUndefined();
	});

	it('round-trips the demo timestamps', () => {
		expect(timestampToNanos(nanosToTimestamp(1_795_900_197_000_250_017n))).toBe(1_795_900_197_000_250_017n);
	});
});

describe('the log buffer', () => {
	it('de-duplicates by id and keeps time order when hundreds of records share one millisecond', () => {
		const burst = Array.from({length: 300}, (_, i) =>
			record(`r${i}`, `2026-11-28T21:00:00.123${String(i).padStart(6, '0')}Z`),
		);
		let buffer = appendNewer(emptyBuffer(), burst.slice(0, 200));
		buffer = appendNewer(buffer, burst.slice(100)); // overlapping page
		expect(buffer.lines.map(l => l.id)).toEqual(burst.map(r => r.id));
		expect(appendNewer(buffer, burst.slice(0, 5))).toBe(buffer);
	});

	it('drops the oldest lines past its capacity and counts them', () => {
		const records = Array.from({length: 25}, (_, i) =>
			record(`r${i}`, `2026-11-28T21:00:${String(i).padStart(2, '0')}Z`),
		);
		const buffer = appendNewer(emptyBuffer(10), records);
		expect(buffer.lines).toHaveLength(10);
		expect(buffer.lines[0]!.id).toBe('r15');
		expect(buffer.dropped).toBe(15);
		expect(buffer.ids.has('r0')).toBe(false);
	});

	it('prepends older pages only while there is room', () => {
		const newer = appendNewer(emptyBuffer(5), [
			record('c', '2026-11-28T21:00:03Z'),
			record('d', '2026-11-28T21:00:04Z'),
		]);
		const older = prependOlder(newer, [
			record('a', '2026-11-28T21:00:01Z'),
			record('b', '2026-11-28T21:00:02Z'),
			record('z', '2026-11-28T21:00:00Z'),
			record('y', '2026-11-28T20:59:59Z'),
		]);
		expect(older.lines.map(l => l.id)).toEqual(['z', 'a', 'b', 'c', 'd']);
	});

	it('filters by step and execution, and searches case-insensitively without colour codes', () => {
		const buffer = appendNewer(emptyBuffer(), [
			record('1', '2026-11-28T21:00:01Z', '\u001B[32mApply complete!\u001B[0m', {
				log_attributes: {workflow_step_name: 'deploy'},
				runner_job_execution_id: 'e1',
			}),
			record('2', '2026-11-28T21:00:02Z', 'apply failed', {
				log_attributes: {workflow_step_name: 'check'},
				runner_job_execution_id: 'e2',
			}),
		]);
		expect(filterLines(buffer.lines, {step: 'deploy'}).map(l => l.id)).toEqual(['1']);
		expect(filterLines(buffer.lines, {executionId: 'e2'}).map(l => l.id)).toEqual(['2']);
		expect(searchLines(buffer.lines, 'APPLY COMPLETE')).toEqual([0]);
	});
});

describe('log bodies', () => {
	it('keep colour codes and lose every other escape or control sequence', () => {
		const hostile =
			'\u001B[32mok\u001B[0m ' +
			'\u001B]0;title\u0007\u001B[2J\u001B[H\u001B[5mblink\u001B[8mhidden\u0007\u001B]52;c;eA==\u0007done';
		const safe = sanitizeKeepingColour(hostile);
		expect(safe).toBe('\u001B[32mok\u001B[0m blinkhiddendone\u001B[0m');
		expect(stripColour(safe)).toBe('ok blinkhiddendone');
		expect(sanitizeKeepingColour('\u001B[38;5;196mred\u001B[38;2;1;2;3mrgb')).toBe(
			'\u001B[38;5;196mred\u001B[38;2;1;2;3mrgb\u001B[0m',
		);
		expect(sanitizeKeepingColour('plain')).toBe('plain');
	});
});

describe('visible rows', () => {
	const buffer = appendNewer(
		emptyBuffer(),
		Array.from({length: 50}, (_, i) =>
			record(
				`r${i}`,
				`2026-11-28T21:00:${String(i).padStart(2, '0')}Z`,
				i === 45 ? 'x'.repeat(5000) : `line ${i}`,
			),
		),
	);

	it('shows the end when following and a window from the top line otherwise', () => {
		expect(visibleRows(buffer.lines, undefined, 10, false, 80).rows.map(r => r.line.id)).toEqual(
			buffer.lines.slice(40).map(l => l.id),
		);
		expect(visibleRows(buffer.lines, 3, 4, false, 80).rows.map(r => r.line.id)).toEqual([
			'r3',
			'r4',
			'r5',
			'r6',
		]);
	});

	it('wraps a 5,000-character line into bounded rows', () => {
		const {rows} = visibleRows(buffer.lines, 45, 100, true, 100);
		const ofLong = rows.filter(r => r.line.id === 'r45');
		expect(ofLong).toHaveLength(40);
		expect(ofLong.at(-1)!.text).toMatch(/more rows of this line/);
		expect(Math.max(...ofLong.slice(0, -1).map(r => r.text.length))).toBeLessThanOrEqual(100);
	});
});

describe('LogTail against the demo API', () => {
	let client: NuonClient;
	const demo = demoForFile();
	beforeAll(() => {
		client = new NuonClient({baseUrl: demo.url, token: 't', orgId: demo.scenario.orgId});
	});
	afterAll(() => client.close());

	/** A deploy's create-apply-plan job: its log has a burst of 250 records within one millisecond. */
	function planJobStream(at: number): string {
		demo.scenario.setClock(at);
		return logStreamOf(demo.scenario, rolloutComponent(firstInstall(demo.scenario), 'terraform_module'));
	}

	it('opens a closed stream at its end and pages back to the start without a gap or duplicate', async () => {
		const stream = planJobStream(500);
		const all = demo.scenario.logRecords(stream, demo.scenario.clock())!;
		expect(all.length).toBeGreaterThan(250);
		const tail = new LogTail(client, stream);
		tail.start();
		await vi.waitFor(() => expect(tail.state.phase).toBe('closed'));
		expect(tail.state.buffer.lines).toHaveLength(100);
		expect(tail.state.buffer.lines.at(-1)!.id).toBe(all.at(-1)!.record.id);
		while (tail.state.hasOlder) {
			const before = tail.state.buffer.lines.length;
			tail.loadOlder();
			await vi.waitFor(() => expect(tail.state.buffer.lines.length).toBeGreaterThan(before));
		}
		expect(tail.state.buffer.lines.map(l => l.id)).toEqual(all.map(r => r.record.id));
		tail.stop();
	});

	it('follows an open stream until it closes, reading every record once', async () => {
		const ic = rolloutComponent(firstInstall(demo.scenario), 'terraform_module');
		const {planningAt, executingAt} = ic.rollout!.schedule;
		demo.scenario.setClock(planningAt + 0.2); // the plan job has just started
		const fast = await demoForTest({speed: 4, seed: 7});
		fast.scenario.setClock(planningAt + 0.2);
		const fastClient = new NuonClient({baseUrl: fast.url, token: 't', orgId: fast.scenario.orgId});
		const stream = logStreamOf(demo.scenario, ic);
		const tail = new LogTail(fastClient, stream, {pollMs: 100});
		tail.start();
		await vi.waitFor(() => expect(tail.state.phase).toBe('following'));
		const firstCount = tail.state.buffer.lines.length;
		await vi.waitFor(() => expect(tail.state.phase).toBe('closed'), {
			timeout: ((executingAt - planningAt) / 4) * 1000 + 5000,
		});
		const all = fast.scenario.logRecords(stream, fast.scenario.clock())!;
		expect(tail.state.buffer.lines.length).toBeGreaterThan(firstCount);
		expect(tail.state.buffer.lines.map(l => l.id)).toEqual(all.map(r => r.record.id));
		const requests = tail.state.requests;
		// Nothing to wait for but time: three poll intervals in which nothing is asked.
		await new Promise(resolve => setTimeout(resolve, 3 * 100));
		expect(tail.state.requests).toBe(requests); // no polling once closed
		tail.stop();
		await fastClient.close();
	});
});
