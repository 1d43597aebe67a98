// The completion scripts as bash runs them: `complete -p` names the function, and what it offers for
// a subcommand, a flag, a flag's choices and --install names read from the API (the demo's).
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, expect, it} from 'vitest';
import {Scenario} from '../../source/demo/scenario.js';
import {BIN} from '../helpers/pty.js';

let shim: string;
beforeAll(() => {
	// `nuon-tui` on the PATH, run by the Node that runs the tests.
	shim = mkdtempSync(join(tmpdir(), 'nuon-tui-completion-'));
	writeFileSync(join(shim, 'nuon-tui'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
	chmodSync(join(shim, 'nuon-tui'), 0o755);
});

/** What the completion function offers for the words typed so far (the last one is being completed). */
function offered(words: string[]): string[] {
	const script = [
		'source <(nuon-tui completion bash)',
		`COMP_WORDS=(${words.map(word => `'${word}'`).join(' ')})`,
		`COMP_CWORD=${words.length - 1}`,
		'_nuon_tui',
		'printf "%s\\n" "${COMPREPLY[@]}"',
	].join('\n');
	const out = execFileSync('bash', ['-c', script], {
		encoding: 'utf8',
		env: {...process.env, PATH: `${shim}:${process.env.PATH}`},
	});
	return out.split('\n').filter(Boolean);
}

it('bash: complete -p names the function', () => {
	const out = execFileSync('bash', ['-c', 'source <(nuon-tui completion bash) && complete -p nuon-tui'], {
		encoding: 'utf8',
		env: {...process.env, PATH: `${shim}:${process.env.PATH}`},
	});
	expect(out.trim()).toBe('complete -F _nuon_tui nuon-tui');
});

it('bash: subcommands, flags and the choices of a flag', () => {
	expect(offered(['nuon-tui', 'wa'])).toEqual(['watch']);
	expect(offered(['nuon-tui', '--re'])).toEqual(['--refresh', '--read-only']);
	expect(offered(['nuon-tui', '--theme', ''])).toEqual(['dark', 'light', 'no-color']);
	expect(offered(['nuon-tui', '--demo-api', '2025'])).toEqual(['2025-12', '2025-08']);
	expect(offered(['nuon-tui', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
	expect(offered(['nuon-tui', '--org', ''])).toEqual([]);
});

it('bash: --install offers the names of the installs the line’s settings reach (here the demo’s)', () => {
	const names = new Scenario({}).installs.map(install => install.name);
	const first = names[0]!;
	expect(offered(['nuon-tui', '--demo', '--install', ''])).toEqual([...new Set(names)].sort());
	expect(offered(['nuon-tui', '--demo', '--install', first.slice(0, -1)])).toContain(first);
});

it('bash: without settings, --install offers nothing and says nothing', () => {
	const out = execFileSync(
		'bash',
		[
			'-c',
			'source <(nuon-tui completion bash); COMP_WORDS=(nuon-tui --install ""); COMP_CWORD=2; ' +
				'_nuon_tui; echo "${#COMPREPLY[@]}"',
		],
		{encoding: 'utf8', env: {PATH: `${shim}:${process.env.PATH}`, HOME: shim}},
	);
	expect(out.trim()).toBe('0');
});

it('zsh and fish scripts name every subcommand', () => {
	for (const shell of ['zsh', 'fish']) {
		const script = execFileSync(process.execPath, [BIN, 'completion', shell], {encoding: 'utf8'});
		for (const word of ['watch', 'approvals', 'demo-server', 'completion', 'help'])
			expect(script).toContain(word);
	}
});
