import React from 'react';
import {ago, formatTimestamp, parseTime} from '../../domain/time.js';
import {useAppComponents, useComponents, usePrefetch, type ComponentRow} from '../../state/data.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import {fetchComponents, withAppDependencies} from '../../state/fetchers.js';
import {listAppComponents} from '../../api/resources.js';
import {statusRank, type Column} from '../widgets/columns.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {items} from '../../domain/fields.js';
import {listKeys} from '../widgets/list-keys.js';
import {defineLevel, listParts} from './level.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({actions: ['actions', 'history', 'workflows']});

const TYPE_LABELS: Record<string, string> = {
	terraform_module: 'terraform',
	helm_chart: 'helm',
	docker_build: 'docker',
	external_image: 'image',
	kubernetes_manifest: 'k8s',
	job: 'job',
};

export const componentType = (row: ComponentRow) => (row.type ? (TYPE_LABELS[row.type] ?? row.type) : '—');

/** When the component's deploy status last changed. */
const statusTime = (row: ComponentRow) => row.statusV2?.created_at_ts ?? row.updatedAt;

const COLUMNS: Column<ComponentRow>[] = [
	{
		header: 'COMPONENT',
		width: 12,
		grow: true,
		priority: 1,
		text: row => row.name,
		sort: row => row.name.toLowerCase(),
	},
	{
		header: 'LATEST DEPLOY',
		width: 13,
		priority: 2,
		// `≈`: a drift check found drift; the status is still the component's own.
		text: row => `${row.deployStatus ?? 'never deployed'}${row.drift ? ' ≈' : ''}`,
		status: row => row.deployStatus ?? 'never deployed',
		sort: row => statusRank(row.deployStatus),
	},
	{
		header: 'AGE',
		width: 8,
		priority: 3,
		align: 'right',
		text: (row, now) => (row.deployStatus ? ago(statusTime(row), now) : '—'),
		sort: row => -(parseTime(statusTime(row)) ?? 0),
	},
	{header: 'TYPE', width: 9, priority: 4, text: componentType},
	{header: 'ID', width: 26, priority: 5, text: row => row.id},
];

function componentDetail(row: ComponentRow, now: number): Line[] {
	const history = items(row.statusV2?.history);
	return [
		field('component', row.name),
		field('id', row.id),
		field('type', componentType(row)),
		...(row.dependencies.length ? [field('depends on', row.dependencies.join(', '))] : []),
		blank,
		heading('Latest deploy'),
		field('status', row.deployStatus ?? 'never deployed', row.deployStatus ?? 'never deployed'),
		text(row.deployDescription ?? '', {muted: true}),
		field(
			'since',
			row.deployStatus ? `${formatTimestamp(statusTime(row))} (${ago(statusTime(row), now)})` : '—',
		),
		...(row.drift
			? [
					blank,
					heading('≈ Drifted'),
					text("a drift check planned the component's newest build and found changes", {muted: true}),
					field('drift run', row.drift.workflowId ?? '—'),
					field('planned build', row.drift.buildId ?? '—'),
				]
			: []),
		...(history.length
			? [
					blank,
					heading('Earlier'),
					...history
						.slice(0, 6)
						.map(h =>
							text(`${formatTimestamp(h.created_at_ts)} ${h.status ?? ''}`, {status: h.status ?? ''}),
						),
				]
			: []),
		blank,
		text('⏎ opens the latest deploy', {muted: true}),
	];
}

export function ComponentsLevel({installId, installName}: {installId: string; installName: string}) {
	const components = useComponents(installId);
	const appId = components.data?.dependenciesFrom;
	const appComponents = useAppComponents(appId ? [appId] : []).data?.get(appId ?? '');
	const rows = React.useMemo(
		() =>
			components.data &&
			(appComponents ? withAppDependencies(components.data.rows, appComponents) : components.data.rows),
		[components.data, appComponents],
	);
	const resource = {...components, data: rows, partial: components.data?.missing};
	const prefetch = usePrefetch();
	return (
		<ListLevel
			keys={KEYS}
			noun="components"
			titleSuffix={` of ${installName}`}
			resource={resource}
			columns={COLUMNS}
			rowId={row => row.id}
			detailTitle={row => row.name}
			detail={componentDetail}
			open={row => ({kind: 'deploy', installId, installName, componentId: row.id, componentName: row.name})}
			emptyText={`${installName} has no components.`}
			actions={{
				actions: () => ({kind: 'runs', installId, installName}),
				history: row => ({
					kind: 'deployHistory',
					installId,
					installName,
					componentId: row.id,
					componentName: row.name,
				}),
				workflows: () => ({kind: 'workflows', installId, installName}),
			}}
			identify={row => ({
				id: row.id,
				target: {installId, componentId: row.id},
				label: `component ${row.name}`,
			})}
			prefetch={row => prefetch(ENDPOINTS.latestDeploy, {installId, componentId: row.id})}
		/>
	);
}

export const components = defineLevel<{installId: string; installName: string}>({
	View: ComponentsLevel,
	keys: KEYS,
	crumb: ({installName}) => installName,
	selectedBelow: ({installId}) => installId,
	example: {installId: 'inl1', installName: 'fuzz'},
	parts: listParts({
		load: async (client, {installId}: {installId: string}) => {
			const components = await fetchComponents(client, installId);
			const appId = components.dependenciesFrom;
			// The app's components, where the level asks them for the dependencies' names.
			const appComponents = appId ? await listAppComponents(client, appId).catch(() => undefined) : undefined;
			return {
				...components,
				rows: appComponents ? withAppDependencies(components.rows, appComponents) : components.rows,
			};
		},
		list: {
			rows: data => data.rows,
			columns: () => COLUMNS,
			rowId: row => row.id,
			detailTitle: row => row.name,
			detail: () => componentDetail,
		},
		text: data => (data.missing ? [data.missing] : []),
	}),
});
