import {describe, expect, it} from 'vitest';
import {phaseOf, statusView} from '../../source/domain/status.js';
import {sanitize, sanitizeDeep} from '../../source/domain/sanitize.js';
import {ago, formatNanoseconds} from '../../source/domain/time.js';
import {displayWidth, fit, fitMessage, oneLine} from '../../source/domain/text.js';
import {countStatuses, formatCounts, installLocation} from '../../source/domain/install.js';
import {layoutColumns, windowStart} from '../../source/ui/widgets/columns.js';

describe('status mapping', () => {
	it.each([
		['active', 'success', '✓'],
		['error', 'failure', '✗'],
		['executing', 'progress', '◐'],
		['queued', 'progress', '◐'],
		['approval-denied', 'warning', '!'],
		['noop', 'neutral', '○'],
		// 2026: an install's lifecycle phase and the health words it and its components carry.
		['provisioned', 'success', '✓'],
		['progressing', 'progress', '◐'],
		['degraded', 'warning', '!'],
		['not-applicable', 'neutral', '○'],
	])('%s is %s with %s', (status, phase, glyph) => {
		expect(statusView(status)).toEqual({phase, glyph, label: status});
	});

	it('shows an unknown status as it is, with a neutral question mark', () => {
		expect(statusView('brand-new-state')).toEqual({phase: 'unknown', glyph: '?', label: 'brand-new-state'});
		expect(phaseOf(undefined)).toBe('neutral');
	});
});

describe('sanitize', () => {
	it('removes CSI, OSC, DCS and C1 sequences and control characters', () => {
		expect(sanitize('a\u001B[2J\u001B[Hb')).toBe('ab');
		expect(sanitize('x\u001B]0;pwned title\u0007y')).toBe('xy');
		expect(sanitize('x\u001B]52;c;ZXZpbA==\u001B\\y')).toBe('xy');
		expect(sanitize('x\u001B]8;;http://evil\u0007link\u001B]8;;\u0007')).toBe('xlink');
		expect(sanitize('x\u001BP+q\u001B\\y')).toBe('xy');
		expect(sanitize('x\u009B31my\u0007\u0008z')).toBe('xyz');
		expect(sanitize('red\u001B[31m')).toBe('red');
	});

	it(
		'keeps ordinary text, wide characters and newlines, turns tabs into spaces, drops bidi ' + 'overrides',
		() => {
			expect(sanitize('prod-eu 東京 🚀\nline')).toBe('prod-eu 東京 🚀\nline');
			expect(sanitize('a\tb')).toBe('a  b');
			expect(sanitize('abc\u202Edef')).toBe('abcdef');
		},
	);

	it('cleans keys and values of a whole JSON document', () => {
		expect(sanitizeDeep({'k\u001B[1m': ['v\u001B]0;t\u0007', 3, null]})).toEqual({k: ['v', 3, null]});
	});
});

describe('time', () => {
	it('turns nanoseconds into a short duration', () => {
		expect(formatNanoseconds(93_000_000_000)).toBe('1m 33s');
		expect(formatNanoseconds(7_500_000_000_000)).toBe('2h 5m');
		expect(formatNanoseconds(0)).toBe('0s');
		// The unit below the largest, or nothing: three days and six seconds is "3d", not "3d 6s".
		expect(formatNanoseconds((3 * 86_400 + 6) * 1e9)).toBe('3d');
		expect(formatNanoseconds((3 * 86_400 + 7200) * 1e9)).toBe('3d 2h');
		expect(formatNanoseconds(3_600e9)).toBe('1h');
		expect(formatNanoseconds(0.4e9)).toBe('0s');
		expect(formatNanoseconds(undefined)).toBe('—');
	});

	it('says how long ago, tolerating missing and bad times', () => {
		const now = Date.parse('2026-11-28T12:00:00Z');
		expect(ago('2026-11-28T11:57:00Z', now)).toBe('3m ago');
		expect(ago(now / 1000 - 7200, now)).toBe('2h ago');
		expect(ago(undefined, now)).toBe('—');
		expect(ago('not a time', now)).toBe('—');
	});
});

describe('text fitting', () => {
	it('counts wide characters as two columns and pads to an exact width', () => {
		expect(displayWidth('東京')).toBe(4);
		expect(fit('東京-prod', 6)).toBe('東京-…');
		expect(displayWidth(fit('東京-prod', 6))).toBe(6);
		expect(fit('ab', 4)).toBe('ab  ');
		expect(fit('ab', 4, 'right')).toBe('  ab');
	});
});

