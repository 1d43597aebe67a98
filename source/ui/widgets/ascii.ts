// --ascii (and terminals whose locale is not UTF-8): every character the UI draws itself has a
// one-column ASCII stand-in, so the layout stays the same. The output stream is transliterated on
// its way to the terminal (terminal-output.ts): one place, nothing else needs to know.
import {GLYPH_STAND_INS as ASCII} from '../../domain/glyphs.js';

const PATTERN = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'gu');

export function toAscii(text: string): string {
	return text.replace(PATTERN, char => ASCII[char]!);
}

/** Whether the locale asks for ASCII: LC_ALL, LC_CTYPE or LANG set and not UTF-8. */
export function localeIsAscii(env: NodeJS.ProcessEnv): boolean {
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
	return locale !== '' && !/utf-?8/i.test(locale);
}
