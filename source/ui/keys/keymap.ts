// What a key means on a screen: one lookup in a map built once per set of bindings. A screen binds
// commands; where two of them share a key, the scope earlier in SCOPE_PRECEDENCE wins (two of one
// scope is a mistake, refused), so the order of a screen's hints never changes what a key does.
import type {Key} from 'ink';
import {expandKey, keyName, type KeyName} from './key-names.js';
import {APP_KEYS, COMMANDS, commandById, SCOPE_PRECEDENCE, type Command, type CommandId} from './commands.js';

/** A screen's keys: the commands it binds, in the order of its hint line and of its help. */
export interface ScreenKeys {
	hints: readonly CommandId[];
	/** Bound too, but never in the hint line (a menu's opener, which closes it again). */
	also?: readonly CommandId[];
}

export interface Keymap {
	/** Every bound command, the screen's own in hint order, then the app's. */
	commands: readonly CommandId[];
	hints: readonly CommandId[];
	/** The command a key means here, if any. */
	resolve: (name: KeyName) => CommandId | undefined;
	/** The keys that mean this command here (on the board, h belongs to the columns, not to back). */
	keysOf: (id: CommandId) => KeyName[];
}

const rank = (command: Command) => SCOPE_PRECEDENCE.indexOf(command.scope);

/** A keymap of exactly these commands. */
export function keymap(ids: readonly CommandId[], hints: readonly CommandId[] = ids): Keymap {
	const commands = [...new Set(ids)];
	const meaning = new Map<KeyName, Command>();
	for (const command of commands.map(commandById)) {
		for (const key of command.keys.flatMap(expandKey)) {
			const other = meaning.get(key);
			if (other && rank(other) === rank(command))
				throw new Error(`key ${key} is bound twice on one screen: ${other.id} and ${command.id}`);
			if (!other || rank(command) < rank(other)) meaning.set(key, command);
		}
	}
	return {
		commands,
		hints: [...new Set(hints)],
		resolve: name => meaning.get(name)?.id,
		keysOf: id => commandById(id).keys.filter(key => expandKey(key).some(one => meaning.get(one)?.id === id)),
	};
}

const built = new WeakMap<ScreenKeys, Keymap>();

/** A screen's keymap, with the app's keys; built once per screen's keys. */
export function screenKeymap(keys: ScreenKeys): Keymap {
	const cached = built.get(keys);
	if (cached) return cached;
	const made = keymap([...keys.hints, ...(keys.also ?? []), ...APP_KEYS], keys.hints);
	built.set(keys, made);
	return made;
}

/** The commands that have this key anywhere in the table, for a key the screen does not bind. */
export function commandsWithKey(name: KeyName): Command[] {
	return COMMANDS.filter(command => command.keys.some(key => expandKey(key).includes(name)));
}

/** A key as it arrived, for the handlers that need more than its meaning (a text field, a digit). */
export interface KeyPress {
	input: string;
	key: Key;
	name: KeyName;
}

export const keyPress = (input: string, key: Key): KeyPress => ({input, key, name: keyName(input, key)});