describe('messages in one status line', () => {
	it('keeps the path, the URL or the trace id whole and shortens the words around it', () => {
		const saved = 'saved 32 lines to /home/operator/work/nuon-logs-lgj6x2kq9-20261201T141500.log';
		expect(fitMessage(saved, 70)).toMatch(
			/\/home\/operator\/work\/nuon-logs-lgj6x2kq9-20261201T141500\.log$/,
		);
		// Narrower: the verb, then the path's end (the file).
		expect(fitMessage(saved, 60)).toMatch(/^saved …\S*\/nuon-logs-lgj6x2kq9-20261201T141500\.log$/);
		expect(displayWidth(fitMessage(saved, 60))).toBeLessThanOrEqual(60);
		const failure =
			'⚠ HTTP 500 server error: the database did not answer in time while listing installs (trace ' +
			'b9b26dbec23e78ca) · last good data kept, retrying';
		const fitted = fitMessage(failure, 80);
		expect(fitted).toContain('(trace b9b26dbec23e78ca)');
		expect(fitted).toMatch(/^⚠ HTTP 500 server error/);
		expect(displayWidth(fitted)).toBeLessThanOrEqual(80);
		const url = 'https://app.nuon.co/orgdemo0000000000000000001/installs/inleispna6ytdhmu319vtysgbd';
		expect(fitMessage(`opened ${url} in the browser`, 100)).toContain(url);
		// A URL wider than the line keeps its end, where the ids are, after the word that says what happened.
		expect(fitMessage(`open ${url}`, 60)).toMatch(/^open ….*\/installs\/inleispna6ytdhmu319vtysgbd$/);
		expect(fitMessage(`copied the link ${url}`, 60)).toMatch(/^copied ….*\/inleispna6ytdhmu319vtysgbd$/);
		const long =
			'saved 15 lines to /tmp/nuon-tui-test/nuon-logs-lgj6x2kq9a1b2c3d4e5f6g7h8-20261201T141500.log';
		expect(fitMessage(long, 79)).toMatch(
			/^saved .*…\S*\/nuon-logs-lgj6x2kq9a1b2c3d4e5f6g7h8-20261201T141500\.log$/,
		);
		expect(displayWidth(fitMessage(long, 79))).toBeLessThanOrEqual(79);
		expect(fitMessage('a short one', 80)).toBe('a short one');
		const expired = fitMessage(
			'⚠ HTTP 401 token invalid or expired: token expired for good — run `nuon auth login`, then restart ' +
				'(trace 648421f3bac14931) · last good data kept',
			100,
		);
		expect(expired).toMatch(
			/^⚠ HTTP 401 token invalid or expired.* — run `nuon auth login`, then restart \(trace 648421f3bac\w+\)/,
		);
		// A clickable link keeps its whole address; its label shows the end when the line is too short.
		const link = fitMessage(`open \u001B]8;;${url}\u0007${url}\u001B]8;;\u0007`, 60);
		expect(link).toContain(`\u001B]8;;${url}\u0007`);
		expect(displayWidth(link)).toBeLessThanOrEqual(60);
		expect(link).toMatch(/^open \u001B\]8;;\S+\u0007….*inleispna6ytdhmu319vtysgbd\u001B\]8;;\u0007$/);
		expect(
			fitMessage(
				'● following (scrolled back: G for the end) · older lines above · search "copying": 0 matches',
				50,
				'search "copying": 0 matches',
			),
		).toMatch(/search "copying": 0 matches$/);
	});

	it('turns line breaks into spaces', () => {
		expect(oneLine('tab\tand\nnewline\r\n\u2028end')).toBe('tab\tand newline end');
	});
});

describe('install readings', () => {
	it('finds the region of each cloud', () => {
		expect(installLocation({cloud_platform: 'aws', aws_account: {region: 'us-east-1'}})).toBe(
			'aws us-east-1',
		);
		expect(installLocation({cloud_platform: 'azure', azure_account: {location: 'westeurope'}})).toBe(
			'azure westeurope',
		);
		expect(
			installLocation({cloud_platform: 'gcp', install_inputs: [{values: {gcp_region: 'europe-west4'}}]}),
		).toBe('gcp europe-west4');
		expect(installLocation({})).toBe('—');
	});

	it('counts statuses with failures first', () => {
		expect(formatCounts(countStatuses(['active', 'error', 'executing', 'active']))).toBe(
			'1 error · 1 executing · 2 active',
		);
	});
});

describe('columns and windows', () => {
	const columns = [
		{header: 'NAME', width: 10, grow: true, priority: 1, text: () => ''},
		{header: 'STATUS', width: 12, priority: 2, text: () => ''},
		{header: 'APP', width: 20, priority: 3, text: () => ''},
	];

	it('drops the least important columns first and gives the spare width to the growing one', () => {
		expect(layoutColumns(columns, 30).map(p => [p.column.header, p.width])).toEqual([
			['NAME', 17],
			['STATUS', 12],
		]);
		expect(layoutColumns(columns, 60).map(p => p.width)).toEqual([26, 12, 20]);
	});

	it('moves the window only as far as needed to show the selection', () => {
		expect(windowStart(0, 5, 10, 100)).toBe(0);
		expect(windowStart(0, 12, 10, 100)).toBe(3);
		expect(windowStart(3, 2, 10, 100)).toBe(2);
		expect(windowStart(50, 29, 10, 30)).toBe(20);
	});
});

describe('wrapping', () => {
	it('breaks after spaces, splits only words too wide for a row, and counts wide characters', async () => {
		const {splitByWidth} = await import('../../source/domain/text.js');
		expect(splitByWidth('2026-11-28 21:26:40 (just now)', 20, 20)).toEqual([
			'2026-11-28 21:26:40',
			'(just now)',
		]);
		expect(splitByWidth('inlr8bp3i3c78iiajj7e4q7ov0', 10, 8)).toEqual(['inlr8bp3i3', 'c78iiajj', '7e4q7ov0']);
		expect(splitByWidth('東京東京東京', 4, 4)).toEqual(['東京', '東京', '東京']);
		expect(splitByWidth('short', 10, 10)).toEqual(['short']);
	});

	it('turns long detail fields into continuation rows under the value', async () => {
		const {field, wrapLines} = await import('../../source/ui/widgets/lines.js');
		const rows = wrapLines([field('created', '2026-07-25 01:53:55 (126d ago)')], 30);
		expect(rows).toEqual([
			{kind: 'field', label: 'created', value: '2026-07-25 01:53:55', status: undefined, labelWidth: 7},
			{kind: 'continuation', text: '(126d ago)', indent: 8, status: undefined},
		]);
	});
});
