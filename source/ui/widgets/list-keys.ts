// The keys of a list level: what every list binds, in the order of its hint line, with the level's
// own (its actions, its writes) after moving, opening and going back. A level declares its own once,
// in its descriptor; the list, the hint line, the help and the README's table derive from that.
import {CURSOR_KEYS, SHARE_KEYS, READ_ONLY_ABSENT, type CommandId} from '../keys/commands.js';
import type {ScreenKeys} from '../keys/keymap.js';

export interface ListKeys<Action extends CommandId = CommandId> extends ScreenKeys {
	/** The keys that open something from the selected row (`L` logs...): the level's `actions`. */
	actions: readonly Action[];
}

/** A list level's keys: its actions and other keys of its own (an app menu, the writes). */
export function listKeys<Action extends CommandId = never>({
	actions = [],
	extra = [],
}: {
	actions?: readonly Action[];
	extra?: readonly CommandId[];
}): ListKeys<Action> {
	const moves = CURSOR_KEYS.filter(id => id !== 'down');
	return {
		actions,
		hints: [
			...['down', 'open', 'back'],
			...actions,
			...extra,
			...['focus', 'filter', 'sort', 'refresh'],
			...moves,
			...SHARE_KEYS,
			...['help', 'quit'],
		] as CommandId[],
	};
}

const variants = new WeakMap<ListKeys, Map<string, ScreenKeys>>();

/**
 * The list's keys as the screen has them now: no writes (nor marks for one) under --read-only, Enter
 * not offered where it opens nothing, and `v` offered on a row whose detail could not be shown (it
 * opens its raw JSON).
 */
export function listScreenKeys(
	keys: ListKeys,
	{readOnly, opens, rawView}: {readOnly: boolean; opens: boolean; rawView: boolean},
): ScreenKeys {
	const flags = `${readOnly}${opens}${rawView}`;
	const known = variants.get(keys) ?? new Map<string, ScreenKeys>();
	variants.set(keys, known);
	const cached = known.get(flags);
	if (cached) return cached;
	const hints = keys.hints.filter(id => !(readOnly && READ_ONLY_ABSENT.has(id)) && (opens || id !== 'open'));
	const view: CommandId[] = rawView && !hints.includes('view') ? ['view'] : [];
	const made = {
		hints: [...hints.slice(0, -2), ...view, ...hints.slice(-2)],
		also: opens ? [] : ['open' as const],
	};
	known.set(flags, made);
	return made;
}
