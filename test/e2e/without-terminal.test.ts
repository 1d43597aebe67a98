// The built CLI run without a terminal (a script, a CI step): what it says is what the user must fix.
import {spawnSync} from 'node:child_process';
import {expect, it} from 'vitest';
import {BIN} from '../helpers/pty.js';

const run = (args: string[]) =>
	spawnSync(process.execPath, [BIN, ...args], {
		encoding: 'utf8',
		input: '',
		env: {...process.env, NUON_API_TOKEN: '', NUON_ORG_ID: ''},
	});

it('a settings problem is said before "run it in a terminal": a --config file that does not exist', () => {
	const answer = run(['--config', '/nonexistent/nuon']);
	expect(answer.status).toBe(2);
	expect(answer.stderr).toContain('/nonexistent/nuon (from --config) does not exist');
	expect(answer.stderr).not.toContain('interactive');
});

it('--help lists -h and -v with the options, not under watch', () => {
	const help = run(['--help']).stdout;
	const watch = help.indexOf('watch options');
	expect(help.indexOf('-h, --help')).toBeGreaterThan(0);
	expect(help.indexOf('-h, --help')).toBeLessThan(watch);
	expect(help).toMatch(/5 nothing to\s+watch, 6 access denied/);
});

it('an API it cannot reach is one line and exit code 1, not a crash report', () => {
	const answer = run([
		'approvals',
		'--api-url',
		'http://127.0.0.1:1',
		'--api-token',
		'token-1234567',
		'--org',
		'o',
	]);
	expect(answer.status).toBe(1);
	expect(answer.stderr.trim().split('\n')).toEqual([
		expect.stringMatching(/^nuon-tui: Cannot reach the API/),
	]);
	expect(answer.stderr).not.toMatch(/crash|report/);
});

it('help COMMAND shows that command’s part; an unknown one names those it knows', () => {
	expect(run(['help', 'watch']).stdout).toContain('--until-done');
	const unknown = run(['help', 'deploys']);
	expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringContaining('help knows watch')]);
});

it('demo-server on a port in use says so, with exit code 2 and no crash report', async () => {
	const {createServer} = await import('node:net');
	const taken = createServer();
	await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve));
	const {port} = taken.address() as {port: number};
	const answer = run(['demo-server', '--port', String(port)]);
	taken.close();
	expect(answer.status).toBe(2);
	expect(answer.stderr).toBe(
		`nuon-tui: --port ${port} is in use: choose another, or leave --port out for a free one.\n`,
	);
});
