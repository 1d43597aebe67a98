// The workflow that provisioned each install, long finished: its steps as the server makes them
// (installs/workflows/provision.go of 2025-12, the same in 2026), more than the 10 a page of the
// 2026 steps route holds, on every server.
import type {components} from '../api/schema.js';
import {SECOND, type DemoInstall, type World} from './world-types.js';

type Schemas = components['schemas'];

/** provision.go's groups before the components': each a group, the install stack's three steps one. */
const GROUPS = [
	['generate install state'],
	['provision runner service account'],
	['generate install stack', 'await install stack', 'update install stack outputs'],
	['await runner health'],
	['provision sandbox plan', 'provision sandbox apply plan'],
	['sync secrets'],
	['provision sandbox dns if enabled'],
];

/** Seconds each step took. */
const STEP_SECONDS = 20;

/** The provision workflow's id: the install's, marked as such. */
export const provisionWorkflowId = (install: DemoInstall) => `iwf${install.id.slice(3, 19)}p${'0'.repeat(6)}`;

/** The install a provision workflow id names. */
export const provisionedInstall = (world: World, workflowId: string): DemoInstall | undefined => {
	const install = world.installByBase.get(workflowId.slice(3, 19));
	return install && provisionWorkflowId(install) === workflowId ? install : undefined;
};

/** Each component's steps (shared.go getComponentDeploySteps): an image is synced, the rest planned, then
 * applied. */
const componentGroups = (install: DemoInstall): string[][] =>
	install.components.map(({component}) =>
		component.type === 'docker_build'
			? [`sync ${component.name}`]
			: [`sync and plan ${component.name}`, `apply ${component.name}`],
	);

const iso = (world: World, at: number) => new Date(world.startedAt + at * SECOND).toISOString();

/** Its steps, every one done: the install's first deploys are older than the demo's history of them. */
export function provisionSteps(world: World, install: DemoInstall): Array<Schemas['app.WorkflowStep']> {
	const workflowId = provisionWorkflowId(install);
	const createdAt = (install.createdAt - world.startedAt) / SECOND;
	let n = 0;
	return [...GROUPS, ...componentGroups(install)].flatMap((names, group) =>
		names.map((name, idx) => {
			const from = createdAt + STEP_SECONDS * n++;
			return {
				id: `iws${install.id.slice(3, 19)}p${String(n).padStart(6, '0')}`,
				workflow_id: workflowId,
				install_workflow_id: workflowId,
				idx,
				group_idx: group + 1,
				group_retry_idx: 0,
				name,
				execution_type: 'system',
				status: {
					status: 'success',
					status_human_description: 'finished',
					created_at_ts: Math.floor((world.startedAt + (from + STEP_SECONDS) * SECOND) / SECOND),
				},
				owner_id: workflowId,
				owner_type: 'install_workflows',
				retryable: true,
				// provision.go: generating the install's state cannot be skipped (WithSkippable(false)).
				skippable: n > 1,
				retried: false,
				finished: true,
				created_at: iso(world, createdAt),
				updated_at: iso(world, from + STEP_SECONDS),
				started_at: iso(world, from),
				finished_at: iso(world, from + STEP_SECONDS),
				execution_time: STEP_SECONDS * 1e9,
			} satisfies Schemas['app.WorkflowStep'];
		}),
	);
}

export function provisionWorkflow(world: World, install: DemoInstall): Schemas['app.Workflow'] {
	const steps = provisionSteps(world, install);
	const createdAt = (install.createdAt - world.startedAt) / SECOND;
	const endedAt = createdAt + STEP_SECONDS * steps.length;
	return {
		id: provisionWorkflowId(install),
		owner_id: install.id,
		owner_type: 'installs',
		type: 'provision',
		name: `Provision ${install.name}`,
		plan_only: false,
		approval_option: 'prompt',
		step_error_behavior: 'abort',
		status: {
			status: 'success',
			status_human_description: 'all steps finished',
			created_at_ts: Math.floor((world.startedAt + endedAt * SECOND) / SECOND),
		},
		created_by_id: `acc${install.id.slice(3, 12)}`,
		created_by: {id: `acc${install.id.slice(3, 12)}`, email: install.createdBy, account_type: 'auth0'},
		created_at: iso(world, createdAt),
		started_at: iso(world, createdAt),
		updated_at: iso(world, endedAt),
		finished: true,
		finished_at: iso(world, endedAt),
		execution_time: STEP_SECONDS * steps.length * 1e9,
		steps,
	};
}
