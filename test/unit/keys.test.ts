// The key table is data: what each command shows is exactly what it matches, the lists of keys are
// derived from it and the levels' descriptors, what a key means does not follow the hint line's
// order, and the README's table is the table.
import {readFileSync} from 'node:fs';
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {COMMANDS, commandById, commandHint, type CommandId} from '../../source/ui/keys/commands.js';
import {expandKey, isKeyName, keyName} from '../../source/ui/keys/key-names.js';
import {keymap, screenKeymap, type ScreenKeys} from '../../source/ui/keys/keymap.js';
import {withKeysTable} from '../../source/ui/keys/keys-table.js';
import {LEVELS} from '../../source/ui/levels/registry.js';
import {listScreenKeys, type ListKeys} from '../../source/ui/widgets/list-keys.js';
import {writeKeys} from '../../source/ui/writes/use-write.js';

const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
} as Key;
const SPECIAL: Record<string, Partial<Key>> = {
	'↑': {upArrow: true},
	'↓': {downArrow: true},
	'←': {leftArrow: true},
	'→': {rightArrow: true},
	PgUp: {pageUp: true},
	PgDn: {pageDown: true},
	Home: {home: true},
	End: {end: true},
	Enter: {return: true},
	Esc: {escape: true},
	Tab: {tab: true},
};

/** Every key a terminal can send that Ink tells apart here: as Ink reports it (input and flags). */
const EVERY_KEY: Array<[string, Key]> = [
	...Object.values(SPECIAL).map((flags): [string, Key] => ['', {...NO_KEY, ...flags}]),
	[' ', NO_KEY],
	...Array.from({length: 0x7e - 0x20}, (_, index): [string, Key] => {
		const character = String.fromCharCode(0x21 + index);
		return [character, {...NO_KEY, shift: character !== character.toLowerCase()}];
	}),
	...[...'abcdefghijklmnopqrstuvwxyz'].map((letter): [string, Key] => [letter, {...NO_KEY, ctrl: true}]),
	...[...'kjhl'].map((letter): [string, Key] => [letter, {...NO_KEY, meta: true}]),
];

describe('each command matches exactly the keys it shows', () => {
	it.each(COMMANDS.map(command => [command.id, command] as const))('%s', (id, command) => {
		const shown = command.keys.flatMap(expandKey);
		expect(command.keys.every(isKeyName)).toBe(true);
		const alone = keymap([id]);
		const matched = EVERY_KEY.filter(([input, key]) => alone.resolve(keyName(input, key)) === id).map(
			([input, key]) => keyName(input, key),
		);
		// Each key shown is one a terminal sends, and no key that is not shown means the command.
		expect([...new Set(matched)].sort()).toEqual([...new Set(shown)].sort());
	});

	it('shows = beside + (both poll faster), and every digit of a menu', () => {
		expect(commandById('faster').keys).toEqual(['+', '=']);
		expect(keymap(['pick']).resolve('7')).toBe('pick');
		expect(keymap(['pick']).resolve('0')).toBeUndefined();
	});
});

describe('hints', () => {
	const partners = (id: CommandId) =>
		COMMANDS.filter(
			command => command.id === id || command.pair === id || commandById(id).pair === command.id,
		);

	it.each(COMMANDS.filter(command => command.hint).map(command => [command.id, command] as const))(
		'%s shows keys that are its own (or its pair’s) and its word once',
		(id, command) => {
			const keys = typeof command.hint === 'object' ? command.hint.keys : command.keys.slice(0, 1);
			const own = partners(id).flatMap(partner => partner.keys);
			expect(keys.every(key => own.includes(key))).toBe(true);
			const [first] = commandHint(id)!.split(' ');
			expect(commandHint(id)!.split(' ').slice(1)).not.toContain(first);
		},
	);

	it('writes the keys short, arrows together and others apart', () => {
		expect(
			['down', 'open', 'back', 'focus', 'next', 'decline', 'logs'].map(id => commandHint(id as CommandId)),
		).toEqual(['↑↓ move', '⏎ open', 'esc back', 'tab pane', 'n/N match', 'n/esc no', 'L logs']);
	});
});

/** Every set of keys a screen can have: each level's, a list's variants, the menus' and the writes'. */
const SCREENS: Array<[string, ScreenKeys]> = [
	...Object.entries(LEVELS).flatMap(([kind, level]): Array<[string, ScreenKeys]> => {
		if (!('actions' in level.keys)) return [[kind, level.keys]];
		const list = level.keys as ListKeys;
		return [true, false].flatMap(readOnly =>
			[true, false].map((rawView): [string, ScreenKeys] => [
				`${kind}${readOnly ? ' read-only' : ''}${rawView ? ' raw view' : ''}`,
				listScreenKeys(list, {readOnly, opens: true, rawView}),
			]),
		);
	}),
	...(['choose', 'confirm', 'note'] as const).map((stage): [string, ScreenKeys] => [stage, writeKeys(stage)]),
];

describe('what a key means on a screen', () => {
	it.each(SCREENS)('%s: one meaning per key, whatever the order of its hints', (_name, keys) => {
		const screen = screenKeymap(keys);
		const reversed = keymap([...keys.hints, ...(keys.also ?? [])].reverse().concat(screen.commands));
		for (const [input, key] of EVERY_KEY)
			expect(reversed.resolve(keyName(input, key))).toBe(screen.resolve(keyName(input, key)));
	});

	it('refuses two meanings of one key in one scope on one screen', () => {
		expect(() => keymap(['decline', 'close'])).toThrow(
			'key Esc is bound twice on one screen: decline and close',
		);
	});

	it('lets the board’s columns have h, and a plan’s raw JSON have v, whatever comes first', () => {
		expect(keymap(['back', 'columnLeft']).resolve('h')).toBe('columnLeft');
		expect(keymap(['view', 'rawJson']).resolve('v')).toBe('rawJson');
		expect(keymap(['back', 'close']).resolve('Esc')).toBe('close');
	});

	it('derives a list’s keys from its descriptor: its actions bound, in the hint line after moving', () => {
		for (const [kind, level] of Object.entries(LEVELS)) {
			if (!('actions' in level.keys)) continue;
			const {actions, hints} = level.keys as ListKeys;
			for (const action of actions) {
				expect(screenKeymap(level.keys).resolve(commandById(action).keys[0]!), kind).toBe(action);
				expect(hints.indexOf(action), kind).toBeGreaterThan(hints.indexOf('back'));
			}
		}
	});
});

it('README’s keys table is generated from the key table (npm run docs:keys writes it)', () => {
	const readme = readFileSync('README.md', 'utf8');
	expect(withKeysTable(readme), 'README.md differs from the key table: run npm run docs:keys').toBe(readme);
	for (const key of ['`H`', '`w`', '`+` `=`']) expect(readme).toContain(`| ${key}`);
});
