// The `:` command line: parsing and completion, pure. Running the commands is the app's job.
export const COMMAND_NAMES = ['install', 'app', 'component', 'org', 'logs', 'watch', 'board', 'q'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type Parsed = {kind: 'command'; name: CommandName; argument: string} | {kind: 'unknown'; name: string} | {kind: 'empty'};

export function parseCommandLine(text: string): Parsed {
	const trimmed = text.trim().replace(/^:/, '');
	if (!trimmed) return {kind: 'empty'};
	const [word = '', ...rest] = trimmed.split(/\s+/);
	const name = word === 'quit' ? 'q' : COMMAND_NAMES.find(command => command === word);
	return name ? {kind: 'command', name, argument: rest.join(' ')} : {kind: 'unknown', name: word};
}

/**
 * What Tab completes `text` to: a command name while the first word is typed, else the first of
 * `candidates` (names from the server) that starts with or contains the argument.
 */
export function complete(text: string, candidates: readonly string[]): string {
	const [word = '', ...rest] = text.split(' ');
	if (rest.length === 0) {
		const match = COMMAND_NAMES.find(name => name.startsWith(word));
		return match ? `${match} ` : text;
	}
	const argument = rest.join(' ').toLowerCase();
	const match = candidates.find(c => c.toLowerCase().startsWith(argument)) ?? candidates.find(c => c.toLowerCase().includes(argument));
	return match ? `${word} ${match}` : text;
}

export const COMMAND_HELP = ':install NAME  :app NAME  :component NAME  :org ID  :logs  :watch  :board  :q';
