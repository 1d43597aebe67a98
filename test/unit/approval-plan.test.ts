// The plan an approval asks about, read from every shape the server has been seen to send.
import {describe, expect, it} from 'vitest';
import {formatChangeCounts, readPlan} from '../../source/domain/approval-plan.js';

const terraform = {
	terraform_version: '1.9.8',
	resource_changes: [
		{
			address: 'aws_s3_bucket.logs',
			type: 'aws_s3_bucket',
			change: {actions: ['create'], before: null, after: {bucket: 'logs'}, after_unknown: {arn: true}},
		},
		{
			address: 'aws_iam_role.runner',
			type: 'aws_iam_role',
			change: {actions: ['update'], before: {max: 3600, tags: {a: '1'}}, after: {max: 7200, tags: {a: '1'}}},
		},
		{
			address: 'aws_eip.nat',
			type: 'aws_eip',
			change: {
				actions: ['delete', 'create'],
				before: {ip: '1.2.3.4'},
				after: {ip: null},
				after_unknown: {ip: true},
			},
		},
		{
			address: 'aws_vpc.old',
			type: 'aws_vpc',
			change: {actions: ['delete'], before: {id: 'vpc-1'}, after: null},
		},
		{
			address: 'aws_db.password',
			type: 'aws_db',
			change: {
				actions: ['update'],
				before: {password: 'a'},
				after: {password: 'b'},
				after_sensitive: {password: true},
			},
		},
	],
};

describe('readPlan', () => {
	it.each([
		['a JSON object (what the official CLI reads)', terraform],
		['a JSON string holding one', JSON.stringify(terraform)],
		[
			'an array of byte values holding one (the contract’s type)',
			[...Buffer.from(JSON.stringify(terraform))],
		],
	])('reads %s', (_shape, body) => {
		const plan = readPlan(body);
		expect(plan.problem).toBeUndefined();
		expect(plan.format).toBe('terraform');
		expect(formatChangeCounts(plan.counts)).toBe('1 to delete · 1 to replace · 2 to update · 1 to create');
		expect(plan.changes.map(change => change.action)).toEqual([
			'delete',
			'replace',
			'update',
			'update',
			'create',
		]);
	});

	it('diffs attributes: changed values only, known after apply, sensitive values hidden', () => {
		const plan = readPlan(terraform);
		const byAddress = new Map(plan.changes.map(change => [change.address, change.attributes]));
		expect(byAddress.get('aws_iam_role.runner')).toEqual([{path: 'max', before: '3600', after: '7200'}]);
		expect(byAddress.get('aws_s3_bucket.logs')).toEqual([
			{path: 'arn', before: '—', after: '(known after apply)'},
			{path: 'bucket', before: '—', after: '"logs"'},
		]);
		expect(byAddress.get('aws_db.password')).toEqual([
			{path: 'password', before: '(sensitive)', after: '(sensitive)'},
		]);
	});

	it('reads a Helm diff: each object created, changed or deleted, with the lines that change', () => {
		const plan = readPlan({
			op: 'upgrade',
			plan: '',
			helm_content_diff: [
				{
					kind: 'Deployment',
					name: 'api',
					namespace: 'web',
					before: 'replicas: 3\nimage: a',
					after: 'replicas: 4\nimage: a',
				},
				{kind: 'ServiceMonitor', name: 'api', namespace: 'web', before: '', after: 'port: metrics'},
			],
		});
		expect(plan.format).toBe('helm');
		expect(plan.changes.map(change => [change.action, change.address])).toEqual([
			['update', 'web/Deployment/api'],
			['create', 'web/ServiceMonitor/api'],
		]);
		expect(plan.changes[0]!.attributes).toEqual([{path: '', before: 'replicas: 3', after: 'replicas: 4'}]);
	});

	it.each([
		['a number', 42, /a number/],
		['null', null, /null/],
		['bytes that are not JSON', [...Buffer.from('not json')], /not JSON/],
		['a list that is not bytes', [1, 'two', 3000], /not bytes/],
		['an object without changes', {hello: 'world'}, /no resource changes/],
	])('shows %s as it came, saying why, without failing', (_what, body, problem) => {
		const plan = readPlan(body);
		expect(plan.changes).toEqual([]);
		expect(plan.problem).toMatch(problem);
	});

	it('keeps escape sequences and line breaks of hostile addresses and values off the terminal', () => {
		const plan = readPlan(
			JSON.stringify({
				resource_changes: [
					{
						address: 'aws_x.\u001B]52;c;ZXZpbA==\u0007evil\nline',
						change: {actions: ['update'], before: {v: 'a\u001B[2J'}, after: {v: 'b\r\nc'}},
					},
				],
			}),
		);
		const [change] = plan.changes;
		expect(change!.address).not.toMatch(/[\u0000-\u001F\u007F]/);
		expect(JSON.stringify(change!.attributes)).not.toMatch(/\\u001b|\\u0007/i);
		expect(change!.attributes[0]!.after).not.toMatch(/[\r\n]/);
	});
});
