import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {parseDuration} from '../../source/args.js';
import {notification} from '../../source/domain/notify.js';
import {anyInProgress, outcome, rolloutCounts, snapshotOf, transitions} from '../../source/domain/rollout.js';
import {containsProgress} from '../../source/domain/status.js';
import {nextPollDelay, Poller, type PollSettings} from '../../source/state/poll-policy.js';

const SETTINGS: PollSettings = {fastMs: 2000, slowMs: 15_000, maxBackoffMs: 60_000};

describe('the poll policy', () => {
	it('is fast while anything is in progress and slow once settled', () => {
		expect(nextPollDelay({busy: true, failures: 0}, SETTINGS)).toBe(2000);
		expect(nextPollDelay({busy: false, failures: 0}, SETTINGS)).toBe(15_000);
	});

	it('backs off on errors with jitter, up to a minute, and honours Retry-After', () => {
		const delays = [1, 2, 3, 4, 5, 6, 7, 8].map(failures =>
			nextPollDelay({busy: true, failures}, SETTINGS, () => 1),
		);
		expect(delays).toEqual([2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
		expect(nextPollDelay({busy: true, failures: 3}, SETTINGS, () => 0)).toBe(4000);
		expect(nextPollDelay({busy: true, failures: 3, error: {retryAfterMs: 30_000}}, SETTINGS)).toBe(30_000);
	});
});

describe('the Poller (fake timers)', () => {
	beforeEach(() => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it(
		'polls fast while busy, slow once settled, backs off on errors and resets on success, one poll at ' +
			'a time',
		async () => {
			const script: Array<boolean | Error> = [
				true,
				true,
				false,
				new Error('502'),
				new Error('502'),
				true,
				false,
			];
			const at: number[] = [];
			let inFlight = 0;
			let overlap = false;
			const started = Date.now();
			const poller = new Poller(async () => {
				at.push(Date.now() - started);
				inFlight++;
				overlap ||= inFlight > 1;
				await new Promise(resolve => setTimeout(resolve, 300)); // a slow request
				inFlight--;
				const next = script.shift();
				if (next instanceof Error) throw next;
				return next ?? false;
			}, SETTINGS);
			vi.spyOn(Math, 'random').mockReturnValue(1);
			poller.start();
			await vi.advanceTimersByTimeAsync(60_000);
			poller.stop();
			const gaps = at.slice(1).map((t, i) => t - at[i]!);
			// busy → 2 s, busy → 2 s, settled → 15 s, error → 2 s, error → 4 s, busy (reset) → 2 s, settled → 15 s
			expect(gaps.slice(0, 6)).toEqual([2300, 2300, 15_300, 2300, 4300, 2300]);
			expect(overlap).toBe(false);
		},
	);

	it('reports nothing of a poll that fails once stopped (the watch is over: abandoned)', async () => {
		const errors: unknown[] = [];
		let abandon: (error: Error) => void = () => {};
		const poller = new Poller(
			() => new Promise<boolean>((_, reject) => (abandon = reject)),
			SETTINGS,
			error => errors.push(error),
		);
		poller.start();
		poller.stop();
		abandon(new Error('Request cancelled: nuon-tui is quitting'));
		await vi.advanceTimersByTimeAsync(60_000);
		expect(errors).toEqual([]);
	});
});

describe('transitions and outcomes', () => {
	const install = (id: string, statuses: Record<string, string>) => ({
		id,
		name: id,
		component_statuses: statuses,
	});
	const before = snapshotOf([install('a', {api: 'executing', db: 'active'}), install('b', {api: 'queued'})]);
	const after = snapshotOf([
		install('a', {api: 'active', db: 'active'}),
		install('b', {api: 'planning'}),
		install('c', {api: 'queued'}),
	]);

	it('finds what changed since the previous refresh, ignoring installs seen for the first time', () => {
		expect(transitions(before, after, 5)).toEqual([
			{at: 5, installId: 'a', componentId: 'api', from: 'executing', to: 'active'},
			{at: 5, installId: 'b', componentId: 'api', from: 'queued', to: 'planning'},
		]);
	});

	it('counts statuses, the ones in trouble or moving first', () => {
		expect(
			rolloutCounts(snapshotOf([install('a', {x: 'active', y: 'error', z: 'executing', w: 'active'})])),
		).toEqual([
			{status: 'error', word: 'error', count: 1, phase: 'failure'},
			{status: 'executing', word: 'executing', count: 1, phase: 'progress'},
			{status: 'active', word: 'active', count: 2, phase: 'success'},
		]);
		// The order follows the words, not the counts: a refresh does not reshuffle the line.
		const counts = (queued: number, planning: number) =>
			rolloutCounts(
				snapshotOf([
					install(
						'a',
						Object.fromEntries(
							[...Array(queued)]
								.map((_, i) => [`q${i}`, 'queued'])
								.concat([...Array(planning)].map((_, i) => [`p${i}`, 'planning'])),
						),
					),
				]),
			).map(c => c.status);
		expect(counts(8, 5)).toEqual(counts(5, 8));
	});

	it('is done when nothing is in progress: succeeded if all active or noop, failed otherwise', () => {
		expect(outcome(before)).toBe('in-progress');
		expect(anyInProgress(before)).toBe(true);
		expect(outcome(snapshotOf([install('a', {x: 'active', y: 'noop'})]))).toBe('succeeded');
		expect(outcome(snapshotOf([install('a', {x: 'active', y: 'error'})]))).toBe('failed');
		expect(outcome(snapshotOf([install('a', {x: 'cancelled'})]))).toBe('failed');
	});

	it('finds progress in API documents, but not in status history', () => {
		expect(containsProgress([{component_statuses: {a: 'executing'}}])).toBe(true);
		expect(containsProgress({status_v2: {status: 'active', history: [{status: 'planning'}]}})).toBe(false);
		expect(containsProgress({runner_jobs: [{status: 'in-progress'}]})).toBe(true);
	});
});

describe('small parts', () => {
	it('parses durations', () => {
		expect(parseDuration('30m')).toBe(1_800_000);
		expect(parseDuration('90s')).toBe(90_000);
		expect(parseDuration('1h')).toBe(3_600_000);
		expect(parseDuration('45')).toBe(45_000);
		expect(parseDuration('soon')).toBeUndefined();
	});

	it('writes the bell, OSC 9 and OSC 777, with server text made harmless', () => {
		expect(notification('prod › api', 'executing → error')).toBe(
			'\u0007\u001B]9;prod › api: executing → error\u0007\u001B]777;notify;prod › api;executing → ' +
				'error\u0007',
		);
		expect(notification('a;b\u001B]0;x\u0007', 'c')).toBe(
			'\u0007\u001B]9;a,b: c\u0007\u001B]777;notify;a,b;c\u0007',
		);
	});
});
