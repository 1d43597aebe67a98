// Seeing past drift checks in the org's installs list. A drift check's deploy is a component's latest
// there (install_deploys_latest_view_v1) from its creation (domain/drift.ts): while it is queued or
// plans, nothing in it says it is one (its `plan_only` is never filled), its workflow does
// (`drift_run`, plan-only: installs/worker/components/event_loop_workflow.go); and behind it the list
// has nothing of the component's real latest deploy, which may be waiting for an approval (the
// check's workflow waits for the install's to end: worker/event_loop_workflow.go).
//
// So, without a request per install: a deploy that is still moving and alone in its workflow (a drift
// run has one deploy; a release's or an install's workflow deploys several components) has its workflow
// read once a session (a workflow's type does not change), and a drift check's deploy is marked with it.
// Where the list gives a component only a drift check, the install's newest deploys are read
// (GET /v1/installs/{id}/deploys, one request) and its real latest one put behind the check: again only
// when the install's drift checks change or while a real deploy found so was still moving.
import type {NuonClient} from '../api/client.js';
import * as api from '../api/resources.js';
import {isDriftCheck, latestDeploys} from '../domain/drift.js';
import {list, record, text} from '../domain/fields.js';
import {phaseOf} from '../domain/status.js';

type Deploy = Record<string, unknown>;

interface Memory {
	/** Workflow id → it is a drift run. */
	driftRuns: Map<string, boolean>;
	/** Install id → its real deploys found behind drift checks, for which checks and components, and
	 * whether all had ended. */
	behind: Map<string, {checks: string; covered: Set<string>; deploys: Deploy[]; settled: boolean}>;
}

const memories = new WeakMap<NuonClient, Memory>();

function memoryOf(client: NuonClient): Memory {
	const memory = memories.get(client) ?? {driftRuns: new Map(), behind: new Map()};
	memories.set(client, memory);
	return memory;
}

const statusOf = (deploy: Deploy) => text(record(deploy.status_v2)?.status) || text(deploy.status) || '';
const workflowOf = (deploy: Deploy) => text(deploy.workflow_id) || text(deploy.install_workflow_id) || '';
const moving = (deploy: Deploy) => phaseOf(statusOf(deploy)) === 'progress';
const ended = (deploy: Deploy) => !moving(deploy) && phaseOf(statusOf(deploy)) !== 'approval';

/** The deploys an install's components list first (their latest), by component. */
const firsts = (install: api.Install) =>
	list(install.install_components)
		.map(ic => record(ic))
		.filter(ic => ic !== undefined)
		.map(ic => ({ic, deploy: record(list(ic.install_deploys)[0])}));

/** Marks the drift checks the list does not name: a moving deploy alone in its workflow, read once. */
async function markDriftRuns(client: NuonClient, installs: readonly api.Install[]): Promise<void> {
	const {driftRuns} = memoryOf(client);
	const candidates: Deploy[] = [];
	for (const install of installs) {
		const deploys = firsts(install).flatMap(({deploy}) => (deploy ? [deploy] : []));
		for (const deploy of deploys) {
			const workflowId = workflowOf(deploy);
			if (!workflowId || isDriftCheck(deploy) || !moving(deploy)) continue;
			if (deploys.filter(other => workflowOf(other) === workflowId).length === 1) candidates.push(deploy);
		}
	}
	const unread = [...new Set(candidates.map(workflowOf))].filter(id => !driftRuns.has(id));
	await Promise.all(
		unread.map(async workflowId => {
			const workflow = await api.getWorkflow(client, workflowId).catch(() => undefined);
			if (workflow) driftRuns.set(workflowId, isDriftCheck({workflow}));
		}),
	);
	for (const deploy of candidates)
		if (driftRuns.get(workflowOf(deploy))) deploy.workflow = {type: 'drift_run', plan_only: true};
}

/** Puts each component's real latest deploy behind the drift check that is all the list gives of it. */
async function findBehind(client: NuonClient, install: api.Install): Promise<void> {
	const hidden = firsts(install).filter(({ic}) => {
		const latest = latestDeploys(ic);
		return latest.driftCheck && !latest.deploy;
	});
	const installId = text(install.id);
	if (!installId) return;
	const {behind} = memoryOf(client);
	// A component the list shows past no check may get a real deploy the memory does not know.
	const shown = behind.get(installId)?.covered;
	if (shown) for (const id of shown) if (!hidden.some(({ic}) => text(ic.id) === id)) shown.delete(id);
	if (!hidden.length) return;
	const checks = hidden.map(({deploy}) => text(deploy?.id)).join(',');
	let known = behind.get(installId);
	// Checks that have all ended hide only deploys that had ended before them (the install's event loop
	// runs one workflow at a time): nothing waits behind them, and the component's own status stands.
	// No request for those: at fleet scale that would be one per install at start.
	if (!known && hidden.every(({deploy}) => deploy && ended(deploy))) return;
	// A drift check that has ended ran after the install's workflows before it had ended (its event loop
	// runs one at a time): the real deploys found behind the previous checks, all ended, still stand.
	const covered = known?.covered ?? new Set<string>();
	const stale =
		!known?.settled ||
		hidden.some(({ic}) => !covered.has(text(ic.id) ?? '')) ||
		(known.checks !== checks && hidden.some(({deploy}) => !deploy || !ended(deploy)));
	if (stale) {
		const page = await api.listInstallDeploysPage(client, installId).catch(() => undefined);
		if (!page) return;
		const deploys = page.items.map(item => record(item)).filter(item => item !== undefined);
		const real = hidden.flatMap(({ic}) => {
			const found = deploys.find(
				deploy =>
					(text(deploy.install_component_id) === text(ic.id) ||
						text(deploy.component_id) === text(ic.component_id)) &&
					!isDriftCheck(deploy) &&
					!hidden.some(({deploy: check}) => text(check?.id) === text(deploy.id)),
			);
			return found ? [found] : [];
		});
		known = {
			checks,
			covered: new Set(hidden.map(({ic}) => text(ic.id) ?? '')),
			deploys: real,
			settled: real.every(ended),
		};
		behind.set(installId, known);
	}
	if (!known) return;
	known.checks = checks;
	for (const {ic} of hidden) {
		const real = known.deploys.find(
			deploy =>
				text(deploy.install_component_id) === text(ic.id) ||
				text(deploy.component_id) === text(ic.component_id),
		);
		if (real) ic.install_deploys = [...list(ic.install_deploys), real];
	}
}

/**
 * Makes a freshly read installs list say each component's real latest deploy past its drift check
 * (in place: call it before the list is shared).
 */
export async function seePastDriftChecks(
	client: NuonClient,
	installs: readonly api.Install[],
): Promise<void> {
	await markDriftRuns(client, installs);
	await Promise.all(installs.map(install => findBehind(client, install)));
}
