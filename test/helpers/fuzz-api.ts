// A fake Nuon API for fuzzing: every response is generated from the contract's schema for that
// endpoint (json-schema-faker, seeded), with hostile strings mixed in, and served to the real
// client through undici's MockAgent.
import {readFileSync} from 'node:fs';
import {generateSync} from 'json-schema-faker';
import {MockAgent} from 'undici';
import {random} from '../../source/demo/random.js';

const spec = JSON.parse(readFileSync(new URL('../../source/api/nuon-openapi.json', import.meta.url), 'utf8'));

/** Escape and control sequences a hostile server could send: none may reach the screen. */
export const HOSTILE = [
	'\u001B]0;owned-title\u0007',
	'\u001B[2J\u001B[H',
	'\u001B]52;c;cm0gLXJmIH4=\u0007',
	'\u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007',
	'\u009B31m',
	'\u001BP+q544e\u001B\\',
	'\u0007\u0008\u000B\u000C\r',
	'\u202Eevil',
	'東京🚀',
	'',
	'x'.repeat(300),
];

const ROUTES: Array<[RegExp, string]> = [
	[/^\/v1\/installs$/, '/v1/installs'],
	[/^\/v1\/apps$/, '/v1/apps'],
	[/^\/v1\/apps\/[^/]+\/installs$/, '/v1/apps/{app_id}/installs'],
	[/^\/v1\/apps\/[^/]+\/components$/, '/v1/apps/{app_id}/components'],
	[/^\/v1\/installs\/[^/]+$/, '/v1/installs/{install_id}'],
	[/^\/v1\/installs\/[^/]+\/components$/, '/v1/installs/{install_id}/components'],
	[/^\/v1\/installs\/[^/]+\/components\/summary$/, '/v1/installs/{install_id}/components/summary'],
	[
		/^\/v1\/installs\/[^/]+\/components\/[^/]+\/deploys\/latest$/,
		'/v1/installs/{install_id}/components/{component_id}/deploys/latest',
	],
	[/^\/v1\/installs\/[^/]+\/deploys\/[^/]+$/, '/v1/installs/{install_id}/deploys/{deploy_id}'],
	// Today's routes outside the contract answer with the same objects as the contract's.
	[
		/^\/v1\/installs\/[^/]+\/components\/[^/]+\/deploys\/[^/]+$/,
		'/v1/installs/{install_id}/deploys/{deploy_id}',
	],
	[/^\/v1\/installs\/[^/]+\/actions\/latest-runs$/, '/v1/installs/{install_id}/action-workflows/latest-runs'],
	[
		/^\/v1\/installs\/[^/]+\/actions\/runs\/[^/]+$/,
		'/v1/installs/{install_id}/action-workflows/runs/{run_id}',
	],
	[/^\/v1\/runner-jobs\/[^/]+\/executions$/, '/v1/runner-jobs/{runner_job_id}/executions'],
	[/^\/v1\/runner-jobs\/[^/]+\/plan$/, '/v1/runner-jobs/{runner_job_id}/plan'],
	// Today's composite plan is not in the contract: fuzzed as the plan it replaces.
	[/^\/v1\/runner-jobs\/[^/]+\/composite-plan$/, '/v1/runner-jobs/{runner_job_id}/plan'],
	[/^\/v1\/runner-jobs\/[^/]+$/, '/v1/runner-jobs/{runner_job_id}'],
	[
		/^\/v1\/installs\/[^/]+\/action-workflows\/latest-runs$/,
		'/v1/installs/{install_id}/action-workflows/latest-runs',
	],
	[
		/^\/v1\/installs\/[^/]+\/action-workflows\/runs\/[^/]+$/,
		'/v1/installs/{install_id}/action-workflows/runs/{run_id}',
	],
	[/^\/v1\/log-streams\/[^/]+\/logs$/, '/v1/log-streams/{log_stream_id}/logs'],
	[/^\/v1\/log-streams\/[^/]+$/, '/v1/log-streams/{log_stream_id}'],
	[/^\/v1\/installs\/[^/]+\/workflows$/, '/v1/installs/{install_id}/workflows'],
	[/^\/v1\/workflows\/[^/]+$/, '/v1/workflows/{workflow_id}'],
	[/^\/v1\/workflows\/[^/]+\/steps$/, '/v1/workflows/{workflow_id}/steps'],
	[
		/^\/v1\/workflows\/[^/]+\/steps\/[^/]+\/approvals\/[^/]+\/contents$/,
		'/v1/workflows/{workflow_id}/steps/{workflow_step_id}/approvals/{approval_id}/contents',
	],
];

/**
 * What the server of 2026 sends beyond the contract, fuzzed with the rest: `composite_error` on deploys,
 * runner jobs and execution results, a deploy's `policy_reports` (SDK 0.19.1125:
 * compositeerrors_composite_error_data.py, app_policy_report.py, app_policy_violation.py).
 */
