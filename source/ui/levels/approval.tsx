// The plan a step waits to have approved: its changes grouped delete / replace / update / create
// with their counts, the attribute diff of the selected one, the raw JSON one key away, and (unless
// --read-only) approve and deny.
import {useMemo} from 'react';
import {formatChangeCounts, type ChangeAction, type PlannedChange} from '../../domain/approval-plan.js';
import {GLYPHS, phaseOf, statusWord, type Phase} from '../../domain/status.js';
import {accountLabel, createdByEmail} from '../../domain/accounts.js';
import {useClient} from '../../state/resource.js';
import {useAccountEmails, useApprovalPlan} from '../../state/data.js';
import {answerStatus, answerWord} from '../../domain/approval-words.js';
import {ago} from '../../domain/time.js';
import type {Column} from '../widgets/columns.js';
import {useExplorer} from '../shell/context.js';
import type {CommandId} from '../keys/commands.js';
import type {KeyPress} from '../keys/keymap.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {writeKeys} from '../writes/use-write.js';
import {WritePanel} from '../writes/WritePanel.js';
import {useWorkflowWrites} from '../writes/workflow-writes.js';
import {writeTargetWorkflow, type WriteTarget} from '../writes/write-target.js';
import {listKeys} from '../widgets/list-keys.js';
import {defineLevel, listParts} from './level.js';
import {fetchWorkflow} from '../../state/fetchers.js';
import {getApprovalContents} from '../../api/resources.js';
import {readPlan, type ApprovalPlan} from '../../domain/approval-plan.js';
import type {WorkflowStep} from '../../api/resources.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({extra: ['approve', 'deny', 'approveAll', 'rawJson']});

/** The colour of an action: what destroys is red, a replace a warning, what adds is green. */
const ACTION_TONE: Record<ChangeAction, Phase> = {
	delete: 'failure',
	replace: 'warning',
	update: 'progress',
	create: 'success',
	read: 'neutral',
	'no-op': 'neutral',
};
/** Terraform's own marks. */
const ACTION_MARK: Record<ChangeAction, string> = {
	delete: '  -',
	replace: '-/+',
	update: '  ~',
	create: '  +',
	read: ' <=',
	'no-op': '   ',
};

const COLUMNS: Column<PlannedChange>[] = [
	{
		header: 'ACTION',
		width: 11,
		priority: 1,
		text: change => `${ACTION_MARK[change.action]} ${change.action}`,
		tone: change => ACTION_TONE[change.action],
	},
	{header: 'ADDRESS', width: 16, grow: true, priority: 1, text: change => change.address},
	{
		header: 'CHANGES',
		width: 7,
		priority: 2,
		align: 'right',
		text: change => String(change.attributes.length),
	},
];

function changeDetail(change: PlannedChange): Line[] {
	return [
		field('action', change.action),
		field('address', change.address),
		field('type', change.kind || '—'),
		blank,
		heading(change.attributes.length ? `What changes (${change.attributes.length})` : 'What changes'),
		...(change.attributes.length
			? change.attributes.flatMap(attribute => [
					...(attribute.path ? [text(attribute.path)] : []),
					text(`  - ${attribute.before}`, {tone: 'failure'}),
					text(`  + ${attribute.after}`, {tone: 'success'}),
				])
			: [text('no attribute changes in the plan', {muted: true})]),
	];
}

interface ApprovalParams {
	installId: string;
	installName: string;
	workflowId: string;
	workflowName: string;
	stepId: string;
	stepName: string;
	approvalId: string;
}

const changeId = (change: PlannedChange) => `${change.action}:${change.address}`;
const changeTitle = (change: PlannedChange) => change.address;
type Answer = NonNullable<NonNullable<WorkflowStep['approval']>['response']>;

/** Whether the step's approval was answered (by whom, when), or waits. */
function approvalState(
	step: WorkflowStep | undefined,
	emails: ReadonlyMap<string, string>,
	now = Date.now(),
): string | undefined {
	const answer = step?.approval?.response;
	if (!answer) return step?.approval ? statusWord('approval-awaiting') : undefined;
	const who = accountLabel(answer.created_by_id, emails, createdByEmail(answer));
	const when = typeof answer.created_at === 'string' ? ` ${ago(answer.created_at, now)}` : '';
	return `${answerWord(answer.type)}${who ? ` by ${who}` : ''}${when}`;
}

