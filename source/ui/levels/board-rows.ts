// The rollout board's rows as pure functions: installs grouped by app under a header row naming
// the app's components, the rows to draw with the header pinned, and the way to the next failure.
import {labelWords} from '../../domain/labels.js';
import type {Component, Install} from '../../api/resources.js';
import {cellStatus, cellStatuses} from '../../domain/cell-status.js';
import {PHASE_ORDER, phaseOf, phaseRank, type Phase} from '../../domain/status.js';
import {list, record, text} from '../../domain/fields.js';
import {installRelease, releaseProgress, type FleetReleases} from '../../domain/release-progress.js';

export interface BoardColumn {
	id: string;
	name: string;
	appId: string;
}

export type BoardRowItem =
	/** `release`: grouped by release, the release its installs are being taken to ('' for none). */
	| {kind: 'app'; appId: string; columns: BoardColumn[]; release?: string}
	| {kind: 'install'; install: Install; columns: BoardColumn[]};

/**
 * The board's rows: installs grouped by app, each group under a header row naming its app's
 * components, so every column of a group means one component.
 */
export function boardRows(
	installs: readonly Install[],
	components: Map<string, Component[]> | undefined,
	/** Given, each app's installs are grouped by the release they are being taken to, among these. */
	groupByRelease?: FleetReleases,
): BoardRowItem[] {
	const apps = new Map<string, Install[]>();
	for (const install of installs) {
		const appId = install.app_id ?? '';
		apps.set(appId, [...(apps.get(appId) ?? []), install]);
	}
	return [...apps].flatMap(([appId, members]) => {
		const listed = components?.get(appId);
		const columns = listed
			? listed.map(c => ({id: c.id ?? '', name: c.name ?? c.id ?? '?', appId}))
			: columnsFromStatuses(members, appId);
		const groups = groupByRelease
			? releaseGroups(members, columns, groupByRelease)
			: [[undefined, members] as const];
		return groups.flatMap(([release, group]) => [
			{kind: 'app' as const, appId, columns, ...(release === undefined ? {} : {release})},
			...group.map(install => ({kind: 'install' as const, install, columns})),
		]);
	});
}

/**
 * An app's installs by the release each is being taken to (the one its row names after →), the
 * newest first (those with none last): the one first deployed last, so a hotfix comes before the
 * release it fixes though that still reaches installs. A release is a build per component, so the
 * installs heading to one release share their targets, and the newest of them names the group.
 */
function releaseGroups(
	installs: readonly Install[],
	columns: readonly BoardColumn[],
	fleet: FleetReleases,
): Array<readonly [string, Install[]]> {
	const ids = columns.map(column => column.id);
	const groups = new Map<string, {at: string; label: string; members: Install[]}>();
	for (const install of installs) {
		const release = releaseProgress(install, ids, fleet).target;
		const key = release?.id ?? '';
		const group = groups.get(key) ?? {at: release?.at ?? '', label: release?.label ?? '', members: []};
		group.members.push(install);
		groups.set(key, group);
	}
	return [...groups.values()]
		.sort((a, b) => b.at.localeCompare(a.at))
		.map(group => [group.label, group.members] as const);
}

/** Component id → name, from the board's columns (listed, or read from the installs): for the activity. */
export const componentNames = (
	installs: readonly Install[],
	components: Map<string, Component[]> | undefined,
): Map<string, string> =>
	new Map(
		boardRows(installs, components).flatMap(item =>
			item.kind === 'app' ? item.columns.map(c => [c.id, c.name] as const) : [],
		),
	);

/**
 * An app's columns while its components cannot be read: every component its installs have a status
 * for, in the order first met, named where an install's components name it (else by its id), so
 * the cells drawn before stay drawn.
 */
export function columnsFromStatuses(installs: readonly Install[], appId: string): BoardColumn[] {
	const names = new Map<string, string>();
	for (const install of installs) {
		for (const ic of list(install.install_components)) {
			const id = text(record(ic)?.component_id);
			const name = text(record(record(ic)?.component)?.name);
			if (id && name) names.set(id, name);
		}
	}
	const ids = [...new Set(installs.flatMap(install => [...cellStatuses(install).keys()]))];
	return ids.map(id => ({id, name: names.get(id) ?? id, appId}));
}

/**
 * The rows to draw from `start`: when the first one is an install, its group's header takes the
 * top row, so every visible cell has its component's name above it.
 */
export function pinnedHeader(
	items: readonly BoardRowItem[],
	start: number,
	height: number,
): Array<{item: BoardRowItem; index: number}> {
	const rows = items.slice(start, start + height).map((item, offset) => ({item, index: start + offset}));
	if (rows[0]?.item.kind !== 'install') return rows;
	let header = start;
	while (header >= 0 && items[header]!.kind !== 'app') header--;
	return header < 0 ? rows : [{item: items[header]!, index: header}, ...rows.slice(0, height - 1)];
}

/** The next failed cell after (or, with -1, before) the given one, in reading order, round the board. */
export function nextCell(
	items: readonly BoardRowItem[],
	row: number,
	column: number,
	direction: 1 | -1,
	phase: Phase = 'failure',
): {row: number; column: number} | undefined {
	const cells: Array<{row: number; column: number}> = [];
	items.forEach((item, index) => {
		if (item.kind !== 'install') return;
		item.columns.forEach((c, k) => {
			if (phaseOf(cellStatus(item.install, c.id)) === phase) cells.push({row: index, column: k});
		});
	});
	const after = (cell: {row: number; column: number}) =>
		cell.row > row || (cell.row === row && cell.column > column);
	const before = (cell: {row: number; column: number}) =>
		cell.row < row || (cell.row === row && cell.column < column);
	return direction === 1
		? (cells.find(after) ?? cells[0])
		: ([...cells].reverse().find(before) ?? cells.at(-1));
}

/** The installs a `/` filter keeps: those whose name, id, release or a label (`tier:prod`) contains the
 * text, any case. */
export function filterInstalls(installs: readonly Install[], text: string): readonly Install[] {
	const needle = text.toLowerCase();
	const words = (install: Install) =>
		[install.name, install.id, installRelease(install)?.label, labelWords(install)].join(' ').toLowerCase();
	return needle ? installs.filter(install => words(install).includes(needle)) : installs;
}

/** The installs that need a person first (a failed deploy, then one waiting, then one moving); the API's
 * order within each. */
export function byAttention(installs: readonly Install[]): Install[] {
	const worst = (install: Install) =>
		Math.min(PHASE_ORDER.length, ...[...cellStatuses(install).values()].map(phaseRank));
	return installs
		.map((install, index) => ({install, index, rank: worst(install)}))
		.sort((a, b) => a.rank - b.rank || a.index - b.index)
		.map(({install}) => install);
}

/** The install row nearest `index` in the direction of travel (header rows are skipped), else the
 * other way. */
export function installRowNear(
	items: readonly BoardRowItem[],
	index: number,
	direction: 1 | -1,
): Extract<BoardRowItem, {kind: 'install'}> | undefined {
	let at = Math.max(0, Math.min(items.length - 1, index));
	while (items[at] && items[at]!.kind !== 'install') at += direction;
	if (!items[at]) {
		at = Math.max(0, Math.min(items.length - 1, index));
		while (items[at] && items[at]!.kind !== 'install') at -= direction;
	}
	const item = items[at];
	return item?.kind === 'install' ? item : undefined;
}
