// A short menu (the app picker, the log filter). ink-select-input draws it; its keys come from the
// app's one dispatcher like every other key, so a menu covered by the help or the `:` line takes
// none, and the keys it has are the ones the help lists.
import {useState} from 'react';
import SelectInput from 'ink-select-input';
import type {CommandId} from '../keys/commands.js';
import type {KeyPress, ScreenKeys} from '../keys/keymap.js';

export interface MenuItem<Value> {
	key: string;
	label: string;
	value: Value;
}

const menus = new Map<CommandId, ScreenKeys>();
/** What a screen binds while its menu is open: the key that opened it closes it again. */
function menuKeys(opener: CommandId): ScreenKeys {
	const keys = menus.get(opener) ?? {
		hints: ['down', 'up', 'choose', 'close', 'help', 'quit'],
		also: ['pick', opener],
	};
	menus.set(opener, keys);
	return keys;
}

const LIMIT = 12;

/** Whether the menu is open, where its cursor is, and what a key does to it (`opener` opened it). */
export function useMenu<Value>(opener: CommandId, onChoose: (value: Value) => void) {
	const [index, setIndex] = useState<number>();
	return {
		isOpen: index !== undefined,
		/** The screen's keys while it is open. */
		keys: menuKeys(opener),
		index: index ?? 0,
		open: (initialIndex = 0) => setIndex(initialIndex),
		close: () => setIndex(undefined),
		/** A key while the menu is open: moves, chooses or closes; only help and quit pass on. */
		handle(
			command: CommandId | undefined,
			press: KeyPress | undefined,
			items: readonly MenuItem<Value>[],
		): boolean {
			const at = index ?? 0;
			const last = items.length - 1;
			if (command === 'up' || command === 'down')
				setIndex(Math.max(0, Math.min(last, at + (command === 'up' ? -1 : 1))));
			else if (command === 'close' || command === 'back' || command === opener) setIndex(undefined);
			else if (command === 'choose' || command === 'pick') {
				// A digit picks from the items on screen, as ink-select-input numbers them.
				const chosen = command === 'pick' ? Math.max(0, at - (LIMIT - 1)) + Number(press?.input) - 1 : at;
				const item = items[chosen];
				if (item) {
					setIndex(undefined);
					onChoose(item.value);
				}
			}
			return command !== 'help' && command !== 'quit';
		},
	};
}

/** The menu as ink-select-input draws it, its cursor at `index`. */
export function Menu<Value>({items, index}: {items: readonly MenuItem<Value>[]; index: number}) {
	// Remounted at each move: the cursor is this component's, not ink-select-input's.
	return <SelectInput key={index} items={[...items]} initialIndex={index} limit={LIMIT} isFocused={false} />;
}
