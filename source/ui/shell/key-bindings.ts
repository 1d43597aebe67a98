// The one key registry: every command, its keys and its help text. Each screen names the commands
// it binds (most useful first); the dispatcher resolves a key against those first, then the whole
// table, and the hint line and the `?` overlay are generated from the same lists.
import type {Key} from 'ink';

export interface Command {
	id: string;
	keys: readonly string[];
	help: string;
	/** Where the command applies, for the help overlay. */
	scope: 'navigation' | 'list' | 'drill' | 'logs' | 'board' | 'workflow' | 'menu' | 'watch' | 'global';
	/** Its entry in the footer's short hint line. */
	hint?: string;
}

type Matcher = (input: string, key: Key) => boolean;

const TABLE = [
	{
		id: 'up',
		keys: ['↑', 'k'],
		help: 'move up',
		scope: 'navigation',
		match: (i, k) => k.upArrow || i === 'k',
	},
	{
		id: 'down',
		keys: ['↓', 'j'],
		help: 'move down',
		scope: 'navigation',
		hint: '↑↓ move',
		match: (i, k) => k.downArrow || i === 'j',
	},
	{
		id: 'pageUp',
		keys: ['PgUp', 'Ctrl-b', 'Ctrl-u'],
		help: 'page up',
		scope: 'navigation',
		match: (i, k) => k.pageUp || (k.ctrl && (i === 'b' || i === 'u')),
	},
	{
		id: 'pageDown',
		keys: ['PgDn', 'Ctrl-f', 'Ctrl-d'],
		help: 'page down',
		scope: 'navigation',
		match: (i, k) => k.pageDown || (k.ctrl && (i === 'f' || i === 'd')),
	},
	{id: 'top', keys: ['g', 'Home'], help: 'top', scope: 'navigation', match: (i, k) => i === 'g' || k.home},
	{
		id: 'bottom',
		keys: ['G', 'End'],
		help: 'bottom',
		scope: 'navigation',
		match: (i, k) => i === 'G' || k.end,
	},
	{
		id: 'open',
		keys: ['Enter', 'l', '→'],
		help: 'drill in',
		scope: 'navigation',
		hint: '⏎ open',
		match: (i, k) => k.return || i === 'l' || k.rightArrow,
	},
	{
		id: 'back',
		keys: ['Esc', 'h', '←'],
		help: 'go back up',
		scope: 'navigation',
		hint: 'esc back',
		match: (i, k) => k.escape || i === 'h' || k.leftArrow,
	},
	{
		id: 'focus',
		keys: ['Tab'],
		help: 'switch pane focus',
		scope: 'navigation',
		hint: 'tab pane',
		match: (_i, k) => k.tab,
	},
	{
		id: 'filter',
		keys: ['/'],
		help: 'filter (Esc clears)',
		scope: 'list',
		hint: '/ filter',
		match: i => i === '/',
	},
	{
		id: 'sort',
		keys: ['s'],
		help: 'sort by name, status, time',
		scope: 'list',
		hint: 's sort',
		match: i => i === 's',
	},
	{id: 'apps', keys: ['a'], help: 'pick an app', scope: 'list', hint: 'a app', match: i => i === 'a'},
	{id: 'logs', keys: ['L'], help: 'logs', scope: 'drill', hint: 'L logs', match: i => i === 'L'},
	{
		id: 'plan',
		keys: ['P'],
		help: 'plan of a deploy job',
		scope: 'drill',
		hint: 'P plan',
		match: i => i === 'P',
	},
	{
		id: 'actions',
		keys: ['A'],
		help: 'action runs of install',
		scope: 'drill',
		hint: 'A actions',
		match: i => i === 'A',
	},
	{
		id: 'history',
		keys: ['H'],
		help: 'deploy history of a component',
		scope: 'drill',
		hint: 'H history',
		match: i => i === 'H',
	},
	{
		id: 'workflows',
		keys: ['w'],
		help: 'workflows of the install (a deploy: its own)',
		scope: 'drill',
		hint: 'w workflows',
		match: i => i === 'w',
	},
	{
		id: 'view',
		keys: ['v'],
		help: 'outputs in JSON viewer',
		scope: 'drill',
		hint: 'v view',
		match: i => i === 'v',
	},
	{id: 'follow', keys: ['f'], help: 'follow on/off', scope: 'logs', hint: 'f follow', match: i => i === 'f'},
	{id: 'wrap', keys: ['w'], help: 'wrap on/off', scope: 'logs', hint: 'w wrap', match: i => i === 'w'},
	{
		id: 'timestamps',
		keys: ['t'],
		help: 'timestamps on/off',
		scope: 'logs',
		hint: 't time',
		match: i => i === 't',
	},
	{
		id: 'search',
		keys: ['/'],
		help: 'search the loaded lines',
		scope: 'logs',
		hint: '/ search',
		match: i => i === '/',
	},
	{id: 'next', keys: ['n'], help: 'next match', scope: 'logs', hint: 'n/N match', match: i => i === 'n'},
	{id: 'previous', keys: ['N'], help: 'previous match', scope: 'logs', match: i => i === 'N'},
	{
		id: 'save',
		keys: ['s'],
		help: 'save lines to a file',
		scope: 'logs',
		hint: 's save',
		match: i => i === 's',
	},
	{
		id: 'logFilter',
		keys: ['F'],
		help: 'one step or execution',
		scope: 'logs',
		hint: 'F step/exec',
		match: i => i === 'F',
	},
	// On the board h/l and the arrows move between columns; Enter opens and Esc goes back.
	{
		id: 'columnLeft',
		keys: ['h', '←'],
		help: 'previous component (column)',
		scope: 'board',
		hint: '←→ column',
		match: (i, k) => i === 'h' || k.leftArrow,
	},
	{
		id: 'columnRight',
		keys: ['l', '→'],
		help: 'next component (column)',
		scope: 'board',
		match: (i, k) => i === 'l' || k.rightArrow,
	},
	{
		id: 'openCell',
		keys: ['Enter'],
		help: 'open the latest deploy of the cell',
		scope: 'board',
		hint: '⏎ open',
		match: (_i, k) => k.return,
	},
	{
		id: 'attentionFirst',
		keys: ['s'],
		help: 'installs that need a person first, and back',
		scope: 'board',
		hint: 's sort',
		match: i => i === 's',
	},
	{
		id: 'failuresOnly',
		keys: ['F'],
		help: 'activity: only the changes into a failure',
		scope: 'board',
		hint: 'F failures',
		match: i => i === 'F',
	},
	{
		id: 'nextFailure',
		keys: ['n'],
		help: 'next failed deploy',
		scope: 'board',
		hint: 'n/N failure',
		match: i => i === 'n',
	},
	{id: 'previousFailure', keys: ['N'], help: 'previous failed deploy', scope: 'board', match: i => i === 'N'},
	{
		id: 'nextApproval',
		keys: ['!'],
		help: 'next deploy waiting for approval',
		scope: 'board',
		hint: '! approval',
		match: i => i === '!',
	},
	// A workflow's step and the plan to approve; the writes are absent under --read-only.
	{
		id: 'approvalPlan',
		keys: ['P'],
		help: 'the plan of the step’s approval',
		scope: 'workflow',
		hint: 'P plan',
		match: i => i === 'P',
	},
	{
		id: 'rawJson',
		keys: ['v'],
		help: 'the plan as raw JSON',
		scope: 'workflow',
		hint: 'v raw',
		match: i => i === 'v',
	},
	{
		id: 'approve',
		keys: ['a'],
		help: 'approve the plan (asks first)',
		scope: 'workflow',
		hint: 'a approve',
		match: i => i === 'a',
	},
	{
		id: 'deny',
		keys: ['d'],
		help: 'deny, deny and skip, or plan again, with a note (asks first)',
		scope: 'workflow',
		hint: 'd deny…',
		match: i => i === 'd',
	},
	{
		id: 'approveAll',
		keys: ['A'],
		help: 'approve every plan of the workflow (asks first)',
		scope: 'workflow',
		hint: 'A approve all',
		match: i => i === 'A',
	},
	{
		id: 'retryStep',
		keys: ['R'],
		help: 'retry the failed step (asks first)',
		scope: 'workflow',
		hint: 'R retry',
		match: i => i === 'R',
	},
	{
		id: 'skipStep',
		keys: ['S'],
		help: 'skip the failed step (asks first)',
		scope: 'workflow',
		hint: 'S skip',
		match: i => i === 'S',
	},
	{
		id: 'cancelWorkflow',
		keys: ['C'],
		help: 'cancel the running workflow (asks first)',
		scope: 'workflow',
		hint: 'C cancel',
		match: i => i === 'C',
	},
	{id: 'confirm', keys: ['y'], help: 'yes: send it', scope: 'menu', hint: 'y yes', match: i => i === 'y'},
	{
		id: 'decline',
		keys: ['n', 'Esc'],
		help: 'no: send nothing',
		scope: 'menu',
		hint: 'n/esc no',
		match: (i, k) => i === 'n' || k.escape,
	},
	{
		id: 'choose',
		keys: ['Enter', '1', '…', '9'],
		help: 'choose (a digit: the item with that number)',
		scope: 'menu',
		hint: '⏎ choose',
		match: (i, k) => k.return || /^[1-9]$/.test(i),
	},
	{
		id: 'typed',
		keys: ['Enter'],
		help: 'a note or a word being typed: done',
		scope: 'menu',
		hint: '⏎ done',
		match: (_i, k) => k.return,
	},
	{
		id: 'sendNothing',
		keys: ['Esc'],
		help: 'close the confirmation: send nothing',
		scope: 'menu',
		hint: 'esc send nothing',
		match: (_i, k) => k.escape,
	},
	{
		id: 'close',
		keys: ['Esc'],
		help: 'close the menu',
		scope: 'menu',
		hint: 'esc close',
		match: (_i, k) => k.escape,
	},
	{id: 'board', keys: ['B'], help: 'rollout board', scope: 'watch', hint: 'B board', match: i => i === 'B'},
	{
		id: 'watch',
		keys: ['W'],
		help: 'watch mode on/off',
		scope: 'watch',
		hint: 'W watch',
		match: i => i === 'W',
	},
	{
		id: 'pause',
		keys: ['p'],
		help: 'pause/resume refreshing',
		scope: 'watch',
		hint: 'p pause',
		match: i => i === 'p',
	},
	{
		id: 'faster',
		keys: ['+'],
		help: 'watch: poll more often',
		scope: 'watch',
		match: i => i === '+' || i === '=',
	},
	{id: 'slower', keys: ['-'], help: 'watch: poll less often', scope: 'watch', match: i => i === '-'},
	{id: 'copyId', keys: ['y'], help: 'copy the id', scope: 'global', hint: 'y copy', match: i => i === 'y'},
	{id: 'copyLink', keys: ['Y'], help: 'copy the dashboard link', scope: 'global', match: i => i === 'Y'},
	{
		id: 'openLink',
		keys: ['o'],
		help: 'open in the dashboard',
		scope: 'global',
		hint: 'o open',
		match: i => i === 'o',
	},
	{
		id: 'command',
		keys: [':'],
		help: 'jump: :install, :app, :component…',
		scope: 'global',
		hint: ': jump',
		match: i => i === ':',
	},
	{
		id: 'refresh',
		keys: ['r'],
		help: 'refresh now',
		scope: 'global',
		hint: 'r refresh',
		match: i => i === 'r',
	},
	{id: 'help', keys: ['?'], help: 'this help', scope: 'global', hint: '? help', match: i => i === '?'},
	{
		id: 'quit',
		keys: ['q', 'Ctrl-c'],
		help: 'quit',
		scope: 'global',
		hint: 'q quit',
		match: (i, k) => i === 'q' || (k.ctrl && i === 'c'),
	},
] as const satisfies ReadonlyArray<Command & {match: Matcher}>;

