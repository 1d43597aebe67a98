// The installs list's columns: the same on every server, plus health, lifecycle phase and labels where the
// installs carry them (2026).
import type {Install} from '../../api/resources.js';
import {
	installHealth,
	installLocation,
	installName,
	installPhase,
	installStatus,
} from '../../domain/install.js';
import {installDrifted} from '../../domain/drift.js';
import {labelWords} from '../../domain/labels.js';
import {ago, parseTime} from '../../domain/time.js';
import {HEALTH_TONE, healthLabel, runnerHealth} from '../../domain/runner-health.js';
import {statusRank, type Column} from '../widgets/columns.js';

/** The 2026 fields any of the installs carries: their columns show only then (older servers send none). */
export interface Carried {
	health: boolean;
	phase: boolean;
	labels: boolean;
}

export const carried = (installs: readonly Install[] | undefined): Carried => ({
	health: !!installs?.some(i => installHealth(i)),
	phase: !!installs?.some(i => i.lifecycle_phase),
	labels: !!installs?.some(i => labelWords(i)),
});

/** Shown where room allows, after the columns every server fills (and not sorted by: `s` stays name, status,
 * time). */
function newerColumns(has: Carried): {states: Column<Install>[]; labels: Column<Install>[]} {
	const health: Column<Install> = {
		header: 'HEALTH',
		width: 12,
		priority: 3.7,
		text: i => installHealth(i) ?? '—',
		status: installHealth,
	};
	const phase: Column<Install> = {
		header: 'PHASE',
		width: 14,
		priority: 4.5,
		text: i => installPhase(i).phase ?? '—',
		status: i => installPhase(i).phase,
	};
	const labels: Column<Install> = {header: 'LABELS', width: 24, priority: 5.5, text: labelWords};
	return {
		states: [...(has.health ? [health] : []), ...(has.phase ? [phase] : [])],
		labels: has.labels ? [labels] : [],
	};
}

const NONE: Carried = {health: false, phase: false, labels: false};

export function installColumns(appNames: Map<string, string>, has = NONE): Column<Install>[] {
	const newer = newerColumns(has);
	return [
		{
			header: 'NAME',
			width: 12,
			grow: true,
			priority: 1,
			text: installName,
			muted: i => !i.name,
			sort: i => installName(i).toLowerCase(),
		},
		{
			header: 'STATUS',
			width: 13,
			priority: 2,
			// `≈`: a drift check found drift on a component (or the sandbox).
			text: i => `${installStatus(i) ?? ''}${installDrifted(i) ? ' ≈' : ''}`,
			status: installStatus,
			sort: i => statusRank(installStatus(i)),
		},
		...newer.states,
		{
			header: 'RUNNER',
			width: 14,
			priority: 3.5,
			text: i => healthLabel(runnerHealth(i)),
			tone: i => HEALTH_TONE[runnerHealth(i)],
		},
		{
			header: 'UPDATED',
			width: 8,
			priority: 3,
			align: 'right',
			text: (i, now) => ago(i.updated_at, now),
			sort: i => -(parseTime(i.updated_at) ?? 0),
		},
		{header: 'CLOUD/REGION', width: 18, priority: 4, text: installLocation},
		{header: 'APP', width: 14, priority: 5, text: i => appNames.get(i.app_id ?? '') ?? i.app_id ?? '—'},
		...newer.labels,
		// Only on wide terminals:
		{header: 'ID', width: 26, priority: 6, text: i => i.id ?? '—'},
		{header: 'CREATED BY', width: 22, priority: 7, text: i => i.created_by_id ?? '—'},
	];
}
