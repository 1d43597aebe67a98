import type * as api from '../../api/resources.js';
import {items} from '../../domain/fields.js';
import {isInProgress, phaseOf} from '../../domain/status.js';
import {ago, formatSeconds, formatTimestamp, parseTime} from '../../domain/time.js';
import {useDeploys} from '../../state/data.js';
import {PAGED_ENDPOINTS} from '../../state/endpoints.js';
import {statusRank, type Column} from '../widgets/columns.js';
import {blank, field, heading, type Line} from '../widgets/lines.js';
import {ListLevel} from '../widgets/ListLevel.js';
import {deployFactLines} from './deploy-lines.js';
import {listKeys} from '../widgets/list-keys.js';
import {defineLevel, listParts} from './level.js';

/** What this level binds (its actions open from the selected row). */
const KEYS = listKeys({});

type Deploy = api.InstallDeploy;

const statusOf = (deploy: Deploy) => deploy.status_v2?.status ?? deploy.status;

/** How long it ran: to the first status it settled in (a later one, such as outdated, does not count), to now
 * while it runs. */
function duration(deploy: Deploy, now: number): string {
	const started = parseTime(deploy.created_at);
	const v2 = deploy.status_v2;
	const statuses = [v2, ...items(v2?.history)]
		.filter(entry => entry?.created_at_ts !== undefined)
		.sort((a, b) => (a!.created_at_ts ?? 0) - (b!.created_at_ts ?? 0));
	const settled = statuses.find(entry => ['success', 'failure', 'warning'].includes(phaseOf(entry!.status)));
	const ended = settled
		? parseTime(settled.created_at_ts)
		: isInProgress(statusOf(deploy))
			? now
			: parseTime(deploy.updated_at);
	return started === undefined || ended === undefined
		? '—'
		: formatSeconds(Math.max(0, ended - started) / 1000);
}

const release = (deploy: Deploy) => deploy.oci_artifact?.tag ?? deploy.release_id ?? deploy.build_id ?? '—';

const COLUMNS: Column<Deploy>[] = [
	{
		header: 'STARTED',
		width: 11,
		priority: 1,
		text: deploy => formatTimestamp(deploy.created_at).slice(5, 16),
		sort: deploy => -(parseTime(deploy.created_at) ?? 0),
	},
	{
		header: 'STATUS',
		width: 13,
		priority: 2,
		text: deploy => statusOf(deploy) ?? '',
		status: statusOf,
		sort: deploy => statusRank(statusOf(deploy)),
	},
	{header: 'RELEASE', width: 10, priority: 3, text: release},
	{header: 'DURATION', width: 8, priority: 4, align: 'right', text: duration},
	{header: 'TYPE', width: 9, priority: 5, text: deploy => deploy.install_deploy_type ?? '—'},
	{
		header: 'BY',
		width: 22,
		grow: true,
		priority: 6,
		text: deploy => deploy.created_by?.email || deploy.created_by_id || '—',
	},
];

function detail(deploy: Deploy, now: number): Line[] {
	return [
		heading('Status'),
		field('status', statusOf(deploy), statusOf(deploy) ?? ''),
		field('started', `${formatTimestamp(deploy.created_at)} (${ago(deploy.created_at, now)})`),
		field('duration', duration(deploy, now)),
		blank,
		...deployFactLines(deploy, now),
	];
}

interface DeployHistoryParams {
	installId: string;
	installName: string;
	componentId: string;
	componentName: string;
}

const deployId = (deploy: Deploy) => deploy.id ?? '';
const deployTitle = (deploy: Deploy) => `deploy of ${formatTimestamp(deploy.created_at)}`;

export function DeployHistoryLevel({
	installId,
	installName,
	componentId,
	componentName,
}: DeployHistoryParams) {
	const deploys = useDeploys(installId, componentId);
	return (
		<ListLevel
			keys={KEYS}
			noun="deploys"
			titleSuffix={` of ${componentName} to ${installName}`}
			resource={deploys}
			columns={COLUMNS}
			rowId={deployId}
			detailTitle={deployTitle}
			detail={detail}
			open={deploy =>
				deploy.id
					? {
							kind: 'deploy',
							installId,
							installName,
							componentId,
							componentName,
							deployId: deploy.id,
							deployLabel: `deploy of ${formatTimestamp(deploy.created_at)}`,
						}
					: undefined
			}
			identify={deploy => ({
				id: deploy.id,
				target: {installId, componentId, deployId: deploy.id},
				label: `deploy of ${componentName}`,
			})}
			emptyText={`${componentName} has never been deployed to ${installName}.`}
		/>
	);
}

export const deployHistory = defineLevel<DeployHistoryParams>({
	View: DeployHistoryLevel,
	keys: KEYS,
	crumb: ({componentName}) => `${componentName} › deploys`,
	selectedBelow: ({componentId}) => componentId,
	example: {installId: 'inl1', installName: 'fuzz', componentId: 'cmp1', componentName: 'api'},
	parts: listParts({
		load: async (client, params: {installId: string; componentId: string}) =>
			(await PAGED_ENDPOINTS.deploys.fetchPage(client, params, 0)).items,
		list: {
			rows: deploys => deploys,
			columns: () => COLUMNS,
			rowId: deployId,
			detailTitle: deployTitle,
			detail: () => detail,
		},
	}),
});
