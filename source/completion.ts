// Shell completion scripts (`nuon-tui completion bash|zsh|fish`): subcommands, flags, the values of
// flags that take a choice, files where a flag takes a file, and install and app names from the API
// through the hidden `nuon-tui __complete installs|apps`, with the flags the line has so far.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
export const isShell = (value: string | undefined): value is Shell =>
	(SHELLS as readonly string[]).includes(value ?? '');

export const SUBCOMMANDS = ['watch', 'approvals', 'demo-server', 'completion', 'help', 'version'];

/** The flags whose value is one of a few words. */
export const CHOICES: Record<string, readonly string[]> = {
	theme: ['dark', 'light', 'no-color'],
	output: ['text', 'json'],
	'demo-api': ['2026', '2025-12', '2025-08', 'today'],
};
/** The flags whose value is a file. */
export const FILE_FLAGS = ['config', 'debug'];
/** The flags whose value is a name the API knows: what `__complete` lists for each. */
export const NAME_FLAGS: Record<string, 'installs' | 'apps'> = {install: 'installs', app: 'apps'};

export interface FlagSpec {
	name: string;
	takesValue: boolean;
}

export function completionScript(shell: Shell, flags: readonly FlagSpec[]): string {
	return shell === 'fish' ? fishScript(flags) : bashScript(flags, shell === 'zsh');
}

const valueCase = (names: string[], body: string) =>
	names.length > 0 ? `\t\t${names.map(name => `--${name}`).join('|')}) ${body} ;;` : '';

function bashScript(flags: readonly FlagSpec[], forZsh: boolean): string {
	const plainValues = flags
		.filter(flag => flag.takesValue && !(flag.name in CHOICES) && !FILE_FLAGS.includes(flag.name))
		.filter(flag => !(flag.name in NAME_FLAGS))
		.map(flag => flag.name);
	const lines = [
		'# nuon-tui completion for bash (and zsh through bashcompinit)',
		...(forZsh ? ['autoload -U +X compinit && compinit', 'autoload -U +X bashcompinit && bashcompinit'] : []),
		'_nuon_tui() {',
		'\tlocal cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
		'\tCOMPREPLY=()',
		'\tcase "$prev" in',
		...Object.entries(CHOICES).map(([name, words]) =>
			valueCase([name], `COMPREPLY=($(compgen -W "${words.join(' ')}" -- "$cur")); return`),
		),
		valueCase(FILE_FLAGS, 'COMPREPLY=($(compgen -f -- "$cur")); return'),
		...Object.entries(NAME_FLAGS).map(([name, what]) =>
			valueCase(
				[name],
				`local IFS=$'\\n'; COMPREPLY=($(compgen -W "$(nuon-tui __complete ${what} ` +
					`"\${COMP_WORDS[@]:1:COMP_CWORD-2}" 2>/dev/null)" -- "$cur")); return`,
			),
		),
		valueCase(plainValues, 'return'),
		'\tesac',
		'\tif [[ "$cur" == -* ]]; then',
		`\t\tCOMPREPLY=($(compgen -W "${flags.map(flag => `--${flag.name}`).join(' ')}" -- "$cur"))`,
		'\telif [[ $COMP_CWORD -eq 1 ]]; then',
		`\t\tCOMPREPLY=($(compgen -W "${SUBCOMMANDS.join(' ')}" -- "$cur"))`,
		'\telif [[ ${COMP_WORDS[1]} == completion && $COMP_CWORD -eq 2 ]]; then',
		`\t\tCOMPREPLY=($(compgen -W "${SHELLS.join(' ')}" -- "$cur"))`,
		'\telif [[ ${COMP_WORDS[1]} == help && $COMP_CWORD -eq 2 ]]; then',
		'\t\tCOMPREPLY=($(compgen -W "watch approvals demo-server completion" -- "$cur"))',
		'\tfi',
		'}',
		'complete -F _nuon_tui nuon-tui',
	];
	return `${lines.filter(Boolean).join('\n')}\n`;
}

function fishScript(flags: readonly FlagSpec[]): string {
	const first = '__fish_use_subcommand';
	const lines = [
		'# nuon-tui completion for fish',
		'complete -c nuon-tui -f',
		`complete -c nuon-tui -n ${first} -a "${SUBCOMMANDS.join(' ')}"`,
		`complete -c nuon-tui -n "__fish_seen_subcommand_from completion" -a "${SHELLS.join(' ')}"`,
		...flags.map(flag => {
			const base = `complete -c nuon-tui -l ${flag.name}`;
			if (!flag.takesValue) return base;
			if (flag.name in CHOICES) return `${base} -x -a "${CHOICES[flag.name]!.join(' ')}"`;
			if (FILE_FLAGS.includes(flag.name)) return `${base} -r -F`;
			const what = NAME_FLAGS[flag.name];
			return what ? `${base} -x -a "(nuon-tui __complete ${what} 2>/dev/null)"` : `${base} -x`;
		}),
	];
	return `${lines.join('\n')}\n`;
}
