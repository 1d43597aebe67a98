// The demo org's fixed cast: apps with their components, customers, clouds and regions.
export type ComponentKind = 'terraform_module' | 'helm_chart' | 'docker_build' | 'job';

export interface CatalogApp {
	name: string;
	displayName: string;
	description: string;
	components: Array<{name: string; type: ComponentKind}>;
}

export const APPS: CatalogApp[] = [
	{
		name: 'ledgerly',
		displayName: 'Ledgerly',
		description: 'Double-entry ledger service with a Postgres backend',
		components: [
			{name: 'vpc-network', type: 'terraform_module'},
			{name: 'rds-postgres', type: 'terraform_module'},
			{name: 'api-image', type: 'docker_build'},
			{name: 'api', type: 'helm_chart'},
			{name: 'worker', type: 'helm_chart'},
			{name: 'migrations', type: 'job'},
		],
	},
	{
		name: 'relay-cdn',
		displayName: 'Relay CDN',
		description: 'Edge proxy and cache for customer origins',
		components: [
			{name: 'edge-config', type: 'terraform_module'},
			{name: 'proxy-image', type: 'docker_build'},
			{name: 'edge-proxy', type: 'helm_chart'},
			{name: 'cache-warmer', type: 'job'},
		],
	},
	{
		name: 'acme-analytics',
		displayName: 'Acme Analytics',
		description: 'Event ingestion, warehouse and dashboards',
		components: [
			{name: 'warehouse', type: 'terraform_module'},
			{name: 'object-store', type: 'terraform_module'},
			{name: 'ingest-image', type: 'docker_build'},
			{name: 'ingest', type: 'helm_chart'},
			{name: 'dashboards', type: 'helm_chart'},
			{name: 'airflow', type: 'helm_chart'},
			{name: 'dbt-runner', type: 'job'},
			{name: 'backfill', type: 'job'},
		],
	},
	{
		name: 'beacon-auth',
		displayName: 'Beacon Auth',
		description: 'Single sign-on and session service',
		components: [
			{name: 'infra', type: 'terraform_module'},
			{name: 'session-store', type: 'terraform_module'},
			{name: 'auth-image', type: 'docker_build'},
			{name: 'auth-server', type: 'helm_chart'},
			{name: 'rotate-keys', type: 'job'},
		],
	},
];

export const CUSTOMERS = [
	'acme-corp',
	'globex',
	'initech',
	'umbrella',
	'hooli',
	'stark-ind',
	'wayne-ent',
	'wonka',
	'tyrell',
	'cyberdyne',
	'soylent',
	'vandelay',
	'pied-piper',
	'aperture',
	'massive-dyn',
	'oscorp',
	'nakatomi',
	'gringotts',
];

export const ENVIRONMENTS = ['prod', 'staging', 'prod-eu', 'dev'];

export const REGIONS: Record<'aws' | 'azure' | 'gcp', string[]> = {
	aws: ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'],
	azure: ['eastus', 'westeurope', 'northeurope', 'japaneast'],
	gcp: ['us-central1', 'europe-west4', 'asia-northeast1'],
};

export const PEOPLE = [
	'maya@ledgerly.dev',
	'jon@ledgerly.dev',
	'deploy-bot@ledgerly.dev',
	'priya@ledgerly.dev',
];

/** The hotfix follows the next release on a few installs of one app (world-rollouts.ts). */
export const RELEASES = {
	superseded: 'v2.2.4',
	failed: 'v2.3.0',
	previous: 'v2.3.1',
	next: 'v2.4.0',
	hotfix: 'v2.4.1',
};
