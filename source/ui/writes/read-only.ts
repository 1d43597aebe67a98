// Under --read-only a write's key, and a key that only prepares one (Space marks), is bound nowhere:
// pressed anyway, it says why rather than nothing.
import {commandHint, type Command, type CommandId} from '../keys/commands.js';
import {commandsWithKey, type KeyPress} from '../keys/keymap.js';

/** Says that the key of one of these commands does nothing under --read-only; true when it did. */
export function refuseReadOnly(
	press: KeyPress | undefined,
	among: ReadonlySet<CommandId>,
	say: (message: string) => void,
): boolean {
	const unbound: Command | undefined = press && commandsWithKey(press.name).find(c => among.has(c.id));
	if (unbound)
		say(
			`${commandHint(unbound.id) ?? unbound.id}: not here: nuon-tui was started read-only ` +
				`(--read-only), so it changes nothing in Nuon`,
		);
	return unbound !== undefined;
}
