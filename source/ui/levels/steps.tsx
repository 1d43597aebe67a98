// The steps of one action workflow run, in the order of config.steps[].idx.
import {useMemo} from 'react';
import {orderedSteps, runStatus, type OrderedStep} from '../../domain/activity.js';
import {formatNanoseconds} from '../../domain/time.js';
import {useActionRun} from '../../state/data.js';
import type {Column} from '../widgets/columns.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {logsOfRun, runTarget} from './destinations.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import {listKeys} from '../widgets/list-keys.js';
import {defineLevel, listParts} from './level.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({actions: ['logs']});

const COLUMNS: Column<OrderedStep>[] = [
	{
		header: '#',
		width: 3,
		priority: 1,
		align: 'right',
		text: row => (Number.isFinite(row.idx) ? String(row.idx + 1) : '?'),
	},
	{header: 'STEP', width: 8, grow: true, priority: 1, text: row => row.name},
	{header: 'STATUS', width: 13, priority: 1, text: row => row.status, status: row => row.status},
	{
		header: 'DURATION',
		width: 8,
		priority: 2,
		align: 'right',
		text: row => (row.durationNs === undefined ? '—' : formatNanoseconds(row.durationNs)),
	},
];

export function stepDetail(row: OrderedStep): Line[] {
	const config = row.config;
	const repo = config?.public_git_vcs_config ?? config?.connected_github_vcs_config;
	const envNames = Object.keys(config?.env_vars ?? {});
	return [
		field('step', row.name),
		field('position', Number.isFinite(row.idx) ? `${row.idx + 1}` : 'unknown (no config entry)'),
		field('id', row.id),
		field('status', row.status, row.status),
		field('duration', row.durationNs === undefined ? '—' : formatNanoseconds(row.durationNs)),
		blank,
		heading('What it runs'),
		...(config?.command ? [field('command', config.command)] : []),
		...(config?.inline_contents
			? [
					text('inline script:', {muted: true}),
					...config.inline_contents
						.replace(/\n$/, '')
						.split('\n')
						.map(line => text(`  ${line}`)),
				]
			: []),
		...(repo
			? [field('repository', repo.repo), field('branch', repo.branch), field('directory', repo.directory)]
			: []),
		...(!config?.command && !config?.inline_contents && !repo
			? [text('no command recorded', {muted: true})]
			: []),
		blank,
		heading(`Environment (${envNames.length})`),
		...(envNames.length ? envNames.map(name => text(name)) : [text('no variables', {muted: true})]),
		blank,
		text('⏎ logs of this step  L all logs of the run', {muted: true}),
	];
}

export function StepsLevel({
	installId,
	installName,
	runId,
	runName,
}: {
	installId: string;
	installName: string;
	runId: string;
	runName: string;
}) {
	const run = useActionRun(installId, runId);
	const rows = useMemo(() => run.data && orderedSteps(run.data), [run.data]);
	const resource = useMemo(() => ({...run, data: rows}), [run, rows]);
	const status = run.data ? runStatus(run.data) : undefined;
	return (
		<ListLevel
			keys={KEYS}
			noun="steps"
			titleSuffix={` of ${runName} in ${installName}${status ? ` · ${status}` : ''}`}
			resource={resource}
			columns={COLUMNS}
			rowId={row => row.id}
			detailTitle={row => row.name}
			detail={stepDetail}
			open={row => run.data && logsOfRun(run.data, runName, row.name)}
			actions={{logs: () => run.data && logsOfRun(run.data, runName)}}
			identify={row => ({
				id: row.id,
				target: run.data ? runTarget(installId, run.data) : {installId},
				label: `step ${row.name}`,
			})}
			emptyText="This run has no steps."
		/>
	);
}

type StepsParams = {installId: string; installName: string; runId: string; runName: string};

export const steps = defineLevel<StepsParams>({
	View: StepsLevel,
	keys: KEYS,
	crumb: ({runName}) => runName,
	example: {installId: 'inl1', installName: 'fuzz', runId: 'awr1', runName: 'smoke'},
	parts: listParts({
		load: (client, {installId, runId}: StepsParams) => ENDPOINTS.actionRun.fetch(client, {installId, runId}),
		list: {
			rows: orderedSteps,
			columns: () => COLUMNS,
			rowId: row => row.id,
			detailTitle: row => row.name,
			detail: () => stepDetail,
		},
		text: (run, {runName, installName}: StepsParams) => [
			`Steps of ${runName} in ${installName}${runStatus(run) ? ` · ${runStatus(run)}` : ''}`,
		],
	}),
});
