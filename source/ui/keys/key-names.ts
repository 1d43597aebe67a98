// The names of keys, the one vocabulary of the key table: a command lists its keys by name, an
// incoming key is turned into its name, and a key means what the name is bound to. What the help,
// the hint line and the README show is the same name, so display and matching cannot drift.
import type {Key} from 'ink';

/**
 * A key's name: a printable character (`k`, `/`, `+`), an arrow (`↑`), `Enter`, `Esc`, `Tab`, `PgUp`,
 * `PgDn`, `Home`, `End`, `Space`, `Ctrl-` and a letter, or a range of characters in a command's list (`1…9`).
 */
export type KeyName = string;

/** The name of a key as Ink reports it (a modifier other than Ctrl does not change it). */
export function keyName(input: string, key: Key): KeyName {
	if (key.upArrow) return '↑';
	if (key.downArrow) return '↓';
	if (key.leftArrow) return '←';
	if (key.rightArrow) return '→';
	if (key.pageUp) return 'PgUp';
	if (key.pageDown) return 'PgDn';
	if (key.home) return 'Home';
	if (key.end) return 'End';
	if (key.return) return 'Enter';
	if (key.escape) return 'Esc';
	if (key.tab) return 'Tab';
	if (key.ctrl && input) return `Ctrl-${input}`;
	if (input === ' ') return 'Space';
	return input;
}

/** The keys a name in a command's list stands for: itself, or each character of a range (`1…9`). */
export function expandKey(name: KeyName): KeyName[] {
	const range = /^(.)\u2026(.)$/u.exec(name);
	if (!range) return [name];
	const [from, to] = [range[1]!.codePointAt(0)!, range[2]!.codePointAt(0)!];
	return Array.from({length: to - from + 1}, (_, index) => String.fromCodePoint(from + index));
}

const SHORT: Readonly<Record<string, string>> = {Enter: '⏎', Esc: 'esc', Tab: 'tab', Space: 'space'};

/** A key as the hint line shows it, short: `⏎`, `esc`, `tab`, the rest as named. */
export const shortKey = (name: KeyName): string => SHORT[name] ?? name;

const NAMED = new Set(['↑', '↓', '←', '→', 'PgUp', 'PgDn', 'Home', 'End', 'Enter', 'Esc', 'Tab', 'Space']);

/** Whether a name is one `keyName` can produce (or a range of such): the table uses no other. */
export const isKeyName = (name: KeyName): boolean =>
	expandKey(name).every(
		key => NAMED.has(key) || /^Ctrl-[a-z]$/.test(key) || ([...key].length === 1 && key >= '!'),
	);
