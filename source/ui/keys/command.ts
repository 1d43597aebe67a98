// What one command of the key table is, as data. The tables (`commands-*.ts`) list them; everything
// else about keys (the matcher, the hint line, the help, the README's table) is derived from them.
import type {KeyName} from './key-names.js';

/** Where a command applies: the help's sections, and which meaning of a key wins on a screen. */
export type Scope =
	| 'menu'
	| 'commandLine'
	| 'board'
	| 'logs'
	| 'workflow'
	| 'list'
	| 'drill'
	| 'navigation'
	| 'watch'
	| 'global';

/** The help's and the README's sections, in their order. */
export const SCOPE_TITLES: Readonly<Record<Scope, string>> = {
	navigation: 'Moving around',
	list: 'Lists',
	drill: 'Going deeper',
	board: 'Rollout board',
	workflow: 'Workflows and approvals',
	logs: 'Logs',
	menu: 'Menus and confirmations',
	commandLine: 'The : command line',
	watch: 'Watching a rollout',
	global: 'Everywhere',
};

/** How far a command moves a cursor or a scrolling view: rows, a page either way, or to an end. */
export type Move = -1 | 1 | '-page' | 'page' | '-end' | 'end';

export interface CommandSpec {
	id: string;
	/** Its keys, by name (`key-names.ts`): matched exactly as listed, and shown as listed. */
	keys: readonly KeyName[];
	/** The help overlay's words. */
	help: string;
	scope: Scope;
	/** Its word in the hint line, after its first key ("logs": `L logs`), or the keys to show before it. */
	hint?: string | {text: string; keys: readonly KeyName[]};
	/** The README's words, where they say more than `help`. */
	doc?: string;
	/** The command that shares this one's row in the README (down with up), listed after it. */
	pair?: string;
	/** The app handles it on every screen, after the screen's own keys. */
	app?: true;
	/** It changes something in Nuon: it asks first, and it does not exist under --read-only. */
	write?: true;
	/** It only prepares a write (marks what one will act on): absent under --read-only, as the writes are. */
	forWrite?: true;
	move?: Move;
}

export const defineCommands = <const Table extends readonly CommandSpec[]>(table: Table): Table => table;