const COMPOSITE_ERROR = {
	type: 'object',
	properties: {
		type: {type: 'string'},
		severity: {type: 'string', enum: ['error', 'fatal', 'info', 'warning']},
		message: {type: 'string'},
		sections: {
			type: 'array',
			items: {
				type: 'object',
				properties: {heading: {type: 'string'}, body: {type: 'string'}, kind: {type: 'string'}},
			},
		},
		hints: {type: 'object', additionalProperties: {type: 'string'}},
	},
};
const POLICY_REPORTS = {
	type: 'array',
	items: {
		type: 'object',
		properties: {
			deny_count: {type: 'integer'},
			violations: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						severity: {type: 'string', enum: ['deny', 'warn']},
						policy_name: {type: 'string'},
						input_identity: {type: 'string'},
						message: {type: 'string'},
					},
				},
			},
		},
	},
};
for (const name of ['app.InstallDeploy', 'app.RunnerJob', 'app.RunnerJobExecutionResult'])
	spec.components.schemas[name].properties.composite_error = COMPOSITE_ERROR;
spec.components.schemas['app.InstallDeploy'].properties.policy_reports = POLICY_REPORTS;

const schemas = new Map(
	ROUTES.map(([, template]) => [
		template,
		{
			...spec.paths[template].get.responses['200'].content['application/json'].schema,
			components: spec.components,
		},
	]),
);

export function fuzzedBody(path: string, seed: number): unknown {
	const template = ROUTES.find(([pattern]) => pattern.test(path))?.[1];
	if (!template) return {error: 'not found'};
	const rand = random(seed);
	return generateSync(schemas.get(template), {
		seed,
		maxDepth: 4,
		maxItems: 4,
		optionalsProbability: 0.6,
		outputTransform: (value, _schema, path) => {
			if (typeof value === 'string' && rand() < 0.35)
				return value + HOSTILE[Math.floor(rand() * HOSTILE.length)];
			// Any field may be null (the API's Go structs send nulls); array items stay objects.
			const arrayItem = /\/\d+$/.test(path);
			if (
				value !== null &&
				typeof value === 'object' &&
				!Array.isArray(value) &&
				!arrayItem &&
				path !== '/' &&
				rand() < 0.05
			)
				return null;
			return value;
		},
	});
}

/** Values of the wrong type for a field that should hold a string, a number, an object or an array. */
const WRONG: Record<'string' | 'number' | 'boolean' | 'object' | 'array', unknown[]> = {
	string: [{}, {status: 'active'}, 12_345, 1e308, true, ['active'], null],
	number: ['12', '', 1e308, -1e308, 2 ** 53 + 1, -1, {}, [], null],
	boolean: ['true', 1, {}, null],
	object: [[], 'text', 0, 1e308, {}, null, [{}]],
	array: [{}, 'text', 42, null, [null], [[1]], [{length: 3}]],
};

/**
 * A contract-valid body with fields swapped for values of the wrong type (object for string,
 * string for number, array for object, null, huge numbers, empty objects): what a server that
 * drifted from the contract, or a broken proxy, could send.
 */
export function offContractBody(path: string, seed: number): unknown {
	const rand = random(seed ^ 0x5bd1e995);
	const swap = (value: unknown, depth: number): unknown => {
		if (depth > 0 && rand() < 0.12) {
			const type = Array.isArray(value)
				? 'array'
				: value === null
					? 'object'
					: (typeof value as keyof typeof WRONG);
			const choices = WRONG[type] ?? WRONG.object;
			return choices[Math.floor(rand() * choices.length)];
		}
		if (Array.isArray(value)) return value.map(item => swap(item, depth + 1));
		if (value !== null && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, swap(item, depth + 1)]));
		return value;
	};
	return swap(fuzzedBody(path, seed), 0);
}

export const FUZZ_ORIGIN = 'http://fuzz.invalid';

export type BodyMaker = (path: string, seed: number) => unknown;

/** An undici dispatcher answering every GET with fuzzed data for `seed` (or for the seed it returns at the
 * time). */
export function fuzzAgent(seedOf: number | (() => number), makeBody: BodyMaker = fuzzedBody): MockAgent {
	const agent = new MockAgent();
	agent.disableNetConnect();
	agent
		.get(FUZZ_ORIGIN)
		.intercept({path: () => true, method: 'GET'})
		.reply(options => {
			const path = new URL(options.path, FUZZ_ORIGIN).pathname;
			let hash = typeof seedOf === 'number' ? seedOf : seedOf();
			for (const char of path) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
			return {
				statusCode: 200,
				data: JSON.stringify(makeBody(path, hash >>> 0)),
				responseOptions: {
					headers: {'content-type': 'application/json', 'x-nuon-page-next': 'false', 'x-nuon-api-next': ''},
				},
			};
		})
		.persist();
	return agent;
}
