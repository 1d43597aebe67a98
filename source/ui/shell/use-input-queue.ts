// The explorer's input: keys typed quickly (or arriving together over a slow link) are handled one
// at a time, with a render between them, so each key acts on the state the previous one left; a
// paste waits its turn behind the keys before it. Ctrl-C and Ctrl-Z do not wait. Each key keeps when
// it reached the explorer and whether it came alone in its read from the terminal (input-reads.ts).
import {useEffect, useRef} from 'react';
import {useApp, useInput, usePaste, useStdin, type Key} from 'ink';
import {handleArrived, type Arrival} from '../keys/key-arrival.js';
import {keymap, keyPress} from '../keys/keymap.js';
import {splitKeys} from '../keys/split-keys.js';
import {stopUntilContinued} from '../terminal/suspend.js';
import {watchReads, type ReadWatch} from '../terminal/input-reads.js';

/** A key, or a paste (bracketed paste: the terminal marks it, so it never acts as keys), and when it came. */
type Input = {key: [string, Key]; arrival: Arrival} | {paste: string};

/** The keys that skip the queue. */
const URGENT_KEYS = keymap(['quit', 'suspend']);

export function useInputQueue({
	onKey,
	onPaste,
	jobControl,
}: {
	onKey: (input: string, key: Key) => void;
	onPaste: (text: string) => void;
	/** Ctrl-Z stops the process until `fg`. */
	jobControl: boolean;
}): void {
	const {exit, suspendTerminal} = useApp();
	const pending = useRef<Input[]>([]);
	// The latest render's handlers, not those of the render that queued the input.
	const handlers = useRef({onKey, onPaste});
	handlers.current = {onKey, onPaste};
	const draining = useRef(false);
	const {stdin} = useStdin();
	const reads = useRef<ReadWatch | undefined>(undefined);
	useEffect(() => {
		const watch = watchReads(stdin);
		reads.current = watch;
		return watch.stop;
	}, [stdin]);
	const drain = () => {
		const next = pending.current.shift();
		if (!next) {
			draining.current = false;
			return;
		}
		draining.current = true;
		if ('paste' in next) handlers.current.onPaste(next.paste);
		else handleArrived(next.arrival, () => handlers.current.onKey(...next.key));
		setTimeout(drain, 0);
	};
	const enqueue = (...inputs: Input[]) => {
		pending.current.push(...inputs);
		if (!draining.current) drain();
	};
	useInput((input, key) => {
		const urgent = key.ctrl ? URGENT_KEYS.resolve(keyPress(input, key).name) : undefined;
		if (urgent) {
			pending.current = [];
			if (urgent === 'quit') exit();
			else if (jobControl) void stopUntilContinued(suspendTerminal);
			return;
		}
		const read = reads.current?.last() ?? {at: Date.now(), alone: true};
		const keys = splitKeys(input, key);
		const arrival = {at: read.at, alone: read.alone && keys.length === 1};
		enqueue(...keys.map(key => ({key, arrival})));
	});
	usePaste(text => enqueue({paste: text}));
}
