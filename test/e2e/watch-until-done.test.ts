// `nuon-tui watch --until-done` as a script runs it: no terminal on stdin or stdout.
import {spawn} from 'node:child_process';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {describe, expect, it} from 'vitest';
import {startDemoServer} from '../../source/demo/server.js';
import {BIN} from '../helpers/pty.js';
import {installCount} from '../helpers/scenario.js';

function run(
	args: string[],
	timeoutMs = 60_000,
): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [BIN, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error(`still running after ${timeoutMs} ms:\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('exit', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}

describe('watch --until-done', () => {
	it('prints one plain line per transition and exits 1 when a deploy fails', async () => {
		// umbrella-prod's auth-server executes from -3.1 s of the scenario and fails at 2.6 s: 0.3 s at 20×,
		// less than the CLI takes to start. The scenario's clock reads -3 when the watcher first asks.
		let started = false;
		const demo = await startDemoServer({
			speed: 20,
			intercept: request => {
				if (started || !request.url?.startsWith('/v1/installs')) return false;
				demo.scenario.setClock(-3);
				started = true;
				return false;
			},
		});
		const {code, stdout} = await run([
			'watch',
			'--api-url',
			demo.url,
			'--api-token',
			'demo',
			'--org',
			demo.scenario.orgId,
			'--until-done',
		]).finally(() => demo.close());
		expect(code).toBe(1);
		expect(stdout).not.toContain('\u001B');
		const lines = stdout.trim().split('\n');
		expect(lines[0]).toMatch(
			new RegExp(`^\\d\\d:\\d\\d:\\d\\d watching \\d+ deploys in ${installCount()} installs: `),
		);
		expect(lines).toContainEqual(
			expect.stringMatching(
				/^\d\d:\d\d:\d\d umbrella-prod › auth-server executing → error {2}helm upgrade failed/,
			),
		);
		expect(lines).toContainEqual(
			expect.stringMatching(
				/^\d\d:\d\d:\d\d \S+ › \S+ (queued|planning|executing) → active {2}deployed successfully$/,
			),
		);
		expect(stdout).toMatch(/rollout finished with failures: 1 error · \d+ active\nfailed: [^\n]*\n$/);
		expect(stdout).toMatch(/\nfailed: umbrella-prod › auth-server \(error\)\n$/);
	});

	it('exits 0 when every watched deploy ends active, with JSON lines on request', async () => {
		const {code, stdout} = await run([
			'watch',
			'--demo',
			'--demo-speed',
			'20',
			'--until-done',
			'--install',
			'acme-corp-prod',
			'--output',
			'json',
		]);
		expect(code).toBe(0);
		const events = stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line));
		expect(events[0]).toMatchObject({event: 'start', installs: 1});
		const moves = events.filter(e => e.event === 'transition');
		expect(moves.length).toBeGreaterThan(0);
		expect(moves[0]).toMatchObject({
			install: 'acme-corp-prod',
			component: expect.any(String),
			from: expect.any(String),
			to: expect.any(String),
			time: expect.any(String),
		});
		expect(events.at(-1)).toMatchObject({event: 'done', result: 'succeeded', failed: []});
	});

	it('with --fail-on-approval exits 4 as soon as a deploy waits for an approval, naming it', async () => {
		const {code, stdout} = await run([
			'watch',
			'--demo',
			'--demo-speed',
			'5',
			'--until-done',
			'--fail-on-approval',
		]);
		expect(code).toBe(4);
		expect(stdout).toMatch(
			/stopped: a deploy waits for approval: .*\nwaiting for approval: \S+ › \S+ \(approve\)\n$/,
		);
	});

	it('exits 6 at the first 401, saying so on stdout, instead of retrying forever', async () => {
		const {code, stdout, stderr} = await run([
			'watch',
			'--demo',
			'--demo-faults',
			'expire-token-after=0',
			'--until-done',
		]);
		expect(code).toBe(6);
		expect(stdout).toMatch(
			/^\d\d:\d\d:\d\d stopped: access denied: the API token is invalid or expired \(nuon auth login\)\n$/,
		);
		expect(stderr).toMatch(/401/);
		// The same when it is the lookup of --install that meets it: no crash report.
		const named = await run([
			'watch',
			'--demo',
			'--demo-faults',
			'expire-token-after=0',
			'--until-done',
			'--install',
			'acme-corp-prod',
			'--output',
			'json',
		]);
		expect(named.code).toBe(6);
		expect(JSON.parse(named.stdout)).toMatchObject({
			event: 'done',
			result: 'access-denied',
			reason: expect.stringContaining('token is invalid'),
		});
		expect(named.stderr).not.toMatch(/crashed/);
	});

	it('does not wait on a deploy Nuon holds for a retry (failed-pending-retry): exit 1', async () => {
		// A 2026 server whose one install has a deploy held for a person to retry or skip it.
		const server = createServer((request, response) => {
			const path = new URL(request.url ?? '/', 'http://x').pathname;
			const body =
				path === '/v1/installs'
					? [
							{
								id: 'inl1',
								name: 'prod-eu',
								app_id: 'app1',
								component_statuses: {cmp1: 'active', cmp2: 'failed-pending-retry'},
							},
						]
					: path === '/v1/apps/app1/components'
						? [
								{id: 'cmp1', name: 'api'},
								{id: 'cmp2', name: 'worker'},
							]
						: [];
			response.writeHead(200, {'content-type': 'application/json'});
			response.end(JSON.stringify(body));
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			const {code, stdout} = await run([
				'watch',
				...['--api-url', url, '--api-token', 't', '--org', 'org1'],
				...['--until-done', '--timeout', '60s', '--output', 'json'],
			]);
			expect(code).toBe(1);
			expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({
				event: 'done',
				result: 'failed',
				failed: [{install: 'prod-eu', component: 'worker', status: 'failed-pending-retry'}],
			});
		} finally {
			server.close();
		}
	});

	it('exits 3 on timeout', async () => {
		const {code, stdout} = await run(['watch', '--demo', '--until-done', '--timeout', '1s']);
		expect(code).toBe(3);
		expect(stdout).toMatch(/timed out before the rollout finished/);
	});

	it('says what was not found', async () => {
		const {code, stderr} = await run(['watch', '--demo', '--until-done', '--install', 'no-such-install']);
		expect(code).toBe(2);
		expect(stderr).toBe('nuon-tui: No install "no-such-install" in this org.\n');
	});

	it('refuses to explore without a terminal, and says what to use instead', async () => {
		const {code, stderr} = await run(['--demo']);
		expect(code).toBe(2);
		expect(stderr).toMatch(/interactive: run it in a terminal.*watch --until-done/);
	});
});
