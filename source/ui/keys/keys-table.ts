// The README's table of keys, generated from the key table and the levels' keys (`npm run docs:keys`
// writes it between its markers; a test fails when the README differs).
import {LEVELS} from '../levels/registry.js';
import {SCOPE_TITLES, type Scope} from './command.js';
import {COMMANDS, commandById, type Command, type CommandId} from './commands.js';

export const KEYS_START = '<!-- keys:start: generated from the key table by `npm run docs:keys` -->';
export const KEYS_END = '<!-- keys:end -->';

const levelName = (kind: string) => kind.replace(/[A-Z]/g, letter => ` ${letter.toLowerCase()}`);
const bindsIt = (id: CommandId) => (level: (typeof LEVELS)[keyof typeof LEVELS]) =>
	level.keys.hints.includes(id) || (level.keys.also ?? []).includes(id);

/** Where a command works: every screen, every list, the levels that bind it, or its section. */
function where(command: Command): string {
	const levels = Object.entries(LEVELS);
	const binding = levels.filter(([, level]) => bindsIt(command.id)(level)).map(([kind]) => kind);
	if (command.app || binding.length === levels.length) return 'every screen';
	if (binding.length === 0) return SCOPE_TITLES[command.scope].toLowerCase();
	const lists = levels.filter(([, level]) => 'actions' in level.keys).map(([kind]) => kind);
	const everyList = lists.every(kind => binding.includes(kind));
	const others = binding.filter(kind => !(everyList && lists.includes(kind))).map(levelName);
	return [...(everyList ? ['every list'] : []), ...others].join(', ');
}

const cell = (text: string) => text.replaceAll('|', '\\|');
const keysOf = (command: Command) => command.keys.map(key => `\`${key}\``).join(' ');

/** The markdown table: a row per command (one with its pair: up / down), by section. */
export function keysTable(): string {
	const paired = new Set(COMMANDS.flatMap(command => (command.pair ? [command.pair] : [])));
	const rows = (Object.keys(SCOPE_TITLES) as Scope[]).flatMap(scope =>
		COMMANDS.filter(command => command.scope === scope && !paired.has(command.id)).map(command => {
			const pair = command.pair && commandById(command.pair);
			const keys = pair ? `${keysOf(command)} / ${keysOf(pair)}` : keysOf(command);
			const text = command.doc ?? (pair ? `${command.help} / ${pair.help}` : command.help);
			return `| ${cell(keys)} | ${cell(text)} | ${where(command)} |`;
		}),
	);
	return ['| keys | what they do | where |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with its keys table replaced by the generated one. */
export function withKeysTable(readme: string): string {
	const start = readme.indexOf(KEYS_START);
	const end = readme.indexOf(KEYS_END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${KEYS_START} … ${KEYS_END}`);
	return `${readme.slice(0, start + KEYS_START.length)}\n${keysTable()}\n${readme.slice(end)}`;
}
