// A runner job's plan as the viewer shows it: what it will change first, and no secret it carries.
import {expect, it} from 'vitest';
import {readablePlan} from '../../source/domain/runner-plan.js';

it(
	'shows apply_plan_display first, parsed, and hides the credentials and secret variables the plan ' +
		'carries',
	() => {
		const plan = {
			terraform: {vars: {region: 'us-east-1', db_password: 'hunter2'}},
			env_vars: {
				AWS_REGION: 'us-east-1',
				GITHUB_TOKEN: 'ghp_abc',
				NPM_CONFIG_REGISTRY: 'https://registry.npmjs.org',
			},
			aws_auth: {
				assume_role: {role_arn: 'arn:aws:iam::1:role/x'},
				static_credentials: {access_key_id: 'AKIA1', secret_access_key: 's3cr3t', session_token: 'tok'},
			},
			apply_plan_display: JSON.stringify({resource_changes: [{address: 'aws_vpc.main'}]}),
		};
		const shown = readablePlan(JSON.stringify(plan));
		expect(Object.keys(JSON.parse(shown) as object)[0]).toBe('apply_plan_display');
		for (const secret of ['hunter2', 'ghp_abc', 'AKIA1', 's3cr3t', '"tok"'])
			expect(shown).not.toContain(secret);
		for (const plain of ['us-east-1', 'arn:aws:iam::1:role/x', 'https://registry.npmjs.org', 'aws_vpc.main'])
			expect(shown).toContain(plain);
		expect(shown).toContain('(hidden by nuon-tui)');
	},
);