const planCounts = (plan: ApprovalPlan | undefined) =>
	plan && !plan.problem ? formatChangeCounts(plan.counts) : undefined;

/** The plan's counts and the approval's state head every change's detail: at any width they are whole. */
function approvalDetail(counts: string | undefined, state: string | undefined, answer: Answer | undefined) {
	const head = [
		field('plan', counts ?? '…'),
		field('approval', state ?? '…', state && answerStatus(answer?.type)),
		...(answer?.note ? [field('note', answer.note)] : []),
		blank,
	];
	return (change: PlannedChange) => [...head, ...changeDetail(change)];
}

export function ApprovalLevel({
	installId,
	installName,
	workflowId,
	workflowName,
	stepId,
	stepName,
	approvalId,
}: ApprovalParams) {
	const client = useClient();
	const {orgLabel, theme, dispatch, say} = useExplorer();
	const plan = useApprovalPlan(workflowId, stepId, approvalId);
	const writes = useWorkflowWrites(workflowId);
	const {workflow} = writes;
	const step = workflow.data?.steps.find(found => found.id === stepId);
	const answer = step?.approval?.response;
	const emails = useAccountEmails();
	const state = approvalState(step, emails);
	const stateShown = state && `${GLYPHS[phaseOf(answerStatus(answer?.type))]} ${state}`;
	const counts = planCounts(plan.data);
	const detail = useMemo(() => approvalDetail(counts, state, answer), [counts, state, answer]);
	const rows = useMemo(() => (plan.data ? plan.data.changes : undefined), [plan.data]);
	const target = (): WriteTarget => ({
		client,
		orgLabel,
		installId,
		installName,
		workflow: writeTargetWorkflow(workflowId, workflowName, workflow.data?.workflow),
		step,
		steps: workflow.data?.steps,
		plan: plan.data,
	});
	const onKey = (command: CommandId | undefined, press?: KeyPress) => {
		if (writes.onKey(command, press, target)) return true;
		if (command !== 'rawJson') return false;
		if (plan.data)
			dispatch({
				type: 'push',
				location: {
					kind: 'document',
					title: `plan of ${stepName} (raw JSON)`,
					source: {type: 'value', value: plan.data.document},
				},
			});
		else say('v: the plan has not loaded yet');
		return true;
	};
	const problem = plan.data?.problem;
	return (
		<ListLevel
			keys={KEYS}
			noun="changes"
			titleSuffix={`${writes.following}${state ? ` · ${stateShown}` : ''}`}
			resource={{...plan, data: rows}}
			columns={COLUMNS}
			rowId={changeId}
			detailTitle={changeTitle}
			detail={detail}
			emptyText={problem ? `⚠ ${problem}. v shows it.` : 'The plan changes nothing.'}
			onKey={onKey}
			overlay={writes.panel ? <WritePanel {...writes.panel} theme={theme} /> : undefined}
			overlayKeys={writeKeys(writes.panel?.stage)}
			overlayAcross
			notice={writes.notice}
		/>
	);
}

export const approval = defineLevel<ApprovalParams>({
	View: ApprovalLevel,
	keys: KEYS,
	crumb: ({stepName}) => `plan of ${stepName}`,
	example: {
		installId: 'inl1',
		installName: 'fuzz',
		workflowId: 'iwf1',
		workflowName: 'deploy',
		stepId: 'iws1',
		stepName: 'deploy vpc',
		approvalId: 'apr1',
	},
	parts: listParts({
		load: async (client, {workflowId, stepId, approvalId}: ApprovalParams) => {
			const [plan, workflow] = await Promise.all([
				getApprovalContents(client, workflowId, stepId, approvalId).then(readPlan),
				fetchWorkflow(client, workflowId).catch(() => undefined),
			]);
			return {plan, step: workflow?.steps.find(found => found.id === stepId)};
		},
		list: {
			rows: data => data.plan.changes,
			columns: () => COLUMNS,
			rowId: changeId,
			detailTitle: changeTitle,
			detail: data =>
				approvalDetail(
					planCounts(data.plan),
					approvalState(data.step, new Map()),
					data.step?.approval?.response ?? undefined,
				),
		},
		text: data => [approvalState(data.step, new Map()) ?? '', data.plan.problem ?? ''],
	}),
});
