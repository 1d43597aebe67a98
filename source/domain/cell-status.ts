// Each component's latest deploy status in an install, from what an installs list carries.
//
// `component_statuses` is the install component's own status. Today's server leaves it alone while
// a deploy syncs, plans and waits for an approval (the sync-and-plan step updates the deploy only:
// execute_deploy_component_sync_and_plan.go), so it never says `pending-approval`. The org's
// installs list also carries `install_components[].install_deploys`, the latest deploy of each
// (install_deploys_latest_view_v1, get_org_installs.go), whose status does: where a component has
// one, its status wins; the others keep their `component_statuses` word. A drift check's deploy is
// no deploy of the component (drift.ts): where the list gives only that, the `component_statuses`
// word stays, which a drift check does not change (it only plans).
import type {Install} from '../api/resources.js';
import {driftedComponents, latestDeploys} from './drift.js';
import {list, record, text} from './fields.js';

const cache = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * componentId → status of the install's latest deploys (cached per install object: rows re-render
 * often).
 */
export function cellStatuses(install: Install): ReadonlyMap<string, string> {
	const cached = cache.get(install);
	if (cached) return cached;
	const cells = new Map<string, string>();
	for (const [componentId, status] of Object.entries(record(install.component_statuses) ?? {})) {
		if (typeof status === 'string') cells.set(componentId, status);
	}
	for (const ic of list(install.install_components)) {
		const componentId = text(record(ic)?.component_id);
		// The view answers one deploy per component; servers before it sent them all, newest first.
		const {deploy} = latestDeploys(ic);
		const status = text(deploy?.status) || text(record(deploy?.status_v2)?.status);
		if (componentId && status) cells.set(componentId, status);
	}
	cache.set(install, cells);
	return cells;
}

export const cellStatus = (install: Install, componentId: string): string | undefined =>
	cellStatuses(install).get(componentId);

const drifts = new WeakMap<object, ReadonlySet<string>>();

/** A drift check found drift on the component in this install (cached per install object). */
export function cellDrifted(install: Install, componentId: string): boolean {
	let drifted = drifts.get(install);
	if (!drifted) {
		drifted = driftedComponents(install);
		drifts.set(install, drifted);
	}
	return drifted.has(componentId);
}
