// A write to Nuon from a screen: a confirmation that names what it touches and needs `y`, an
// optional choice of answer and note first, a re-read of what it acts on just before sending (a
// stale screen answers nothing), one request at a time (a second press while one is on its way
// sends nothing), never retried, then the result in the status line and the screen refreshed.
import {useRef, useState} from 'react';
import {NuonApiError, describeError} from '../../api/errors.js';
import {oneLine} from '../../domain/text.js';
import {useExplorer} from '../shell/context.js';
import {CURSOR_KEYS, cursorMove, type CommandId} from '../keys/commands.js';
import {keyArrivedAt, keyCameAlone} from '../keys/key-arrival.js';
import {keymap, type KeyPress, type ScreenKeys} from '../keys/keymap.js';
import {lineEdit, useTypedLine} from '../widgets/line-editor.js';

export interface Write {
	/** "Approve the plan" */
	title: string;
	/** What it touches, named: org, install, workflow, step, the plan's counts. */
	facts: ReadonlyArray<readonly [string, string]>;
	/** What happens next, in plain words ("the workflow goes on without this step"). */
	effect?: string;
	/** Ask for a note before the confirmation (deny). */
	note?: string;
	/**
	 * Re-reads what the write acts on, just before it is sent: a reason not to send (the step was
	 * answered meanwhile), or undefined to go on.
	 */
	check?: () => Promise<string | undefined>;
	/**
	 * More facts that need requests (approve all: each waiting plan's counts; a retry: the newer
	 * workflows), read when it opens; `mustType`: a word to type instead of `y` (a retry in a
	 * workflow a newer one has replaced).
	 */
	load?: () => Promise<{
		facts: ReadonlyArray<readonly [string, string]>;
		mustType?: {word: string; why: string};
	}>;
	send: (note: string) => Promise<unknown>;
	/** Said when the server took it: "approved deploy vpc-network". */
	done: string;
}

/** Several answers to one question (deny, deny and skip…): the user picks one, then confirms it. */
export interface WriteChoice {
	title: string;
	choices: readonly Write[];
}

type Stage = 'choose' | 'note' | 'confirm' | 'type' | 'checking' | 'sending';

/**
 * How long after a question opens (or closes) its keys are not taken as its answer: a `y` that
 * arrives with the keys that opened it was typed ahead or pasted, not read.
 */
export const KEY_GUARD_MS = 300;

/**
 * The keys that answer a confirmation or a choice: just after one closed, they do nothing. Esc, which
 * also goes back, is not held: leaving is never an answer typed twice.
 */
const ANSWER_KEYS = keymap(['confirm', 'decline', 'choose', 'pick']);
const BACK_KEYS = keymap(['back']);
const answersOnly = ({name}: KeyPress) =>
	ANSWER_KEYS.resolve(name) !== undefined && BACK_KEYS.resolve(name) === undefined;

/** The longest note sent (the server keeps it as text; a paste can be far longer). */
export const NOTE_LIMIT = 500;

const CHOOSING: ScreenKeys = {hints: ['down', 'choose', 'decline', 'quit'], also: [...CURSOR_KEYS, 'pick']};
const CONFIRMING: ScreenKeys = {hints: ['confirm', 'decline', 'quit']};
// Typing: y, n and q are letters of the note (Ctrl-C still quits).
const TYPING_NOTE: ScreenKeys = {hints: ['typed', 'sendNothing']};
const TYPING_WORD: ScreenKeys = {hints: ['typed', 'sendNothing', 'quit']};
const WAITING: ScreenKeys = {hints: ['quit']};

/** Keys a screen binds while a write is open, by stage (none while it is on its way). */
export function writeKeys(stage: Stage | undefined): ScreenKeys {
	if (stage === 'choose') return CHOOSING;
	if (stage === 'confirm') return CONFIRMING;
	if (stage === 'note') return TYPING_NOTE;
	if (stage === 'type') return TYPING_WORD;
	return WAITING;
}

