// --ascii (and terminals whose locale is not UTF-8): every character the UI draws itself has a
// one-column ASCII stand-in, so the layout stays the same. The output stream is transliterated on
// its way to the terminal (terminal-output.ts): one place, nothing else needs to know. Enter, which
// one column cannot name, is spelled out before widths are measured where keys are named (keyText).
import {GLYPH_STAND_INS as ASCII} from '../../domain/glyphs.js';

const PATTERN = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'gu');
const SGR = String.raw`(?:\u001B\[[0-9;]*m)*`;
/** The selected row's mark: a › that starts a pane's row, after its left border (or a line). */
const SELECTED = new RegExp(`((?:^|[┃│])${SGR} ?${SGR})›`, 'gmu');
/** The focused pane's mark: the ▸ before its title, in its heavy top border. */
const FOCUSED = new RegExp(`(━${SGR} ${SGR})▸`, 'gu');

export function toAscii(text: string): string {
	return text
		.replace(SELECTED, '$1*')
		.replace(FOCUSED, '$1#')
		.replace(PATTERN, char => ASCII[char]!);
}

let spellEnter = false;

/** Under --ascii, keys are named in words where one column cannot say them (set once at start). */
export function spellKeys(on: boolean): void {
	spellEnter = on;
}

/** A hint or message as it is shown: `⏎ open` reads `enter open` under --ascii. */
export const keyText = (text: string): string => (spellEnter ? text.replaceAll('⏎', 'enter') : text);

/** Whether the locale asks for ASCII: LC_ALL, LC_CTYPE or LANG set and not UTF-8. */
export function localeIsAscii(env: NodeJS.ProcessEnv): boolean {
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
	return locale !== '' && !/utf-?8/i.test(locale);
}

/** --ascii, else the preference, else a locale that is not UTF-8. */
export const asciiWanted = (flag: boolean | undefined, preference: boolean | undefined): boolean =>
	(flag ?? preference) || localeIsAscii(process.env);
