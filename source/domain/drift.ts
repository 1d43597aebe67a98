// Drift checks, from what an installs list and a components list carry.
//
// A component with a drift schedule gets a drift check on that schedule
// (installs/worker/components/event_loop_workflow.go, DriftCheck; the same in 2026): a deploy of the
// component's newest build, created `queued` (activities/queue_component_deploy.go), run by a
// plan-only `drift_run` workflow that ends it `drifted` or `no-drift` (pkg/flow/execute_workflow_step.go,
// handlePlanOnlyApproval). It is a deploy like any other to install_deploys_latest_view_v1, so the
// org's installs list gives it as the component's latest deploy. Its `plan_only` is never set (a
// field no query fills: install_deploy.go, 2025-12 and 2026), so it is told by its status, by
// `plan_only` should a server fill it, or by the workflow where a deploy carries it. A drifted
// object (drifts_view_v2/v4) exists while a component's newest deploy is a drift check that ended
// `drifted`: the components list sets it on each component (`drifted_object`, get_install_components.go),
// an install by id (`drifted_objects`, get_install.go) and GET /v1/installs/{id}/drifted-objects
// list them.
import {list, record, text} from './fields.js';
import {oneLine} from './text.js';

const DRIFT_WORDS = new Set(['drifted', 'no-drift', 'drift-detected']);
const DRIFT_WORKFLOWS = new Set(['drift_run', 'drift_run_reprovision_sandbox']);

const statusOf = (deploy: Record<string, unknown>) =>
	text(record(deploy.status_v2)?.status) || text(deploy.status) || '';

/** The deploy is a drift check's plan, not a deploy of the component. */
export function isDriftCheck(deploy: unknown): boolean {
	const found = record(deploy);
	if (!found) return false;
	const workflow = record(found.workflow);
	return (
		found.plan_only === true ||
		DRIFT_WORDS.has(statusOf(found)) ||
		workflow?.plan_only === true ||
		DRIFT_WORKFLOWS.has(text(workflow?.type) ?? '')
	);
}

/** The drift check says the install's resources differ from the plan of the component's newest build. */
export const foundDrift = (deploy: unknown): boolean => {
	const found = record(deploy);
	return (
		!!found && isDriftCheck(found) && (statusOf(found) === 'drifted' || statusOf(found) === 'drift-detected')
	);
};

export interface LatestDeploys {
	/** The newest deploy that deploys (a list may hold only drift checks: then none). */
	deploy?: Record<string, unknown>;
	/** The newest drift check, when it is newer than `deploy`. */
	driftCheck?: Record<string, unknown>;
}

/**
 * The latest deploy of an install component from its `install_deploys` (newest first: the view sends
 * one, servers before it every deploy), past the drift checks.
 */
export function latestDeploys(installComponent: unknown): LatestDeploys {
	let driftCheck: Record<string, unknown> | undefined;
	for (const item of list(record(installComponent)?.install_deploys)) {
		const deploy = record(item);
		if (!deploy) continue;
		if (!isDriftCheck(deploy)) return {deploy, ...(driftCheck ? {driftCheck} : {})};
		driftCheck ??= deploy;
	}
	return driftCheck ? {driftCheck} : {};
}

/** A drifted object names something: an empty one (`{}`: the server's zero value) does not. */
const isDriftedObject = (value: unknown): boolean => !!text(record(value)?.target_id);

/** The component has drifted, from its `drifted_object` (components list) or its drift check. */
export const componentDrifted = (installComponent: unknown): boolean =>
	isDriftedObject(record(installComponent)?.drifted_object) ||
	foundDrift(latestDeploys(installComponent).driftCheck);

/**
 * The install components (their ids, `ic…`) an install has drifted on: its `drifted_objects` where it
 * carries them, else the drift checks in its components' latest deploys.
 */
export function driftedInstallComponents(install: unknown): Set<string> {
	const found = record(install);
	const ids = new Set<string>();
	for (const object of list(found?.drifted_objects)) {
		const id = text(record(object)?.install_component_id);
		if (isDriftedObject(object) && id) ids.add(id);
	}
	for (const ic of list(found?.install_components)) {
		const id = text(record(ic)?.id);
		if (id && componentDrifted(ic)) ids.add(id);
	}
	return ids;
}

/** componentId → drifted, for the board's cells (an install's objects name install components). */
export function driftedComponents(install: unknown): Set<string> {
	const drifted = driftedInstallComponents(install);
	const ids = new Set<string>();
	for (const ic of list(record(install)?.install_components)) {
		const componentId = text(record(ic)?.component_id);
		if (componentId && drifted.has(text(record(ic)?.id) ?? '')) ids.add(componentId);
	}
	return ids;
}

/** The install has drifted somewhere: a component, or its sandbox (a sandbox run's drift check). */
export const installDrifted = (install: unknown): boolean =>
	driftedInstallComponents(install).size > 0 ||
	list(record(install)?.drifted_objects).some(
		object => isDriftedObject(object) && text(record(object)?.target_type) === 'install_sandbox_run',
	);

/** "vpc-network, api": what has drifted, by name (the sandbox as `sandbox`), one line. */
export function driftedNames(install: unknown): string {
	const found = record(install);
	const drifted = driftedInstallComponents(install);
	const names = new Set<string>();
	for (const ic of list(found?.install_components))
		if (drifted.has(text(record(ic)?.id) ?? ''))
			names.add(text(record(record(ic)?.component)?.name) || text(record(ic)?.component_id) || '?');
	for (const object of list(found?.drifted_objects)) {
		if (!isDriftedObject(object)) continue;
		const sandbox = text(record(object)?.target_type) === 'install_sandbox_run';
		names.add(sandbox ? 'sandbox' : text(record(object)?.component_name) || '?');
	}
	return oneLine([...names].join(', '));
}
