// What a deploy's approval holds at scenario time t: the approval object a workflow step carries, and
// the plan to approve (a Terraform plan in JSON, or a Helm diff as the dashboard reads it).
import type {components} from '../api/schema.js';
import type {ApprovalSchedule} from './activity.js';
import {digest} from './random.js';
import {iso, type DemoDeploy, type Schedule, type World} from './world.js';

type Schemas = components['schemas'];

const accountOf = (email: string) => `acc${digest(email).slice(0, 23)}`;

/** The account the demo's writes are made as. */
export const DEMO_ACCOUNT = 'you@ledgerly.dev';

/**
 * The org's accounts (`GET /v1/orgs/current/accounts`, orgs/service/get_org_accounts.go): those with
 * the org-admin role, each with its e-mail; the demo's approvers and its user are.
 */
export function orgAccounts(world: World): Array<Schemas['app.Account']> {
	return ['jon@ledgerly.dev', 'priya@ledgerly.dev', 'maya@ledgerly.dev', DEMO_ACCOUNT].map(email => ({
		id: accountOf(email),
		email,
		subject: `auth0|${digest(email).slice(0, 24)}`,
		account_type: 'auth0',
		created_at: iso(world, -90 * 86_400),
		updated_at: iso(world, -90 * 86_400),
	}));
}

/** The approval of one attempt (`schedule`) of a deploy's step. */
export function approvalObject(
	world: World,
	deploy: DemoDeploy,
	schedule: Schedule,
	stepId: string,
	t: number,
): Schemas['app.WorkflowStepApproval'] | undefined {
	const approval = schedule.approval;
	if (!approval || t < approval.requestedAt) return undefined;
	const answered = t >= approval.answeredAt;
	return {
		id: approval.id,
		type: approval.type,
		workflow_step_id: stepId,
		installWorkflowStepID: stepId,
		runner_job_id: `rjb${deploy.id.slice(3, 24)}1`,
		// installs/worker/components/shared_execute_deploy.go: a deploy's plan approval is the deploy's.
		owner_id: deploy.id,
		owner_type: 'install_deploys',
		created_by_id: 'accrunner',
		created_at: iso(world, approval.requestedAt),
		updated_at: iso(world, answered ? approval.answeredAt : approval.requestedAt),
		...(answered ? {response: responseObject(world, approval)} : {}),
	};
}

export function responseObject(
	world: World,
	approval: ApprovalSchedule,
): Schemas['app.WorkflowStepApprovalResponse'] {
	return {
		id: `apx${approval.id.slice(3)}`,
		install_workflow_step_approval_id: approval.id,
		// Any word is stored as it came (app/workflow_step_approval_response.go binds no enum).
		type: approval.response as Schemas['app.WorkflowStepApprovalResponse']['type'],
		note: approval.note,
		created_by_id: accountOf(approval.by),
		created_at: iso(world, approval.answeredAt),
		updated_at: iso(world, approval.answeredAt),
	};
}

/** The plan to approve, as the JSON document the server stores (and sends gzipped). */
export function approvalContents(deploy: DemoDeploy): unknown {
	const name = deploy.ic.component.name;
	const approval = deploy.schedule.approval;
	if (approval?.type === 'kubernetes_manifest_approval') return kubernetesPlan(name);
	return approval?.type === 'terraform_plan'
		? terraformPlan(name, approval.additive === true)
		: helmDiff(name, deploy.release);
}

/** A Kubernetes manifest's plan: its items, each an object and what happens to it. */
function kubernetesPlan(name: string): unknown {
	const item = (
		op: string,
		kind: string,
		object: string,
		path: string,
		original: unknown,
		applied: unknown,
	) => ({
		op,
		kind,
		name: object,
		namespace: name,
		entries: [{path, original, applied}],
	});
	return {
		plan: [
			item(
				'update',
				'Job',
				name,
				'spec.template.spec.containers[0].image',
				`${name}:v2.3.1`,
				`${name}:v2.4.0`,
			),
			item('create', 'ConfigMap', `${name}-schedule`, 'data.cron', null, '*/15 * * * *'),
			item('delete', 'CronJob', `${name}-legacy`, 'spec.schedule', '0 * * * *', null),
		],
	};
}

