// Fetchers that combine or reinterpret requests, without React: the data hooks use them, and so
// does the first-screen warm-up, which runs before the UI (React, SWR) is loaded.
import type {NuonClient} from '../api/client.js';
import {describeError, NuonApiError} from '../api/errors.js';
import * as api from '../api/resources.js';
import * as field from '../domain/fields.js';
import {componentDrifted} from '../domain/drift.js';
import {orderSteps} from '../domain/workflow-steps.js';

export interface ComponentRow {
	id: string;
	installComponentId?: string;
	name: string;
	type?: string;
	deployStatus?: string;
	deployDescription?: string;
	statusV2?: api.CompositeStatus;
	updatedAt?: string;
	dependencies: string[];
	/** A drift check found drift (its `drifted_object`): what it names. */
	drift?: {workflowId?: string; buildId?: string};
}

function driftOf(ic: api.InstallComponent): NonNullable<ComponentRow['drift']> {
	const object = field.record((ic as Record<string, unknown>).drifted_object);
	return {
		workflowId: field.text(object?.install_workflow_id) || undefined,
		buildId: field.text(object?.component_build_id) || undefined,
	};
}

/**
 * An install's components with their status, from the components list (`status_v2`, `status`);
 * the summaries, where the server still has them, add the latest deploy's own status and the
 * dependencies' names.
 */
export function mergeComponents(
	components: api.InstallComponent[],
	summaries: api.InstallComponentSummary[] = [],
): ComponentRow[] {
	const summaryOf = new Map(summaries.map(s => [s.component_id, s]));
	const nameOf = new Map(components.map(ic => [ic.component_id, field.text(ic.component?.name)]));
	return components.map(ic => {
		const summary = summaryOf.get(ic.component_id);
		const statusV2 = field.record(ic.status_v2) as api.CompositeStatus | undefined;
		const id = field.text(ic.component_id) ?? field.text(ic.id) ?? '';
		const dependencies = summary?.dependencies
			? field
					.list<api.Component>(summary.dependencies)
					.map(d => field.text(d?.name) ?? field.text(d?.id) ?? '')
			: field
					.list(ic.component?.dependencies)
					.map(dependency => nameOf.get(dependency as string) ?? field.text(dependency) ?? '');
		return {
			id,
			installComponentId: field.text(ic.id),
			name: field.text(ic.component?.name) ?? field.text(summary?.component_name) ?? (id || '(unnamed)'),
			type: field.text(ic.component?.type),
			deployStatus:
				field.text(summary?.deploy_status) ||
				field.text(statusV2?.status) ||
				field.text(ic.status) ||
				undefined,
			deployDescription:
				field.text(summary?.deploy_status_description) ||
				field.text(statusV2?.status_human_description) ||
				field.text(ic.status_description) ||
				undefined,
			statusV2,
			updatedAt: field.text(ic.updated_at),
			dependencies: dependencies.filter(Boolean),
			...(componentDrifted(ic) ? {drift: driftOf(ic)} : {}),
		};
	});
}

/** An install's components, and a line saying what could not be added to them (the summaries). */
export interface Components {
	rows: ComponentRow[];
	missing?: string;
	/**
	 * The app whose components list the dependencies, when neither the install's components nor the
	 * summaries did (today's server preloads no dependencies on install components).
	 */
	dependenciesFrom?: string;
}

/** Where the dependencies are when the install's components came without them: their app's components. */
function dependenciesFrom(
	components: api.InstallComponent[],
	summaries: api.InstallComponentSummary[] | undefined,
): string | undefined {
	if (summaries?.length || components.some(ic => Array.isArray(ic.component?.dependencies))) return undefined;
	return components.map(ic => field.text(ic.component?.app_id)).find(Boolean);
}

/** The rows with their dependencies' names from the app's components (`GET /v1/apps/{id}/components`). */
export function withAppDependencies(rows: ComponentRow[], appComponents: api.Component[]): ComponentRow[] {
	const byId = new Map(field.items(appComponents).map(component => [component.id, component]));
	return rows.map(row => {
		const ids = field
			.list(byId.get(row.id)?.dependencies)
			.filter((id): id is string => typeof id === 'string');
		return ids.length ? {...row, dependencies: ids.map(id => field.text(byId.get(id)?.name) ?? id)} : row;
	});
}

export async function fetchComponents(client: NuonClient, installId: string): Promise<Components> {
	const [components, summaries] = await Promise.all([
		api.listInstallComponents(client, installId),
		api.listInstallComponentSummaries(client, installId).then(
			found => ({found}),
			(error: unknown) => ({error}),
		),
	]);
	const from = dependenciesFrom(components, 'found' in summaries ? summaries.found : undefined);
	if ('error' in summaries)
		return {
			rows: mergeComponents(components),
			missing: `component summaries: ${describeError(summaries.error)}`,
			dependenciesFrom: from,
		};
	return {rows: mergeComponents(components, summaries.found), dependenciesFrom: from};
}

/** A fetcher for which the API's 404 means "nothing there", not an error. */
export function orNull<T>(fetch: () => Promise<T>): () => Promise<T | null> {
	return async () => {
		try {
			return await fetch();
		} catch (error) {
			if (error instanceof NuonApiError && error.isNotFound) return null;
			throw error;
		}
	};
}

export type WorkflowData = {workflow: api.Workflow; steps: api.WorkflowStep[]};

/** A workflow and its steps in run order: the steps from the workflow when it has them, else their route. */
export async function fetchWorkflow(client: NuonClient, workflowId: string): Promise<WorkflowData> {
	const workflow = await api.getWorkflow(client, workflowId);
	if (workflow === null || typeof workflow !== 'object' || Array.isArray(workflow))
		throw new Error('the workflow came as something other than an object');
	const steps = Array.isArray(workflow?.steps)
		? field.items<api.WorkflowStep>(workflow.steps)
		: await api.listWorkflowSteps(client, workflowId);
	return {workflow, steps: orderSteps(steps)};
}

/**
 * Each app's components, one request each: an app whose request fails keeps what it had, so one
 * failure (an unsteady API fails one of several requests often) does not blank every app's columns.
 */
export async function appComponentsKeepingLast(
	client: NuonClient,
	ids: readonly string[],
	last: {current: Map<string, api.Component[]>},
): Promise<Map<string, api.Component[]>> {
	const answers = await Promise.allSettled(ids.map(id => api.listAppComponents(client, id)));
	const found = new Map<string, api.Component[]>();
	answers.forEach((answer, index) => {
		const kept = answer.status === 'fulfilled' ? answer.value : last.current.get(ids[index]!);
		if (kept) found.set(ids[index]!, kept);
	});
	const failure = answers.find(answer => answer.status === 'rejected');
	if (failure && found.size === 0) throw failure.reason;
	last.current = found;
	return found;
}

/** The org's accounts, asked once per client and org (`r` refreshes the screens, not this). */
const accountsRead = new WeakMap<NuonClient, Map<string, Promise<api.Account[]>>>();
export function readAccounts(client: NuonClient): Promise<api.Account[]> {
	const byOrg = accountsRead.get(client) ?? new Map<string, Promise<api.Account[]>>();
	accountsRead.set(client, byOrg);
	let read = byOrg.get(client.orgId);
	if (!read) {
		const orgId = client.orgId;
		// A failed read is asked again next time (a network failure is no answer).
		read = api.listOrgAccounts(client).catch(error => {
			byOrg.delete(orgId);
			throw error;
		});
		byOrg.set(orgId, read);
	}
	return read;
}
