import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {Menu, useMenu, type MenuItem} from '../widgets/Menu.js';
import {keyText} from '../widgets/ascii.js';
import type {App, Install} from '../../api/resources.js';
import {
	countStatuses,
	installHealth,
	installName,
	installPhase,
	installRegion,
	installStatus,
} from '../../domain/install.js';
import {labelsOf, labelsQuery} from '../../domain/labels.js';
import {useClient} from '../../state/resource.js';
import {ago, formatTimestamp} from '../../domain/time.js';
import {driftedNames, installDrifted} from '../../domain/drift.js';
import {healthLabel, runnerDescription, runnerHealth} from '../../domain/runner-health.js';
import {describeError} from '../../api/errors.js';
import {appNamesOf, useAppNames, useApps, useInstalls, usePrefetch} from '../../state/data.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import * as api from '../../api/resources.js';
import {useDebounced} from '../widgets/use-debounced.js';
import {useExplorer} from '../shell/context.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {listKeys} from '../widgets/list-keys.js';
import {carried, installColumns} from './install-columns.js';
import {defineLevel, listParts} from './level.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({actions: ['actions', 'runner', 'workflows'], extra: ['apps']});

function installDetail(appNames: Map<string, string>) {
	return (install: Install, now: number): Line[] => {
		const statuses = Object.values(install.component_statuses ?? {});
		const phase = installPhase(install);
		const labels = labelsOf(install);
		return [
			field('name', install.name),
			field('id', install.id),
			field(
				'app',
				appNames.has(install.app_id ?? '')
					? `${appNames.get(install.app_id!)} (${install.app_id})`
					: install.app_id,
			),
			field('cloud', install.cloud_platform),
			field('region', installRegion(install)),
			...(install.app_branch_id ? [field('app branch', install.app_branch_id)] : []),
			blank,
			...(labels.length
				? [heading(`Labels (${labels.length})`), ...labels.map(([key, value]) => field(key, value)), blank]
				: []),
			heading('Status'),
			field('components', installStatus(install), installStatus(install) ?? ''),
			text(install.composite_component_status_description || '', {muted: true}),
			...(installHealth(install)
				? [
						field('health', installHealth(install), installHealth(install) ?? ''),
						text(install.composite_health_status_description || '', {muted: true}),
					]
				: []),
			field(install.lifecycle_phase ? 'lifecycle' : 'install', phase.phase, phase.phase ?? ''),
			text(phase.description ?? '', {muted: true}),
			field('sandbox', install.sandbox_status, install.sandbox_status ?? ''),
			...(installDrifted(install) ? [field('drift', `≈ ${driftedNames(install)}`)] : []),
			field('runner', `${healthLabel(runnerHealth(install))} (${install.runner_status ?? 'no status'})`),
			text(runnerDescription(install), {muted: true}),
			blank,
			heading(`Components (${statuses.length})`),
			...(statuses.length === 0
				? [text('no component statuses reported', {muted: true})]
				: countStatuses(statuses).map(c => text(`${c.count} ${c.word}`, {status: c.status}))),
			blank,
			field('created by', install.created_by_id),
			field('created', `${formatTimestamp(install.created_at)} (${ago(install.created_at, now)})`),
			field('updated', `${formatTimestamp(install.updated_at)} (${ago(install.updated_at, now)})`),
		];
	};
}

const installId = (install: Install) => install.id ?? install.name ?? '';
const installTitle = (install: Install) => installName(install) || 'Install';

