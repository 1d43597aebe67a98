// What the demo's jobs produce: outputs and plans.
import {RELEASES, type ComponentKind} from './catalog.js';
import type {JobWindow} from './activity.js';

/** Outputs as the API nests them: each value an object. */
export function jobOutputs(job: JobWindow): Record<string, Record<string, never>> {
	const outputs: Record<string, Record<string, unknown>> = job.group === 'sync'
		? {image: {repository: 'registry.nuon.co/install', tag: RELEASES.next, size_bytes: 48_213_377}}
		: job.operation === 'create-apply-plan'
			? {plan: {add: 3, change: 1, destroy: 0, checksum: 'sha256:3f1a9c'}}
			: job.group === 'actions'
				? {checks: {passed: 3, failed: 0}}
				: {
						service: {endpoint: 'https://api.internal.example.com', port: 443},
						resources: {added: 3, changed: 1, destroyed: 0},
						notes: {text: 'Deployed by the Nuon runner. '.repeat(8).trim()},
					};
	return outputs as Record<string, Record<string, never>>;
}

/** The plan a deploy job produced (Terraform JSON or a Helm diff). */
export function planFor(name: string, type: ComponentKind): unknown {
	if (type === 'terraform_module') {
		return {
			format_version: '1.2',
			terraform_version: '1.9.8',
			resource_changes: [
				{
					address: 'aws_s3_bucket.logs',
					type: 'aws_s3_bucket',
					change: {
						actions: ['create'],
						after: {bucket: `${name}-logs`, force_destroy: false, tags: {managed_by: 'nuon'}},
					},
				},
				{
					address: 'aws_iam_role.runner',
					type: 'aws_iam_role',
					change: {
						actions: ['update'],
						before: {max_session_duration: 3600},
						after: {max_session_duration: 7200},
					},
				},
				{
					address: 'aws_security_group.db',
					type: 'aws_security_group',
					change: {
						actions: ['create'],
						after: {ingress: [{from_port: 5432, to_port: 5432, cidr_blocks: ['10.0.0.0/16']}]},
					},
				},
			],
			output_changes: {endpoint: {actions: ['no-op']}},
		};
	}
	return {
		release: name,
		chart: `${name}-2.4.0`,
		namespace: name,
		diff: [
			`Deployment/${name}: image v2.3.1 → v2.4.0`,
			`ConfigMap/${name}-config: 2 keys changed`,
			`HorizontalPodAutoscaler/${name}: maxReplicas 6 → 8`,
		],
		values: {image: {tag: RELEASES.next}, replicas: 3, resources: {limits: {cpu: '500m', memory: '512Mi'}}},
	};
}

/**
 * The runner's deploy plan a deploy job works from (pkg/plans/types/deploy_plan.go), as the
 * server stores it for the job: /plan sends it as JSON text, /composite-plan as `deploy_plan`.
 * What the job will change is in `apply_plan_display`, a text (here the plan above, as JSON).
 */
export function deployPlanFor(owner: {
	installId: string;
	appId: string;
	componentId: string;
	name: string;
	type: ComponentKind;
	release: string;
}): Record<string, unknown> {
	const {installId, appId, componentId, name, type, release} = owner;
	return {
		install_id: installId,
		app_id: appId,
		app_config_id: `apc${appId.slice(3)}`,
		component_id: componentId,
		component_name: name,
		src_registry: {
			repository: `registry.nuon.co/${name}`,
			login_server: 'registry.nuon.co',
			registry_type: 'ecr',
		},
		src_tag: release,
		helm:
			type === 'helm_chart'
				? {
						name,
						namespace: name,
						create_namespace: true,
						storage_driver: 'secret',
						helm_chart_id: `hlm${componentId.slice(3)}`,
						values_files: [],
						values: [{name: 'image.tag', value: release}],
						take_ownership: false,
					}
				: null,
		terraform:
			type === 'terraform_module'
				? {vars: {name, region: 'us-east-1'}, env_vars: {}, vars_files: [], policies: {}}
				: null,
		kubernetes_manifest: null,
		noop: null,
		apply_plan_contents: '',
		apply_plan_display: JSON.stringify(planFor(name, type)),
	};
}
