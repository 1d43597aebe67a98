// The one key table: every command, its keys, its help and hint. Lists of commands (the app's, the
// writes, the moves) are read from it, never kept beside it.
import type {CommandSpec, Move, Scope} from './command.js';
import {ACT} from './commands-act.js';
import {BROWSE} from './commands-browse.js';
import {shortKey} from './key-names.js';

const TABLE = [...BROWSE, ...ACT] as const;

/** Every command, named by its id. */
export type CommandId = (typeof TABLE)[number]['id'];

export interface Command extends CommandSpec {
	id: CommandId;
	pair?: CommandId;
}

export const COMMANDS: readonly Command[] = TABLE as readonly CommandSpec[] as readonly Command[];

const byId = new Map(COMMANDS.map(command => [command.id, command]));
export const commandById = (id: CommandId): Command => byId.get(id)!;

const idsWhere = (test: (command: Command) => boolean) => COMMANDS.filter(test).map(command => command.id);

/** The commands the app itself handles on every screen, after the screen's own. */
export const APP_KEYS: readonly CommandId[] = idsWhere(command => command.app === true);
/** The commands that change something in Nuon: each asks first, and none exists under --read-only. */
export const WRITE_COMMANDS: ReadonlySet<CommandId> = new Set(idsWhere(command => command.write === true));
/** What --read-only takes away: the writes and the keys that only prepare one (marking). */
export const READ_ONLY_ABSENT: ReadonlySet<CommandId> = new Set(
	idsWhere(command => command.write === true || command.forWrite === true),
);
/** The moves of a cursor or a scrolling view. */
export const CURSOR_KEYS: readonly CommandId[] = idsWhere(command => command.move !== undefined);
/** The commands that share the selection: its id, its dashboard link. */
export const SHARE_KEYS = ['copyId', 'copyLink', 'openLink'] as const satisfies readonly CommandId[];
export type ShareCommand = (typeof SHARE_KEYS)[number];

/** Which meaning of a key wins where a screen binds two: the first scope in this list. */
export const SCOPE_PRECEDENCE: readonly Scope[] = [
	'menu',
	'commandLine',
	'board',
	'logs',
	'workflow',
	'list',
	'drill',
	'navigation',
	'watch',
	'global',
];

const MOVES: Record<Move, (page: number) => number> = {
	[-1]: () => -1,
	1: () => 1,
	'-page': page => -page,
	page: page => page,
	'-end': () => -Infinity,
	end: () => Infinity,
};

/** How far a command moves a cursor or a scrolling view (a page is `page` rows), if it is a move. */
export function cursorMove(command: CommandId | undefined, page: number): number | undefined {
	const move = command && commandById(command).move;
	return move === undefined ? undefined : MOVES[move](page);
}

const ARROWS = /^[\u2190-\u2193]$/;

/** The keys a command's hint shows, as the hint line writes them (`L`, `↑↓`, `n/N`, `esc`). */
export function hintKeys(command: Command): string {
	const {hint} = command;
	const keys = hint === undefined || typeof hint === 'string' ? command.keys.slice(0, 1) : hint.keys;
	return keys.map(shortKey).join(keys.every(key => ARROWS.test(key)) ? '' : '/');
}

/** The short hint of a command ("L logs"), as the hint line shows it. */
export function commandHint(id: CommandId): string | undefined {
	const command = commandById(id);
	if (command.hint === undefined) return undefined;
	return `${hintKeys(command)} ${typeof command.hint === 'string' ? command.hint : command.hint.text}`;
}
