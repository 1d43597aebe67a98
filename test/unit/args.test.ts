// The command line as a user types it: durations, the help and version commands, completion, and
// flags that belong to another command said to be so rather than ignored.
import {describe, expect, it} from 'vitest';
import {parseCommand, parseDuration, UsageError} from '../../source/args.js';

describe('durations', () => {
	it.each([
		['90s', 90_000],
		['30m', 1_800_000],
		['1h', 3_600_000],
		['1h30m', 5_400_000],
		['2m30s', 150_000],
		['45', 45_000],
		['1.5h', 5_400_000],
		['500ms', 500],
	])('%s is %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

	it.each(['', 'soon', '1h 30m', '30x', 'm30', '-5m', '1h30'])('"%s" is no duration', text =>
		expect(parseDuration(text)).toBeUndefined(),
	);
});

describe('commands that need no settings', () => {
	it('help, help COMMAND, version, completion SHELL', () => {
		expect(parseCommand(['help'])).toEqual({kind: 'help', topic: undefined});
		expect(parseCommand(['help', 'watch'])).toEqual({kind: 'help', topic: 'watch'});
		expect(parseCommand(['version'])).toEqual({kind: 'version'});
		expect(parseCommand(['completion', 'zsh'])).toEqual({kind: 'completion', shell: 'zsh'});
	});

	it('names what it knows when it does not know a topic or a shell', () => {
		expect(() => parseCommand(['help', 'deploy'])).toThrow(/help knows watch, approvals, demo-server/);
		expect(() => parseCommand(['completion', 'powershell'])).toThrow(/takes bash, zsh, fish/);
		expect(() => parseCommand(['completion'])).toThrow(UsageError);
	});

	it('__complete keeps the settings of the line it completes', () => {
		expect(parseCommand(['__complete', 'installs', '--demo', '--org', 'org1'])).toMatchObject({
			kind: 'complete-names',
			what: 'installs',
			command: {kind: 'explore', demo: true, flags: {orgId: 'org1'}},
		});
	});
});

describe('flags that belong to another command', () => {
	it.each([
		[['--port', '8080'], /--port goes with `nuon-tui demo-server`/],
		[['watch', '--at', '600'], /--at goes with `nuon-tui demo-server`/],
		[['--installs', '10'], /--installs goes with/],
	])('%j is a usage error', (argv, message) => expect(() => parseCommand(argv)).toThrow(message));

	it('demo-server takes them', () => {
		expect(parseCommand(['demo-server', '--port', '8080', '--at', '600'])).toMatchObject({
			kind: 'demo-server',
			port: 8080,
			at: 600,
		});
	});
});

it.each([
	[['--demo-speed', '5'], /--demo-speed goes with --demo/],
	[['--demo-api', '2025-12'], /--demo-api goes with --demo/],
	[['watch', '--demo-faults', 'latency=10'], /--demo-faults goes with --demo/],
])('%j without --demo is a usage error', (argv, message) =>
	expect(() => parseCommand(argv)).toThrow(message),
);
