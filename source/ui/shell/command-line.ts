// The `:` command line: parsing and completion, pure. Running the commands is the app's job.
export const COMMAND_NAMES = [
	'install',
	'app',
	'component',
	'org',
	'logs',
	'watch',
	'board',
	'approvals',
	'q',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type Parsed =
	| {kind: 'command'; name: CommandName; argument: string}
	| {kind: 'unknown'; name: string}
	| {kind: 'empty'};

export function parseCommandLine(text: string): Parsed {
	const trimmed = text.trim().replace(/^:/, '');
	if (!trimmed) return {kind: 'empty'};
	const [word = '', ...rest] = trimmed.split(/\s+/);
	const name = word === 'quit' ? 'q' : COMMAND_NAMES.find(command => command === word);
	return name ? {kind: 'command', name, argument: rest.join(' ')} : {kind: 'unknown', name: word};
}

/** The candidates for an argument, best first: those that start with it, then those that contain it (any
 * case). */
function ranked(argument: string, candidates: readonly string[]): string[] {
	const needle = argument.toLowerCase();
	const starts = candidates.filter(c => c.toLowerCase().startsWith(needle));
	return [...starts, ...candidates.filter(c => !starts.includes(c) && c.toLowerCase().includes(needle))];
}

/** A run of Tab presses: the line it started from and where it is in the candidates. */
export interface Completion {
	from: string;
	options: string[];
	index: number;
	/** The text the last Tab produced: Tab again (nothing typed since) moves to the next option. */
	shown: string;
}

/**
 * One Tab press: a command name while the first word is typed, else the first of `candidates`
 * (names from the server) that starts with or contains the argument; pressed again, the next
 * option (round and round).
 */
export function tab(
	previous: Completion | undefined,
	text: string,
	candidates: readonly string[],
): {text: string; completion?: Completion} {
	if (previous && previous.shown === text && previous.options.length > 1) {
		const index = (previous.index + 1) % previous.options.length;
		const shown = previous.options[index]!;
		return {text: shown, completion: {...previous, index, shown}};
	}
	const [word = '', ...rest] = text.split(' ');
	const options =
		rest.length === 0
			? COMMAND_NAMES.filter(name => name.startsWith(word)).map(name => `${name} `)
			: ranked(rest.join(' '), candidates).map(name => `${word} ${name}`);
	if (options.length === 0) return {text};
	return {text: options[0]!, completion: {from: text, options, index: 0, shown: options[0]!}};
}

/**
 * The item a typed name means: one whose name (any of `names`) is the argument, else the first
 * whose name starts with it, else the first that contains it, in any case.
 */
export function bestMatch<T>(
	items: readonly T[],
	argument: string,
	names: (item: T) => Array<string | undefined | null>,
): T | undefined {
	const needle = argument.trim().toLowerCase();
	if (!needle) return undefined;
	const lower = (item: T) =>
		names(item)
			.filter((name): name is string => typeof name === 'string' && name !== '')
			.map(name => name.toLowerCase());
	return (
		items.find(item => lower(item).includes(needle)) ??
		items.find(item => lower(item).some(name => name.startsWith(needle))) ??
		items.find(item => lower(item).some(name => name.includes(needle)))
	);
}

export const COMMAND_HELP =
	':install NAME  :app NAME  :component NAME  :org ID  :logs  :watch  :board  :approvals  :q';
