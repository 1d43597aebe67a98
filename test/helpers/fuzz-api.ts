// A fake Nuon API for fuzzing: every response is generated from the contract's schema for that
// endpoint (json-schema-faker, seeded), with hostile strings mixed in, and served to the real
// client through undici's MockAgent.
import {readFileSync} from 'node:fs';
import {generateSync} from 'json-schema-faker';
import {MockAgent} from 'undici';
import {random} from '../../source/demo/scenario.js';

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
	[/^\/v1\/installs\/[^/]+\/components\/[^/]+\/deploys\/latest$/, '/v1/installs/{install_id}/components/{component_id}/deploys/latest'],
	[/^\/v1\/installs\/[^/]+\/deploys\/[^/]+$/, '/v1/installs/{install_id}/deploys/{deploy_id}'],
	[/^\/v1\/runner-jobs\/[^/]+\/executions$/, '/v1/runner-jobs/{runner_job_id}/executions'],
	[/^\/v1\/runner-jobs\/[^/]+\/plan$/, '/v1/runner-jobs/{runner_job_id}/plan'],
	[/^\/v1\/runner-jobs\/[^/]+$/, '/v1/runner-jobs/{runner_job_id}'],
	[/^\/v1\/installs\/[^/]+\/action-workflows\/latest-runs$/, '/v1/installs/{install_id}/action-workflows/latest-runs'],
	[/^\/v1\/installs\/[^/]+\/action-workflows\/runs\/[^/]+$/, '/v1/installs/{install_id}/action-workflows/runs/{run_id}'],
	[/^\/v1\/log-streams\/[^/]+\/logs$/, '/v1/log-streams/{log_stream_id}/logs'],
	[/^\/v1\/log-streams\/[^/]+$/, '/v1/log-streams/{log_stream_id}'],
];

const schemas = new Map(
	ROUTES.map(([, template]) => [template, {...spec.paths[template].get.responses['200'].content['application/json'].schema, components: spec.components}]),
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
			if (typeof value === 'string' && rand() < 0.35) return value + HOSTILE[Math.floor(rand() * HOSTILE.length)];
			// Any field may be null (the API's Go structs send nulls); array items stay objects.
			const arrayItem = /\/\d+$/.test(path);
			if (value !== null && typeof value === 'object' && !Array.isArray(value) && !arrayItem && path !== '/' && rand() < 0.05) return null;
			return value;
		},
	});
}

export const FUZZ_ORIGIN = 'http://fuzz.invalid';

/** An undici dispatcher answering every GET with fuzzed data for `seed`. */
export function fuzzAgent(seed: number): MockAgent {
	const agent = new MockAgent();
	agent.disableNetConnect();
	agent
		.get(FUZZ_ORIGIN)
		.intercept({path: () => true, method: 'GET'})
		.reply(options => {
			const path = new URL(options.path, FUZZ_ORIGIN).pathname;
			let hash = seed;
			for (const char of path) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
			return {statusCode: 200, data: JSON.stringify(fuzzedBody(path, hash >>> 0)), responseOptions: {headers: {'content-type': 'application/json', 'x-nuon-page-next': 'false', 'x-nuon-api-next': ''}}};
		})
		.persist();
	return agent;
}
