// The board read once, without a terminal: its installs, their apps' components and the apps'
// names, and the text the board shows of them (its counts and rows, in either order).
import * as api from '../../api/resources.js';
import {seePastDriftChecks} from '../../state/drift-checks.js';
import type {NuonClient} from '../../api/client.js';
import {installName} from '../../domain/install.js';
import {rolloutCounts, snapshotOf} from '../../domain/rollout.js';
import {fit} from '../../domain/text.js';
import {appNamesOf} from '../../state/data.js';
import {appComponentsKeepingLast} from '../../state/fetchers.js';
import {NAME_WIDTH} from './board-layout.js';
import {cellLabel} from './board-row.js';
import {boardRows, byAttention} from './board-rows.js';

export async function loadBoard(client: NuonClient, {appId}: {appId?: string}) {
	const [page, apps] = await Promise.all([
		api.listInstallsPage(client, 0, undefined),
		api.listApps(client).catch(() => undefined),
	]);
	await seePastDriftChecks(client, page.items);
	const installs = page.items.filter(install => !appId || install.app_id === appId);
	const ids = [...new Set(installs.map(install => install.app_id ?? ''))].sort();
	const components = await appComponentsKeepingLast(client, ids, {current: new Map()});
	return {installs, components, appNames: appNamesOf(apps)};
}

export const boardText = ({installs, components, appNames}: Awaited<ReturnType<typeof loadBoard>>) => [
	...rolloutCounts(snapshotOf(installs)).map(c => `${c.count} ${c.word}`),
	...[boardRows(installs, components), boardRows(byAttention(installs), components)]
		.flat()
		.flatMap(item =>
			item.kind === 'app'
				? [
						fit(appNames.get(item.appId) ?? item.appId, NAME_WIDTH),
						...item.columns.map(c => fit(` ${c.name}`, 12)),
					]
				: [
						fit(`  ${installName(item.install)}`, NAME_WIDTH),
						...item.columns.map(column => fit(` ${cellLabel(item.install, column).label}`, 12)),
					],
		),
];
