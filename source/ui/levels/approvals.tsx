// The approvals queue (`:approvals`, Q anywhere): every step waiting for a person to answer its plan,
// across the org (or one app), oldest first: install, component, plan type, waiting since, the plan's
// counts (deletes and replaces in red), the workflow's release. Enter opens the plan, where every
// answer works; answered approvals stay, saying who answered, when and the note.
import {useMemo} from 'react';
import {
	countsText,
	destructiveCount,
	isWaiting,
	planType,
	queueKey,
	shortCounts,
	whatText,
	whereText,
	type QueuedApproval,
} from '../../domain/approval-queue.js';
import {accountLabel} from '../../domain/accounts.js';
import {answerWord} from '../../domain/approval-words.js';
import {ago, formatTimestamp, parseTime} from '../../domain/time.js';
import {useAccountEmails, useApprovalQueue} from '../../state/data.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import {listKeys} from '../widgets/list-keys.js';
import type {Column} from '../widgets/columns.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {useExplorer} from '../shell/context.js';
import {useApproveMarked} from '../writes/use-approve-marked.js';
import {writeKeys} from '../writes/use-write.js';
import {WritePanel} from '../writes/WritePanel.js';
import {defineLevel, listParts} from './level.js';

interface ApprovalsParams {
	appId?: string;
	appName?: string;
}

const state = (entry: QueuedApproval) => (entry.answer ? `${answerWord(entry.answer.type)}` : 'waiting');

/** The mark Space sets (a then approves the marked), then what matters most: where, how much it
 * changes, how long it has waited; the component, plan type and release where there is room. */
const columnsWith = (marks: ReadonlySet<string>): Column<QueuedApproval>[] => [
	{header: ' ', width: 1, priority: 0, text: entry => (marks.has(queueKey(entry)) ? '●' : ' ')},
	{
		header: 'INSTALL',
		width: 10,
		grow: true,
		priority: 1,
		text: whereText,
	},
	{header: 'COMPONENT', width: 12, priority: 4, text: whatText},
	{header: 'TYPE', width: 10, priority: 5, text: planType},
	{
		header: 'WAITING',
		width: 8,
		priority: 3,
		align: 'right',
		text: (entry, now) => (entry.answer ? state(entry) : ago(entry.requestedAt, now)),
		tone: entry => (entry.answer ? 'success' : 'warning'),
		sort: entry => parseTime(entry.requestedAt) ?? 0,
	},
	{
		header: 'PLAN',
		width: 11,
		priority: 2,
		text: shortCounts,
		tone: entry => (destructiveCount(entry) > 0 ? 'failure' : undefined),
	},
	{header: 'RELEASE', width: 8, priority: 6, text: entry => entry.release},
];
const COLUMNS = columnsWith(new Set());

/** An entry's detail; `emails` names the account that answered (the org's accounts, read once). */
const detailWith =
	(emails: ReadonlyMap<string, string>) =>
	(entry: QueuedApproval, now: number): Line[] => {
		return [
			field('install', entry.installName || whereText(entry)),
			field('component', entry.componentName),
			field('owner', entry.owner),
			field('step', entry.stepName),
			field('plan type', planType(entry)),
			field('plan', countsText(entry)),
			...(destructiveCount(entry) > 0
				? [text(`⚠ deletes or replaces ${destructiveCount(entry)}`, {tone: 'failure'})]
				: []),
			field(
				'asked',
				entry.requestedAt && `${formatTimestamp(entry.requestedAt)} (${ago(entry.requestedAt, now)})`,
			),
			field('release', entry.release),
			field('workflow', entry.workflowName),
			blank,
			heading('Answer'),
			...(entry.answer
				? [
						field('answer', answerWord(entry.answer.type)),
						field('by', accountLabel(entry.answer.by, emails)),
						field(
							'when',
							entry.answer.at && `${formatTimestamp(entry.answer.at)} (${ago(entry.answer.at, now)})`,
						),
						field('note', entry.answer.note || '—'),
					]
				: [text('waiting for a person: ⏎ opens the plan to answer', {muted: true})]),
		];
	};

const entryId = queueKey;
const entryTitle = (entry: QueuedApproval) => `${whereText(entry)} › ${whatText(entry)}`;

/** What this level binds: Space marks, a approves the marked (both absent under --read-only). */
const KEYS = listKeys({extra: ['mark', 'approve']});

export function ApprovalsLevel({appId, appName}: ApprovalsParams) {
	const {theme} = useExplorer();
	const resource = useApprovalQueue(appId);
	const waiting = resource.data?.filter(isWaiting).length;
	const writes = useApproveMarked(resource.data, resource.refresh);
	const columns = useMemo(() => columnsWith(writes.marks), [writes.marks]);
	const emails = useAccountEmails();
	const detail = useMemo(() => detailWith(emails), [emails]);
	const marked = writes.marks.size ? ` · ${writes.marks.size} marked` : '';
	const unlisted = resource.data?.unlisted ?? [];
	// December 2025's installs list carries an install's first 10 components only.
	const named = unlisted.slice(0, 3).join(', ') + (unlisted.length > 3 ? ', …' : '');
	const hidden = unlisted.length ? ` · ⚠ not searched past 10 components: ${named}` : '';
	return (
		<ListLevel
			keys={KEYS}
			noun="approvals"
			titleSuffix={
				(appName ? ` of ${appName}` : '') +
				(waiting === undefined ? '' : ` · ${waiting} waiting`) +
				marked +
				hidden
			}
			resource={resource}
			columns={columns}
			onKey={writes.onKey}
			overlay={writes.panel ? <WritePanel {...writes.panel} theme={theme} /> : undefined}
			overlayKeys={writeKeys(writes.panel?.stage)}
			overlayAcross
			rowId={entryId}
			detailTitle={entryTitle}
			detail={detail}
			open={entry => ({
				kind: 'approval',
				installId: entry.installId,
				installName: entry.installName,
				workflowId: entry.workflowId,
				workflowName: entry.workflowName,
				stepId: entry.stepId,
				stepName: entry.stepName,
				approvalId: entry.approvalId,
			})}
			identify={entry => ({
				id: entry.approvalId,
				target: {installId: entry.installId},
				label: `approval of ${entryTitle(entry)}`,
			})}
			emptyText="No plan waits for an approval."
		/>
	);
}

export const approvals = defineLevel<ApprovalsParams>({
	View: ApprovalsLevel,
	keys: KEYS,
	crumb: ({appName}) => (appName ? `approvals (${appName})` : 'approvals'),
	identity: ({appId}) => appId ?? '*',
	example: {},
	parts: listParts({
		load: (client, {appId}: ApprovalsParams) => ENDPOINTS.approvalQueue.fetch(client, {appId}),
		list: {
			rows: entries => entries,
			columns: () => COLUMNS,
			rowId: entryId,
			detailTitle: entryTitle,
			detail: () => detailWith(new Map()),
		},
	}),
});
