// `nuon-tui approvals` as a script runs it: no terminal, one line per waiting approval, exit 0 or 4.
import {spawn} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoApi, type DemoServer} from '../../source/demo/server.js';
import {demoLabels} from '../../source/demo/install-2026.js';
import {BIN} from '../helpers/pty.js';

let demo: DemoServer | undefined;
afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

async function approvals(clock: number, args: string[] = [], api: DemoApi = '2025-12') {
	demo = await startDemoServer({api});
	demo.scenario.setClock(clock);
	const server = demo;
	return new Promise<{code: number | null; stdout: string; stderr: string}>((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				BIN,
				'approvals',
				'--api-url',
				server.url,
				'--api-token',
				'demo',
				'--org',
				server.scenario.orgId,
				...args,
			],
			{stdio: ['ignore', 'pipe', 'pipe']},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		const timer = setTimeout(() => child.kill(), 30_000);
		child.on('error', reject);
		child.on('exit', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}

describe('nuon-tui approvals', () => {
	it('prints one line per waiting approval, oldest first, and exits 4', async () => {
		// At 100 s the four plans of the last wave wait together, after an older one.
		const {code, stdout} = await approvals(100);
		expect(code).toBe(4);
		expect(stdout).not.toContain('\u001B');
		const lines = stdout.trim().split('\n');
		expect(lines).toHaveLength(5); // the last wave's four, after the one waiting since 8 s
		expect(lines).toContainEqual(
			expect.stringMatching(/^\S+ › \S+ {2}Terraform {2}waiting \S+( ago)? {2}1 to delete · 1 to replace · /),
		);
		expect(lines).toContainEqual(expect.stringMatching(/^\S+ › \S+ {2}Helm {2}/));
		expect(lines).toContainEqual(expect.stringMatching(/^\S+ › \S+ {2}Kubernetes {2}/));
		for (const line of lines)
			expect(line).toMatch(/ {2}release v2\.4\.0 {2}workflow \S+ step \S+ approval \S+$/);
	});

	it('--ascii prints its lines in ASCII (names as the server sends them)', async () => {
		const {code, stdout} = await approvals(100, ['--ascii']);
		expect(code).toBe(4);
		expect(stdout).not.toMatch(/[›·→…]/);
		expect(stdout).toMatch(/^\S+ > \S+ {2}Terraform {2}waiting .* 1 to delete - 1 to replace - /m);
	});

	it('writes JSON lines with --output json, narrows with --app, on the 2025-08 server', async () => {
		const all = await approvals(100, ['--output', 'json'], '2025-08');
		expect(all.code).toBe(4);
		const entries = all.stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line));
		expect(entries).toHaveLength(5);
		expect(entries[0]).toMatchObject({
			install: expect.any(String),
			plan_type: expect.any(String),
			counts: expect.objectContaining({delete: expect.any(Number)}),
			workflow_id: expect.any(String),
			approval_id: expect.any(String),
		});
		const install = demo!.scenario.installs.find(found => found.name === entries[0].install)!;
		await demo!.close();
		const one = await approvals(100, ['--output', 'json', '--app', install.app.id], '2025-08');
		expect(one.code).toBe(4);
		const narrowed = one.stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line));
		expect(narrowed.length).toBeGreaterThan(0);
		expect(narrowed.length).toBeLessThan(5);
		const appInstalls = demo!.scenario.installs.filter(found => found.app.id === install.app.id);
		for (const entry of narrowed) expect(appInstalls.map(found => found.name)).toContain(entry.install);
	});

	it('exits 0 and says so when nothing waits', async () => {
		const {code, stdout, stderr} = await approvals(600);
		expect(code).toBe(0);
		expect(stdout).toBe('');
		expect(stderr).toBe('nuon-tui: no plan waits for an approval\n');
	});

	it('--labels keeps the approvals of the installs with those labels (2026)', async () => {
		const installsOf = (stdout: string) =>
			stdout
				.trim()
				.split('\n')
				.map(line => (JSON.parse(line) as {install: string}).install);
		const all = installsOf((await approvals(100, ['--output', 'json'], '2026')).stdout);
		const scenario = demo!.scenario;
		await demo!.close();
		const tier = (name: string) => demoLabels(scenario.installs.find(install => install.name === name)!).tier;
		const wanted = tier(all.at(-1)!);
		const kept = await approvals(100, ['--output', 'json', '--labels', `tier:${wanted}`], '2026');
		expect(kept.code).toBe(4);
		expect(installsOf(kept.stdout)).toEqual(all.filter(name => tier(name) === wanted));
		expect(installsOf(kept.stdout).length).toBeLessThan(all.length);
	});

	it('refuses the watch options', async () => {
		const {code, stderr} = await approvals(0, ['--until-done']);
		expect(code).toBe(2);
		expect(stderr).toMatch(/takes --app and --output/);
	});
});
