import {describe, expect, it} from 'vitest';
import type {Install} from '../../source/api/resources.js';
import {cellDrifted, cellStatus} from '../../source/domain/cell-status.js';
import {
	componentDrifted,
	driftedComponents,
	driftedNames,
	installDrifted,
	isDriftCheck,
	latestDeploys,
} from '../../source/domain/drift.js';
import {fleetReleases, releaseProgress} from '../../source/domain/release-progress.js';

const real = (status: string, build = 'bld-new') => ({
	id: `dpl-${status}`,
	status,
	build_id: build,
	created_at: '2025-12-01T00:00:00Z',
});
// As queue_component_deploy.go creates it and handlePlanOnlyApproval ends it: nothing but the status says so.
const check = (status: string, build = 'bld-newest') => ({
	id: `dpl-check-${status}`,
	status,
	build_id: build,
	plan_only: false,
	created_at: '2025-12-02T00:00:00Z',
});

describe('a drift check is no deploy of the component', () => {
	it('is told by its status, by plan_only, and by the workflow where the deploy carries it', () => {
		expect(isDriftCheck(check('drifted'))).toBe(true);
		expect(isDriftCheck(check('no-drift'))).toBe(true);
		expect(isDriftCheck({...real('queued'), plan_only: true})).toBe(true);
		expect(isDriftCheck({...real('planning'), workflow: {type: 'drift_run'}})).toBe(true);
		expect(isDriftCheck({...real('planning'), workflow: {plan_only: true}})).toBe(true);
		expect(isDriftCheck(real('active'))).toBe(false);
		expect(isDriftCheck({status_v2: {status: 'drifted'}})).toBe(true);
		for (const odd of [null, 'drifted', 7, [check('drifted')], {status: 9}])
			expect(isDriftCheck(odd)).toBe(false);
	});

	it('is passed over for the newest real deploy; alone, it is a drift check, not the deploy', () => {
		const older = real('pending-approval');
		expect(latestDeploys({install_deploys: [check('drifted'), older]})).toEqual({
			deploy: older,
			driftCheck: check('drifted'),
		});
		expect(latestDeploys({install_deploys: [check('no-drift')]})).toEqual({driftCheck: check('no-drift')});
		expect(latestDeploys({install_deploys: [older]})).toEqual({deploy: older});
		expect(latestDeploys({install_deploys: 'x'})).toEqual({});
		expect(latestDeploys(null)).toEqual({});
	});
});

describe('board cells and progress by release past a drift check', () => {
	const install = (deploys: object[], statuses: Record<string, string> = {}) =>
		({
			id: 'inl1',
			name: 'prod',
			component_statuses: statuses,
			install_components: [
				{id: 'ic1', component_id: 'cmp1', component: {name: 'vpc'}, install_deploys: deploys},
			],
		}) as unknown as Install;

	it('shows the real deploy, waiting for approval, with a drift mark', () => {
		const both = install([check('drifted'), real('pending-approval')]);
		expect(cellStatus(both, 'cmp1')).toBe('pending-approval');
		expect(cellDrifted(both, 'cmp1')).toBe(true);
	});

	it('keeps what component_statuses says where the list gives only the drift check', () => {
		const only = install([check('drifted')], {cmp1: 'active'});
		expect(cellStatus(only, 'cmp1')).toBe('active');
		expect(cellDrifted(only, 'cmp1')).toBe(true);
		const calm = install([check('no-drift')], {cmp1: 'error'});
		expect(cellStatus(calm, 'cmp1')).toBe('error');
		expect(cellDrifted(calm, 'cmp1')).toBe(false);
	});

	it('does not move progress by release: a drift check plans a build not deployed', () => {
		const onOld = {...install([real('active', 'bld-old')]), id: 'inl-a'} as Install;
		const checked = {...install([check('no-drift', 'bld-new')]), id: 'inl-a'} as Install;
		const rolled = {...install([real('active', 'bld-new')]), id: 'inl-b'} as Install;
		const before = releaseProgress(onOld, ['cmp1'], fleetReleases([onOld, rolled]));
		const after = releaseProgress(checked, ['cmp1'], fleetReleases([checked, rolled]));
		expect(after).toEqual(before);
		expect(after.on).toBe(0);
	});
});

describe('drift marks', () => {
	it('reads a component’s drifted_object, and an empty one as none', () => {
		expect(componentDrifted({drifted_object: {target_id: 'dpl1', target_type: 'install_deploy'}})).toBe(true);
		expect(componentDrifted({drifted_object: {}})).toBe(false);
		expect(componentDrifted({drifted_object: 'yes'})).toBe(false);
	});

	it('reads an install’s drifted_objects, its sandbox too, and names what drifted on one line', () => {
		const install = {
			install_components: [{id: 'ic1', component_id: 'cmp1', component: {name: 'vpc\nnet'}}],
			drifted_objects: [
				{
					target_id: 'dpl1',
					target_type: 'install_deploy',
					install_component_id: 'ic1',
					component_name: 'vpc',
				},
				{target_id: 'isr1', target_type: 'install_sandbox_run'},
				7,
			],
		};
		expect([...driftedComponents(install)]).toEqual(['cmp1']);
		expect(installDrifted(install)).toBe(true);
		expect(driftedNames(install)).toBe('vpc net, vpc, sandbox');
		expect(installDrifted({drifted_objects: [{}]})).toBe(false);
	});
});