export function InstallsLevel({appId, appName}: {appId?: string; appName?: string}) {
	const {dispatch, theme} = useExplorer();
	const all = useInstalls(appId);
	// While only part of a large list is loaded, a filter also asks the server (its `q` search).
	const [filter, setFilter] = useState('');
	const query = useDebounced(filter, 300);
	const searching = !!query && all.hasMore;
	const searched = useInstalls(appId, searching ? query : undefined);
	const installs = searching ? searched : all;
	const prefetch = usePrefetch();
	const labels = api.labelsFilterOf(useClient());
	const apps = useApps();
	const appNames = useAppNames();
	const has = carried(installs.data);
	const columns = useMemo(
		() => installColumns(appNames, {health: has.health, phase: has.phase, labels: has.labels}),
		[appNames, has.health, has.phase, has.labels],
	);
	const detail = useMemo(() => installDetail(appNames), [appNames]);

	const appItems = useMemo(() => appMenuItems(apps.data), [apps.data]);
	const menu = useMenu<App | undefined>('apps', app =>
		dispatch({
			type: 'reset',
			location: app
				? {kind: 'installs', appId: app.id, appName: app.display_name || app.name}
				: {kind: 'installs'},
		}),
	);
	const overlay = menu.isOpen ? (
		<AppMenu items={appItems} index={menu.index} loading={apps.isLoading && !apps.data} theme={theme} />
	) : undefined;

	return (
		<ListLevel
			keys={KEYS}
			noun="installs"
			titleSuffix={(appName ? ` of ${appName}` : '') + (labels ? ` labelled ${labelsQuery(labels)}` : '')}
			resource={{
				...installs,
				partial: apps.error && !apps.data ? `app names: ${describeError(apps.error)}` : undefined,
			}}
			columns={columns}
			rowId={installId}
			detailTitle={installTitle}
			detail={detail}
			open={install =>
				install.id
					? {kind: 'components', installId: install.id, installName: installName(install)}
					: undefined
			}
			emptyText={appName ? `${appName} has no installs.` : 'This org has no installs yet.'}
			overlay={overlay}
			overlayKeys={menu.keys}
			prefetch={install => install.id && prefetch(ENDPOINTS.components, {installId: install.id})}
			onFilterChange={setFilter}
			identify={install => ({
				id: install.id,
				target: {installId: install.id},
				label: `install ${installName(install)}`,
			})}
			actions={{
				actions: install =>
					install.id ? {kind: 'runs', installId: install.id, installName: installName(install)} : undefined,
				runner: install =>
					install.runner_id
						? {kind: 'runner', runnerId: install.runner_id, installName: installName(install)}
						: undefined,
				workflows: install =>
					install.id
						? {kind: 'workflows', installId: install.id, installName: installName(install)}
						: undefined,
			}}
			onKey={(command, press) => {
				if (menu.isOpen) return menu.handle(command, press, appItems);
				if (command === 'apps')
					menu.open(
						Math.max(
							0,
							appItems.findIndex(item => item.value?.id === appId),
						),
					);
				return command === 'apps';
			}}
		/>
	);
}

function appMenuItems(apps: App[] | undefined): MenuItem<App | undefined>[] {
	return [
		{key: '*', label: 'All apps', value: undefined},
		...(apps ?? []).map((app, index) => ({
			key: `${app.id ?? app.name ?? ''}:${index}`,
			label: app.display_name || app.name || app.id || '',
			value: app as App | undefined,
		})),
	];
}

function AppMenu({
	items,
	index,
	loading,
	theme,
}: {
	items: readonly MenuItem<App | undefined>[];
	index: number;
	loading: boolean;
	theme: ReturnType<typeof useExplorer>['theme'];
}) {
	return (
		<Box flexDirection="column">
			<Text bold color={theme.accent}>
				Show installs of
			</Text>
			{loading ? <Text color={theme.muted}>Loading apps…</Text> : <Menu items={items} index={index} />}
			<Text color={theme.muted}>{keyText('⏎ choose  esc cancel')}</Text>
		</Box>
	);
}

export const installs = defineLevel<{appId?: string; appName?: string}>({
	View: InstallsLevel,
	keys: KEYS,
	crumb: ({appName}) => (appName ? `installs (${appName})` : 'installs'),
	identity: ({appId}) => appId ?? '*',
	example: {},
	parts: listParts({
		load: async (client, {appId}: {appId?: string}) => {
			const [page, apps] = await Promise.all([
				api.listInstallsPage(client, 0, appId),
				api.listApps(client).catch(() => undefined),
			]);
			return {installs: page.items, appNames: appNamesOf(apps)};
		},
		list: {
			rows: data => data.installs,
			columns: data => installColumns(data.appNames, carried(data.installs)),
			rowId: installId,
			detailTitle: installTitle,
			detail: data => installDetail(data.appNames),
		},
	}),
});
