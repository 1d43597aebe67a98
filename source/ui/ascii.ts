// --ascii (and terminals whose locale is not UTF-8): every character the UI draws itself has a
// one-column ASCII stand-in, so the layout stays the same. The output stream is transliterated on
// its way to the terminal: one place, nothing else needs to know.
import {Writable} from 'node:stream';

const ASCII: Record<string, string> = {
	'┏': '+', '┓': '+', '┗': '+', '┛': '+', '╭': '+', '╮': '+', '╰': '+', '╯': '+',
	'┌': '+', '┐': '+', '└': '+', '┘': '+',
	'━': '=', '─': '-', '┃': '|', '│': '|',
	'✓': '+', '✗': 'x', '◐': '~', '○': 'o', '›': '>', '▸': '>', '▾': 'v', '»': '>',
	'…': '~', '·': '-', '→': '>', '←': '<', '↑': '^', '↓': 'v', '⏎': '<', '⟳': '@', '■': '#', '●': '*',
	'⏸': '=', '⚠': '!', '—': '-', '–': '-',
};
const PATTERN = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'gu');

export function toAscii(text: string): string {
	return text.replace(PATTERN, char => ASCII[char]!);
}

/** Whether the locale asks for ASCII: LC_ALL, LC_CTYPE or LANG set and not UTF-8. */
export function localeIsAscii(env: NodeJS.ProcessEnv): boolean {
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	return locale !== '' && !/utf-?8/i.test(locale);
}

/** A stdout for Ink that writes ASCII stand-ins to `target` and reports its size and resizes. */
export function asciiStdout(target: NodeJS.WriteStream): NodeJS.WriteStream {
	const stream = new Writable({
		write(chunk, _encoding, done) {
			target.write(toAscii(chunk.toString()), done);
		},
	}) as unknown as NodeJS.WriteStream;
	Object.defineProperties(stream, {
		columns: {get: () => target.columns},
		rows: {get: () => target.rows},
		isTTY: {get: () => target.isTTY},
	});
	target.on('resize', () => stream.emit('resize'));
	return stream;
}
