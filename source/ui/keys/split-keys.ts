// Keys as they arrive: a chunk of plain characters ("jj\r", fast typing or a slow link) is one key per
// character, so no key is lost.
import type {Key} from 'ink';

/** Single keys and escape sequences pass through as Ink parsed them. */
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
