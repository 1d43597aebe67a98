// The hook that asks for a workflow screen's writes (write-for.ts) and follows the workflow until
// Nuon has acted on one.
import {useEffect, useRef, useState} from 'react';
import {useAccountEmails, useWorkflow} from '../../state/data.js';
import {forget, remember} from '../../state/sent-writes.js';
import {useClient} from '../../state/resource.js';
import {useExplorer} from '../shell/context.js';
import {commandHint, WRITE_COMMANDS, type CommandId} from '../keys/commands.js';
import type {KeyPress} from '../keys/keymap.js';
import {refuseReadOnly} from './read-only.js';
import {useWrite} from './use-write.js';
import type {Followed, WorkflowWrite, WriteTarget} from './write-target.js';
import {writeFor} from './write-for.js';

/** How often a workflow is read while following a write, and for how long at most. */
export const FOLLOW_MS = 1000;
export const FOLLOW_FOR_MS = 60_000;

/**
 * A workflow screen's data and writes: `onKey` asks for the write a key means (saying why when
 * there is none) and takes every key while a confirmation is open; under --read-only it asks for
 * nothing. Once Nuon has taken a write, the workflow is read every second until what it changes
 * has moved (the server acts on an answer at its own next poll), and `following` says so.
 */
export function useWorkflowWrites(workflowId: string) {
	const {readOnly, say} = useExplorer();
	const client = useClient();
	const [following, setFollowing] = useState<{followed: Followed; from: string; since: number}>();
	const workflow = useWorkflow(workflowId, following ? FOLLOW_MS : undefined);
	const data = useRef(workflow.data);
	data.current = workflow.data;
	const accountEmails = useAccountEmails();
	const emails = useRef(accountEmails);
	emails.current = accountEmails;
	const write = useWrite({
		refresh: workflow.refresh,
		onSent: sent => {
			const {follow} = sent as Partial<WorkflowWrite>;
			if (!follow || !data.current) return;
			const from = follow.state(data.current);
			remember(client, follow.key, from);
			setFollowing({followed: follow, from, since: Date.now()});
		},
	});
	useEffect(() => {
		if (!following || !workflow.data) return;
		const now = following.followed.state(workflow.data);
		if (now !== following.from) {
			forget(client, following.followed.key);
			setFollowing(undefined);
			return;
		}
		if (Date.now() - following.since > FOLLOW_FOR_MS) {
			setFollowing(undefined);
			say(
				`${following.followed.label}: Nuon has not acted after ${FOLLOW_FOR_MS / 1000} s; r reads it again`,
			);
		}
	}, [workflow.data, following, say, client]);
	const onKey = (
		command: CommandId | undefined,
		press: KeyPress | undefined,
		target: () => WriteTarget,
	): boolean => {
		if (write.key(command, press)) return true;
		// Unbound under --read-only, a write's key would otherwise mean something else, or nothing.
		if (readOnly) return !command && refuseReadOnly(press, WRITE_COMMANDS, say);
		if (!command || !WRITE_COMMANDS.has(command)) return false;
		const found = writeFor(command, {...target(), emails});
		if (typeof found === 'string') say(`${commandHint(command) ?? command}: ${found}`);
		else write.ask(found);
		return true;
	};
	return {
		workflow,
		onKey,
		panel: write.panel,
		following: following ? ` · sent, waiting for Nuon` : '',
		notice: following
			? `⟳ sent; waiting for Nuon to act on ${following.followed.label} (it looks again every second)`
			: undefined,
	};
}