/** The error a write's `send` throws when the server says it was done already (by someone else). */
export class AlreadyDone extends Error {}

/** What a failed write says: a network failure leaves the outcome unknown. */
export function writeFailure(what: string, error: unknown): string {
	if (error instanceof AlreadyDone) return `⚑ ${what}: ${error.message}`;
	if (error instanceof NuonApiError && (error.kind === 'network' || error.kind === 'timeout')) {
		return (
			`⚠ ${what}: no answer (${describeError(error)}), so it may or may not have been done. ` +
			`Refreshing to see.`
		);
	}
	if (error instanceof NuonApiError && error.status === 403)
		return `⚠ ${what}: refused (403): this token may not change this org (a read-only token?).`;
	return `⚠ ${what}: ${describeError(error)}`;
}

interface Open {
	write: Write;
	stage: Stage;
	/** The answers to choose from, and which one the cursor is on. */
	choice?: {question: WriteChoice; index: number};
	openedAt: number;
	/** What `load` read: undefined while it is being read. */
	more?: ReadonlyArray<readonly [string, string]>;
	mustType?: {word: string; why: string};
}

export interface WriteOptions {
	refresh: () => void;
	/** Told once the server took a write (the screen then follows what it changes). */
	onSent?: (write: Write) => void;
}

export function useWrite({refresh, onSent}: WriteOptions) {
	const {say, keyGuardMs: guardMs} = useExplorer();
	const [open, setOpen] = useState<Open>();
	const sending = useRef(false);
	const closedAt = useRef(0);
	const note = useTypedLine(undefined, NOTE_LIMIT);
	/** The word a confirmation asks to be typed (`mustType`): typed, never pasted. */
	const word = useTypedLine(undefined, 20, () => refuseKeysTogether());
	const stageOf = (write: Write): Stage => (write.note ? 'note' : 'confirm');

	const close = (message?: string) => {
		note.clear();
		word.clear();
		setOpen(undefined);
		closedAt.current = Date.now();
		if (message) say(message);
	};
	const closeUnsent = (dialog: Open) => {
		close(`${dialog.write.title}: nothing sent`);
		return true;
	};

	const ask = (question: Write | WriteChoice) => {
		if (sending.current) {
			say(`${open?.write.title ?? 'a write'} is on its way: wait for its answer`);
			return;
		}
		const openedAt = Date.now();
		say(''); // what an earlier confirmation said ("nothing sent") is not about this one
		if ('choices' in question) {
			setOpen({write: question.choices[0]!, stage: 'choose', choice: {question, index: 0}, openedAt});
			return;
		}
		setOpen({write: question, stage: stageOf(question), openedAt, ...(question.load ? {} : {more: []})});
		if (question.note) note.start();
		question.load?.().then(
			({facts: more, mustType}) =>
				setOpen(current => {
					if (current?.write !== question) return current;
					if (!mustType || current.stage !== 'confirm') return {...current, more, mustType};
					word.start();
					// The question changes from y to a word: its guard starts again.
					return {...current, more, mustType, stage: 'type', openedAt: Date.now()};
				}),
			(error: unknown) =>
				setOpen(current =>
					current?.write === question
						? {...current, more: [['⚠', `could not read it all: ${describeError(error)}`]]}
						: current,
				),
		);
	};

	const send = (write: Write) => {
		if (sending.current) return;
		sending.current = true;
		setOpen(current => current && {...current, stage: write.check ? 'checking' : 'sending'});
		const text = oneLine(note.text);
		const checked = write.check ? write.check() : Promise.resolve(undefined);
		checked
			.then(
				reason => {
					if (reason !== undefined) return `${write.title}: not sent: ${reason}`;
					setOpen(current => current && {...current, stage: 'sending'});
					return write.send(text).then(
						() => {
							onSent?.(write);
							return `✓ ${write.done}`;
						},
						(error: unknown) => writeFailure(write.title, error),
					);
				},
				(error: unknown) => `${write.title}: not sent: could not re-read it first (${describeError(error)})`,
			)
			.then(message => {
				sending.current = false;
				close(message);
				refresh();
			});
	};

	/** The key being handled came within the guard of `since` (or before it: typed ahead, queued). */
	const early = (since: number) => keyArrivedAt() - since < guardMs;

	/** What a paste, or keys that came together, onto a question that must be typed says. */
	const refuseKeysTogether = () => {
		if (!open) return;
		const answer = open.stage === 'type' ? `${open.mustType!.word} and Enter` : 'the answer';
		say(`${open.write.title}: paste ignored: type ${answer} one key at a time, or Esc`);
	};

	/**
	 * The screen's keys while a write is open: it takes them all but quit. Just after it closed, it
	 * takes the keys that answered it (a double-tapped `y` is not "copy"). Keys that came together in
	 * one read (an unmarked paste, keys typed ahead) answer nothing and do nothing; in a note, text.
	 */
	const key = (command: CommandId | undefined, press: KeyPress | undefined): boolean => {
		if (!open) return !!press && answersOnly(press) && early(closedAt.current);
		if (press && !keyCameAlone()) {
			if (open.stage === 'note') note.paste(press.key.return ? '\n' : press.input);
			else if (open.stage !== 'checking' && open.stage !== 'sending') refuseKeysTogether();
			return true;
		}
		if (command === 'quit' && open.stage !== 'note') return false;
		if (open.stage === 'checking' || open.stage === 'sending' || !press) return true;
		// A note and a word are typed: the line editor's keys (Esc leaves, Enter is done) and letters.
		const edit =
			open.stage === 'note' || open.stage === 'type' ? lineEdit(press.input, press.key) : undefined;
		if (edit?.type === 'cancel') return closeUnsent(open);
		if (open.stage === 'note') {
			if (edit?.type === 'submit') {
				setOpen({...open, stage: open.mustType ? 'type' : 'confirm', openedAt: Date.now()});
				if (open.mustType) word.start();
			} else note.key(press.input, press.key);
			return true;
		}
		if (open.stage === 'type') {
			// A word typed ahead is not typed in answer: what came within the guard counts for nothing.
			if (early(open.openedAt)) word.clear();
			else if (edit?.type !== 'submit') word.key(press.input, press.key);
			else if (word.text.trim().toLowerCase() === open.mustType!.word) send(open.write);
			else {
				word.clear();
				say(`${open.write.title}: type ${open.mustType!.word} and Enter to send it, or Esc`);
			}
			return true;
		}
		if (command === 'decline') return closeUnsent(open);
		if (early(open.openedAt)) return true;
		if (open.stage === 'choose') {
			choose(open, command, press.input);
			return true;
		}
		if (command === 'confirm') {
			if (open.more === undefined) say(`${open.write.title}: still reading what it touches; y once it shows`);
			else send(open.write);
		}
		return true;
	};

	const choose = (current: Open, command: CommandId | undefined, input: string) => {
		const {question, index} = current.choice!;
		const move = cursorMove(command, 1);
		if (move !== undefined) {
			const next = Math.max(
				0,
				Math.min(
					question.choices.length - 1,
					index +
						(Number.isFinite(move) ? move : move > 0 ? question.choices.length : -question.choices.length),
				),
			);
			setOpen({...current, write: question.choices[next]!, choice: {question, index: next}});
			return;
		}
		const picked =
			command === 'pick'
				? question.choices[Number(input) - 1]
				: command === 'choose'
					? question.choices[index]
					: undefined;
		if (!picked) return;
		setOpen({write: picked, stage: stageOf(picked), openedAt: Date.now(), more: []});
		if (picked.note) note.start();
	};

	return {
		open: open !== undefined,
		ask,
		key,
		panel: open
			? {
					write: open.write,
					stage: open.stage,
					choice: open.choice,
					more: open.more,
					mustType: open.mustType,
					typed: word.text,
					note: note.text,
				}
			: undefined,
	};
}
