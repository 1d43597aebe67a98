import {describe, expect, it} from 'vitest';
import {currentEntry, initialNavigation, navigate} from '../../source/state/navigation.js';
import {breadcrumbs} from '../../source/ui/levels/registry.js';

describe('navigation stack', () => {
	it('pushes on open, pops on back, never pops the root, and remembers the selection per level', () => {
		let state = initialNavigation();
		state = navigate(state, {type: 'select', id: 'inl1'});
		state = navigate(state, {
			type: 'push',
			location: {kind: 'components', installId: 'inl1', installName: 'prod-eu'},
		});
		state = navigate(state, {
			type: 'push',
			location: {
				kind: 'deploy',
				installId: 'inl1',
				installName: 'prod-eu',
				componentId: 'c1',
				componentName: 'api',
			},
		});
		expect(breadcrumbs(state.stack)).toEqual(['installs', 'prod-eu', 'api › latest deploy']);
		state = navigate(navigate(state, {type: 'pop'}), {type: 'pop'});
		expect(currentEntry(state)).toEqual({id: 0, location: {kind: 'installs'}, selectedId: 'inl1'});
		expect(navigate(state, {type: 'pop'})).toBe(state);
	});

	it('a breadcrumb names a subject once: a deploy from its history does not repeat the component', () => {
		const place = {installId: 'inl1', installName: 'prod-eu', componentId: 'c1', componentName: 'vpc'};
		let state = initialNavigation();
		for (const location of [
			{kind: 'components', installId: 'inl1', installName: 'prod-eu'},
			{kind: 'deployHistory', ...place},
			{kind: 'deploy', ...place, deployId: 'ind1', deployLabel: 'deploy of 12:03'},
		] as const)
			state = navigate(state, {type: 'push', location});
		expect(breadcrumbs(state.stack).join(' › ')).toBe('installs › prod-eu › vpc › deploys › deploy of 12:03');
	});

	it('returns the same state when the selection does not change (no re-render)', () => {
		const state = navigate(initialNavigation(), {type: 'select', id: 'a'});
		expect(navigate(state, {type: 'select', id: 'a'})).toBe(state);
	});

	it(
		'opens the board once: a second B goes back down to the one on the stack instead of stacking ' +
			'another',
		() => {
			let state = navigate(initialNavigation(), {type: 'open', location: {kind: 'board'}});
			state = navigate(state, {
				type: 'push',
				location: {
					kind: 'deploy',
					installId: 'inl1',
					installName: 'prod-eu',
					componentId: 'c1',
					componentName: 'api',
				},
			});
			state = navigate(state, {type: 'open', location: {kind: 'board'}});
			expect(state.stack.map(entry => entry.location.kind)).toEqual(['installs', 'board']);
			expect(navigate(state, {type: 'open', location: {kind: 'board'}})).toBe(state);
		},
	);
});
