// A write to Nuon from a screen: a confirmation that names what it touches and needs `y`, an
// optional note typed first, one request at a time (a second press while one is on its way sends
// nothing), never retried, then the result in the status line and the screen refreshed at once.
import React, {useRef, useState} from 'react';
import {Box, Text, type Key} from 'ink';
import {NuonApiError, describeError} from '../api/errors.js';
import {oneLine} from '../domain/text.js';
import {useExplorer} from './context.js';
import type {CommandId} from './keys.js';
import {useTypedLine} from './line-editor.js';
import type {Theme} from './theme.js';

export interface Write {
	/** "Approve the plan" */
	title: string;
	/** What it touches, named: org, install, workflow, step, the plan's counts. */
	facts: ReadonlyArray<readonly [string, string]>;
	/** Ask for a note before the confirmation (deny). */
	note?: string;
	send: (note: string) => Promise<unknown>;
	/** Said when the server took it: "approved deploy vpc-network". */
	done: string;
}

type Stage = 'note' | 'confirm' | 'sending';

/** The longest note sent with a write (typed or pasted, the rest is not taken). */
export const NOTE_LIMIT = 500;

/** Keys a screen binds while a write is open. */
export const WRITE_KEYS: readonly CommandId[] = ['confirm', 'decline'];

/** What a failed write says: a network failure leaves the outcome unknown. */
export function writeFailure(what: string, error: unknown): string {
	if (error instanceof NuonApiError && (error.kind === 'network' || error.kind === 'timeout')) {
		return `⚠ ${what}: no answer (${describeError(error)}), so it may or may not have been done. Refreshing to see.`;
	}
	if (error instanceof NuonApiError && error.status === 403) return `⚠ ${what}: refused (403): this token may not change this org (a read-only token?).`;
	return `⚠ ${what}: ${describeError(error)}`;
}

export function useWrite(refresh: () => void) {
	const {say} = useExplorer();
	const [open, setOpen] = useState<{write: Write; stage: Stage}>();
	const sending = useRef(false);
	const note = useTypedLine(undefined, NOTE_LIMIT);

	const ask = (write: Write) => {
		if (sending.current) {
			say(`${open?.write.title ?? 'a write'} is on its way: wait for its answer`);
			return;
		}
		setOpen({write, stage: write.note ? 'note' : 'confirm'});
		if (write.note) note.start();
	};

	const send = (write: Write) => {
		if (sending.current) return;
		sending.current = true;
		setOpen({write, stage: 'sending'});
		write
			.send(oneLine(note.text))
			.then(
				() => say(`✓ ${write.done}`),
				error => say(writeFailure(write.title, error)),
			)
			.finally(() => {
				sending.current = false;
				note.clear();
				setOpen(undefined);
				refresh();
			});
	};

	/** The screen's keys while a write is open: it takes them all but quit. */
	const key = (command: CommandId | undefined, input: string, k: Key): boolean => {
		if (!open) return false;
		// Quitting stays possible (a q typed in the note is text; Ctrl-C always quits).
		if (command === 'quit' && (open.stage !== 'note' || k.ctrl)) return false;
		if (open.stage === 'sending') return true;
		if (open.stage === 'note') {
			if (k.escape) {
				note.clear();
				setOpen(undefined);
				say(`${open.write.title}: nothing sent`);
			} else if (k.return) {
				setOpen({...open, stage: 'confirm'});
				note.key(input, k);
			} else {
				note.key(input, k);
			}
			return true;
		}
		if (command === 'confirm' && input === 'y') send(open.write);
		else if (command === 'decline' || input === 'n' || k.escape) {
			note.clear();
			setOpen(undefined);
			say(`${open.write.title}: nothing sent`);
		}
		return true;
	};

	return {open: open !== undefined, ask, key, panel: open ? {write: open.write, stage: open.stage, note: note.text} : undefined};
}

/** The confirmation, drawn in place of the list while a write is open. */
export function WritePanel({write, stage, note, theme}: {write: Write; stage: Stage; note: string; theme: Theme}) {
	const labelWidth = Math.max(...write.facts.map(([label]) => label.length), 4);
	return (
		<Box flexDirection="column">
			<Text bold color={theme.warning} wrap="truncate-end">
				{write.title}?
			</Text>
			<Text> </Text>
			{/* Wrapped, not cut: what a write touches is read in full before y. */}
			{write.facts.map(([label, value]) => (
				<Box key={label}>
					<Box width={labelWidth + 1} flexShrink={0}>
						<Text color={theme.muted}>{label}</Text>
					</Box>
					<Text wrap="wrap">{oneLine(value)}</Text>
				</Box>
			))}
			{write.note !== undefined ? (
				<Text wrap="truncate-end">
					<Text color={theme.muted}>{'note'.padEnd(labelWidth)} </Text>
					{note}
					{stage === 'note' ? <Text inverse> </Text> : null}
				</Text>
			) : null}
			<Text> </Text>
			{stage === 'note' ? (
				<Text color={theme.muted} wrap="wrap">
					{write.note} At most {NOTE_LIMIT} characters{[...note].length >= NOTE_LIMIT ? ' (full)' : ''}. Enter when done, Esc sends nothing.
				</Text>
			) : stage === 'confirm' ? (
				<Text wrap="wrap">
					<Text bold color={theme.accent}>
						y
					</Text>{' '}
					sends it once · <Text bold>n</Text> or <Text bold>Esc</Text> sends nothing
				</Text>
			) : (
				<Text color={theme.accent}>Sending… (not retried)</Text>
			)}
		</Box>
	);
}
