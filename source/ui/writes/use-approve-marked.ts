// The approvals queue's marks and its one write: Space marks or unmarks the selected approval; `a`
// approves every marked one that still waits (or, with none marked, the selected one) after one
// confirmation. Under --read-only neither key exists: pressed, it says why.
import {useMemo, useState} from 'react';
import {isWaiting, queueKey, type QueuedApproval} from '../../domain/approval-queue.js';
import {useClient} from '../../state/resource.js';
import {useExplorer} from '../shell/context.js';
import {commandHint, type CommandId} from '../keys/commands.js';
import type {KeyPress} from '../keys/keymap.js';
import {approvalName, approveMarkedWrite} from './approve-marked.js';
import {refuseReadOnly} from './read-only.js';
import {useWrite} from './use-write.js';

const QUEUE_KEYS: ReadonlySet<CommandId> = new Set(['mark', 'approve']);

export function useApproveMarked(entries: readonly QueuedApproval[] | undefined, refresh: () => void) {
	const {readOnly, say, orgLabel} = useExplorer();
	const client = useClient();
	const [marks, setMarks] = useState<ReadonlySet<string>>(new Set());
	const write = useWrite({refresh});
	// A mark holds only while its approval still waits: one answered meanwhile drops out.
	const marked = useMemo(
		() => (entries ?? []).filter(entry => marks.has(queueKey(entry)) && isWaiting(entry)),
		[entries, marks],
	);
	const markedIds = useMemo(() => new Set(marked.map(queueKey)), [marked]);

	const toggle = (entry: QueuedApproval) => {
		if (!isWaiting(entry)) {
			say(`mark: ${approvalName(entry)} is answered already`);
			return;
		}
		const next = new Set(marks);
		const key = queueKey(entry);
		if (next.has(key)) next.delete(key);
		else next.add(key);
		setMarks(next);
		const count = (entries ?? []).filter(found => next.has(queueKey(found)) && isWaiting(found)).length;
		say(count ? `${count} marked: a approves them (asks first)` : 'no approval marked');
	};

	const approve = (selected: QueuedApproval | undefined) => {
		const chosen = marked.length ? marked : selected && isWaiting(selected) ? [selected] : [];
		if (!chosen.length) {
			say(
				`${commandHint('approve')}: ${selected ? 'this approval is answered already' : 'nothing to approve'}`,
			);
			return;
		}
		write.ask(
			approveMarkedWrite(client, orgLabel, chosen, outcomes => {
				const sent = new Set(outcomes.filter(o => o.sent).map(o => queueKey(o.entry)));
				setMarks(current => new Set([...current].filter(id => !sent.has(id))));
			}),
		);
	};

	const onKey = (
		command: CommandId | undefined,
		press: KeyPress | undefined,
		selected: QueuedApproval | undefined,
	): boolean => {
		if (write.key(command, press)) return true;
		if (readOnly) return !command && refuseReadOnly(press, QUEUE_KEYS, say);
		if (command === 'mark') {
			if (selected) toggle(selected);
			return true;
		}
		if (command === 'approve') {
			approve(selected);
			return true;
		}
		return false;
	};

	return {
		marks: markedIds as ReadonlySet<string>,
		onKey,
		panel: write.panel,
	};
}
