// The single executable, on a machine where `node` is not on PATH.
import {execFileSync} from 'node:child_process';
import {arch, platform} from 'node:os';
import {fileURLToPath} from 'node:url';
import {spawn} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {beforeAll, describe, expect, it} from 'vitest';
import {installsTitle} from '../helpers/scenario.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = `${root}dist/nuon-tui-${platform()}-${arch()}`;
const noNode = {PATH: '/nonexistent', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color'};

beforeAll(() => {
	// Built once per change of the sources: an executable from the same bundle is reused.
	execFileSync(process.execPath, ['scripts/build-binary.js', '--reuse'], {cwd: root, stdio: 'ignore'});
}, 120_000);

describe('the single executable', () => {
	it('runs without node on PATH', () => {
		expect(execFileSync(binary, ['--version'], {env: noNode, encoding: 'utf8'})).toMatch(
			/^nuon-tui \d+\.\d+\.\d+\n$/,
		);
	});

	it('comes with a checksum file that sha256sum checks', () => {
		const checked = execFileSync('sha256sum', ['-c', `${binary.split('/').at(-1)}.sha256sum`], {
			cwd: `${root}dist`,
			encoding: 'utf8',
		});
		expect(checked).toMatch(/: OK\n$/);
	});

	it('explores the demo in a real terminal', async () => {
		const pty = spawn(binary, ['--demo'], {name: 'xterm-256color', cols: 100, rows: 30, env: noNode});
		const terminal = new xterm.Terminal({cols: 100, rows: 30, allowProposedApi: true});
		pty.onData(data => terminal.write(data));
		const exited = new Promise<number>(resolve => pty.onExit(({exitCode}) => resolve(exitCode)));
		const screen = () =>
			Array.from(
				{length: 30},
				(_, row) => terminal.buffer.active.getLine(row)?.translateToString(true) ?? '',
			).join('\n');
		const deadline = Date.now() + 15_000;
		while (!screen().includes(installsTitle())) {
			if (Date.now() > deadline) throw new Error(`no installs on screen:\n${screen()}`);
			await new Promise(resolve => setTimeout(resolve, 100));
		}
		pty.write('q');
		expect(await exited).toBe(0);
	});
});