export function terraformPlan(name: string, additive = false): unknown {
	const change = (
		address: string,
		actions: string[],
		before: unknown,
		after: unknown,
		extra: Record<string, unknown> = {},
	) => ({
		address,
		type: address.split('.')[0],
		name: address.split('.')[1],
		mode: 'managed',
		provider_name: 'registry.terraform.io/hashicorp/aws',
		change: {actions, before, after, ...extra},
	});
	const changes = [
		change(
			'aws_subnet.private_c',
			['create'],
			null,
			{cidr_block: '10.0.48.0/20', availability_zone: 'us-east-1c', tags: {Name: `${name}-private-c`}},
			{after_unknown: {id: true, arn: true}},
		),
		change(
			'aws_route_table_association.private_c',
			['create'],
			null,
			{route_table_id: 'rtb-0a41f2', subnet_id: null},
			{after_unknown: {id: true, subnet_id: true}},
		),
		change(
			'aws_nat_gateway.c',
			['create'],
			null,
			{connectivity_type: 'public', tags: {Name: `${name}-nat-c`}},
			{after_unknown: {id: true, public_ip: true}},
		),
		change(
			'aws_vpc.main',
			['update'],
			{cidr_block: '10.0.0.0/16', enable_dns_hostnames: false, tags: {Name: name, tier: 'standard'}},
			{cidr_block: '10.0.0.0/16', enable_dns_hostnames: true, tags: {Name: name, tier: 'premium'}},
		),
		change(
			'aws_flow_log.main',
			['update'],
			{max_aggregation_interval: 600, traffic_type: 'REJECT'},
			{max_aggregation_interval: 60, traffic_type: 'ALL'},
		),
		change(
			'aws_eip.nat_a',
			['delete', 'create'],
			{domain: 'vpc', public_ip: '3.91.22.140', tags: {Name: `${name}-nat-a`}},
			{domain: 'vpc', public_ip: null, tags: {Name: `${name}-nat-a`}},
			{after_unknown: {public_ip: true}, replace_paths: [['domain']]},
		),
		change(
			'aws_internet_gateway.legacy',
			['delete'],
			{id: 'igw-07c1d9', tags: {Name: `${name}-legacy`}},
			null,
		),
		change(
			'aws_vpc_dhcp_options.main',
			['no-op'],
			{domain_name: 'ec2.internal'},
			{domain_name: 'ec2.internal'},
		),
	];
	return {
		format_version: '1.2',
		terraform_version: '1.9.8',
		resource_changes: additive
			? changes.filter(({change: {actions}}) => !actions.includes('delete'))
			: changes,
		output_changes: {private_subnet_ids: {actions: ['update'], after_unknown: true}},
	};
}

function helmDiff(name: string, release: string): unknown {
	const deployment = (tag: string, replicas: number) =>
		`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  ` +
		`template:\n    spec:\n      containers:\n        - name: ${name}\n          image: ` +
		`registry.nuon.co/${name}:${tag}\n`;
	const config = (level: string) =>
		`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-config\ndata:\n  LOG_LEVEL: ${level}\n`;
	const monitor =
		`apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: ` +
		`${name}\nspec:\n  endpoints:\n    - port: metrics\n`;
	return {
		op: 'upgrade',
		plan: [
			`${name}, ${name}, Deployment (apps/v1) to be updated`,
			`${name}, ${name}-config, ConfigMap (v1) to be updated`,
			`${name}, ${name}, ServiceMonitor (monitoring.coreos.com/v1) to be created`,
			'Plan: 1 to add, 2 to change, 0 to destroy.',
		].join('\n'),
		helm_content_diff: [
			{
				api: 'apps/v1',
				kind: 'Deployment',
				name,
				namespace: name,
				before: deployment('v2.3.1', 3),
				after: deployment(release, 4),
			},
			{
				api: 'v1',
				kind: 'ConfigMap',
				name: `${name}-config`,
				namespace: name,
				before: config('info'),
				after: config('debug'),
			},
			{
				api: 'monitoring.coreos.com/v1',
				kind: 'ServiceMonitor',
				name,
				namespace: name,
				before: '',
				after: monitor,
			},
		],
	};
}
