// The terminal and the token, in a real pseudo-terminal: crashes, resize storms, tiny terminals,
// and a grep of everything a session wrote for the token.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {demoForFile, demoForTest} from '../helpers/demo-server.js';
import {startPty, type PtySession} from '../helpers/pty.js';
import {firstInstall, installsTitle, listedInstalls} from '../helpers/scenario.js';
import {displayWidth} from '../../source/domain/text.js';

const TOKEN = 'nuon-secret-7c1f3a9e5b2d4f60';
let session: PtySession | undefined;
const dir = mkdtempSync(join(tmpdir(), 'nuon-tui-hardening-'));

const demo = demoForFile();
afterEach(() => {
	session?.kill();
	session = undefined;
});

const env = (extra: Record<string, string> = {}) => ({
	NUON_API_URL: demo.url,
	NUON_API_TOKEN: TOKEN,
	NUON_ORG_ID: demo.scenario.orgId,
	NUON_CONFIG_FILE: '/nonexistent',
	...extra,
});

describe('a crash', () => {
	it('gives the terminal back, says where its report is, and the report never holds the token', async () => {
		const debugFile = join(dir, 'requests.log');
		session = startPty(['--debug', debugFile], {env: env({NUON_TUI_CRASH_TEST: '1'})});
		await session.waitFor(installsTitle(demo.scenario));
		const {exitCode} = await session.exited;
		expect(exitCode).toBe(1);
		const raw = session.raw();
		expect(raw.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(raw.lastIndexOf('\u001B[?1049h'));
		expect(raw.lastIndexOf('\u001B[?2004l')).toBeGreaterThan(raw.lastIndexOf('\u001B[?2004h'));
		const report = /A report is in (\S+)/.exec(session.text())?.[1];
		expect(session.text()).toMatch(/nuon-tui crashed: crash test/);
		expect(report && existsSync(report)).toBe(true);
		const contents = readFileSync(report!, 'utf8');
		expect(contents).toMatch(/crash report/);
		expect(contents).toMatch(/Error: crash test/);
		// Its stack in the project's files, through the bundle's source map, not the minified bundle's.
		expect(contents).toMatch(/source\/ui\/shell\/run-explorer\.tsx:\d+:\d+/);
		// The token: not on screen, not in the raw terminal stream, not in the report, not in the debug log.
		const debug = readFileSync(debugFile, 'utf8');
		expect(debug).toMatch(/GET \/v1\/installs\?offset=0&limit=100 200 \d+ms/);
		expect(debug).toContain('authorization: Bearer <redacted>');
		for (const output of [raw, session.text(), contents, debug]) expect(output).not.toContain(TOKEN);
	});

	it('passed on the command line, the token stays out of the report too', async () => {
		session = startPty(['--api-token', TOKEN], {env: env({NUON_API_TOKEN: '', NUON_TUI_CRASH_TEST: '1'})});
		await session.waitFor(installsTitle(demo.scenario));
		await session.exited;
		const report = /A report is in (\S+)/.exec(session.text())?.[1];
		const contents = readFileSync(report!, 'utf8');
		expect(contents).toMatch(/arguments: --api-token <redacted>/);
		expect(contents).not.toContain(TOKEN);
	});
});

describe('secrets beside the token', () => {
	it(
		'the password in --api-url reaches neither the debug file, the crash report nor the ' + 'screen',
		async () => {
			const debugFile = join(dir, 'url-requests.log');
			const apiUrl = demo.url.replace('://', '://ops:pw-4f9e1c@');
			session = startPty(['--api-url', apiUrl, '--debug', debugFile], {
				env: env({NUON_TUI_CRASH_TEST: '1', TMPDIR: dir}),
			});
			await session.waitFor('nuon-tui  org');
			await session.exited;
			const report = readFileSync(/A report is in (\S+)/.exec(session.text())![1]!, 'utf8');
			expect(report).toContain('arguments: --api-url http://<redacted>@127.0.0.1');
			for (const output of [readFileSync(debugFile, 'utf8'), report, session.raw()])
				expect(output).not.toContain('pw-4f9e1c');
		},
	);

	it('--api-token is hidden from ps once the explorer runs', async () => {
		session = startPty(['--api-token', TOKEN], {env: env({NUON_API_TOKEN: ''})});
		await session.waitFor(installsTitle(demo.scenario));
		const commandLine = readFileSync(`/proc/${session.pty.pid}/cmdline`, 'utf8');
		expect(commandLine).toContain('--api-token <redacted>');
		expect(commandLine).not.toContain(TOKEN);
		session.write('q');
		expect((await session.exited).exitCode).toBe(0);
	});

	it(
		'a token with a line break or an escape in it is refused at start (exit 2), without ' + 'printing it',
		async () => {
			for (const token of [`${TOKEN}\r\nX-Injected: 1`, `${TOKEN}\u001B[31m`]) {
				session = startPty([], {env: env({NUON_API_TOKEN: token})});
				expect((await session.exited).exitCode).toBe(2);
				expect(session.text()).toContain('The API token holds a control character');
				expect(session.raw()).not.toContain(TOKEN);
			}
		},
	);
});

describe('plain terminals', () => {
	it('with LANG=C and TERM=xterm, draws only ASCII', async () => {
		session = startPty([], {env: env({LANG: 'C', LC_ALL: '', TERM: 'xterm'})});
		const screen = await session.waitFor(installsTitle(demo.scenario));
		expect(screen).toMatch(/^[\x20-\x7E\n]*$/);
		expect(screen).toContain('+ active');
		session.write('q');
		expect((await session.exited).exitCode).toBe(0);
	});
});

describe('the preferences file', () => {
	it('sets the look, and a flag overrides it', async () => {
		const config = join(dir, 'xdg');
		mkdirSync(join(config, 'nuon-tui'), {recursive: true});
		writeFileSync(join(config, 'nuon-tui', 'config.yaml'), 'ascii: true\ntheme: no-color\n');
		session = startPty([], {env: env({XDG_CONFIG_HOME: config})});
		const screen = await session.waitFor(installsTitle(demo.scenario));
		expect(screen).toMatch(/^[\x20-\x7E\n]*$/);
		expect(session.raw()).not.toMatch(/\u001B\[3[1-6]m/); // no colours
		session.write('q');
		await session.exited;
		session = startPty(['--theme', 'dark'], {env: env({XDG_CONFIG_HOME: config})});
		await session.waitFor(installsTitle(demo.scenario));
		expect(session.raw()).toMatch(/\u001B\[3[1-6]m/);
		session.write('q');
		await session.exited;
	});

	it('with a bad key, says which and exits 2', async () => {
		const config = join(dir, 'xdg-bad');
		mkdirSync(join(config, 'nuon-tui'), {recursive: true});
		writeFileSync(join(config, 'nuon-tui', 'config.yaml'), 'colour: red\n');
		session = startPty([], {env: env({XDG_CONFIG_HOME: config})});
		expect((await session.exited).exitCode).toBe(2);
		expect(session.text()).toMatch(/config\.yaml: unknown key "colour"/);
	});
});

describe('a wide terminal', () => {
	it('shows more columns: ids and who created each install', async () => {
		session = startPty([], {env: env(), columns: 320, rows: 50});
		const screen = await session.waitFor(
			// The 2026 demo's installs carry health, a lifecycle phase and labels: their columns come first.
			/NAME\s+STATUS\s+HEALTH\s+PHASE\s+RUNNER\s+UPDATED\s+CLOUD\/REGION\s+APP\s+LABELS\s+ID\s+CREATED BY/,
		);
		expect(screen).toContain(firstInstall(demo.scenario).id);
		session.write('q');
		await session.exited;
	});
});

describe('the terminal size', () => {
	it('survives a resize storm, says when it is too small, and draws cleanly again', async () => {
		session = startPty([], {env: env(), columns: 100, rows: 30});
		await session.waitFor(installsTitle(demo.scenario));
		const sizes: Array<[number, number]> = [
			[80, 24],
			[20, 5],
			[160, 48],
			[30, 8],
			[61, 12],
			[120, 40],
			[20, 5],
		];
		for (let round = 0; round < 5; round++) {
			for (const [columns, rows] of sizes) {
				session.pty.resize(columns, rows);
				await new Promise(resolve => setTimeout(resolve, 15));
			}
		}
		await session.waitFor('Terminal too small');
		session.pty.resize(100, 30);
		const screen = await session.waitFor(
			screen => screen.includes(installsTitle(demo.scenario)) && !screen.includes('Terminal too small'),
		);
		expect(screen.split('\n')[0]).toMatch(/^nuon-tui {2}org /);
		session.write('q');
		expect((await session.exited).exitCode).toBe(0);
	});
});

describe('wide characters', () => {
	it('measures CJK and emoji names as two columns each, so their rows line up with the others', async () => {
		const wide = await demoForTest({
			intercept: (request, response) => {
				if (!request.url?.startsWith('/v1/installs?')) return false;
				const items = listedInstalls(wide.scenario).map(install =>
					wide.scenario.install(install, wide.scenario.clock()),
				);
				items[1]!.name = '漢字-prod';
				items[2]!.name = 'launch-🚀-prod';
				response
					.writeHead(200, {'content-type': 'application/json', 'x-nuon-page-next': 'false'})
					.end(JSON.stringify(items));
				return true;
			},
		});
		try {
			session = startPty([], {env: {...env(), NUON_API_URL: wide.url, NUON_ORG_ID: wide.scenario.orgId}});
			const screen = (await session.waitFor('漢字-prod')).split('\n');
			const row = (text: string) => screen.find(line => line.startsWith('┃') && line.includes(text))!;
			// Where the list pane ends: its border, counted in columns (a wide character takes two).
			const border = (line: string) => displayWidth(line.slice(0, line.indexOf('┃', 2)));
			expect(border(row('漢字-prod'))).toBe(border(row(firstInstall(wide.scenario).name)));
			expect(border(row('launch-🚀-prod'))).toBe(border(row(firstInstall(wide.scenario).name)));
		} finally {
			session?.kill();
			await session?.exited;
		}
	});
});