/** Every command, named by its id (the table above is the one list of them). */
export type CommandId = (typeof TABLE)[number]['id'];

export const COMMANDS: ReadonlyArray<Command & {id: CommandId; match: Matcher}> = TABLE;

const byId = new Map(COMMANDS.map(command => [command.id, command]));

export const commandById = (id: CommandId) => byId.get(id)!;

/** What a key means on a screen: the first of its bound commands it matches, else the first in the table. */
export function commandFor(
	input: string,
	key: Key,
	bindings: readonly CommandId[] = [],
): CommandId | undefined {
	return (
		bindings.map(commandById).find(command => command.match(input, key)) ??
		COMMANDS.find(command => command.match(input, key))
	)?.id;
}

/** The commands that change something in Nuon: each asks first, and none exists under --read-only. */
export const WRITE_COMMANDS: ReadonlySet<CommandId> = new Set([
	'approve',
	'deny',
	'approveAll',
	'retryStep',
	'skipStep',
	'cancelWorkflow',
]);

/** The commands the app itself handles on every screen, after the screen's own. */
export const APP_KEYS: readonly CommandId[] = [
	'command',
	'board',
	'watch',
	'pause',
	'faster',
	'slower',
	'back',
	'help',
	'quit',
];

/** The moves of a cursor or a scrolling view: how far a command moves it (a page is `page` rows). */
export const CURSOR_KEYS: readonly CommandId[] = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'];
export function cursorMove(command: CommandId | undefined, page: number): number | undefined {
	switch (command) {
		case 'up':
			return -1;
		case 'down':
			return 1;
		case 'pageUp':
			return -page;
		case 'pageDown':
			return page;
		case 'top':
			return -Infinity;
		case 'bottom':
			return Infinity;
		default:
			return undefined;
	}
}

/**
 * A chunk of plain characters ("jj\r") becomes one key per character, so fast typing is not lost.
 * Single keys and escape sequences pass through as Ink parsed them.
 */
export function splitKeys(input: string, key: Key): Array<[string, Key]> {
	const characters = [...input];
	if (characters.length <= 1 || key.ctrl || key.meta || input.startsWith('\u001B')) return [[input, key]];
	return characters.map(character => {
		const plain: Key = {
			...key,
			return: character === '\r',
			tab: character === '\t',
			shift: character !== character.toLowerCase(),
		};
		return [character === '\r' || character === '\t' ? '' : character, plain];
	});
}

/** The short hint of a command ("L logs"), as the hint line shows it. */
export function commandHint(id: CommandId): string | undefined {
	return COMMANDS.find(command => command.id === id)?.hint;
}
