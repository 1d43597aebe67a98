import {describe, expect, it} from 'vitest';
import type {Install} from '../../source/api/resources.js';
import {
	deployReleases,
	installRelease,
	newestTarget,
	progressText,
	releaseProgress,
	targetReleases,
} from '../../source/domain/release-progress.js';

/** An install whose components' latest deploys are on these releases (id, created at). */
const installOn = (name: string, deploys: Record<string, [string, string] | undefined>): Install =>
	({
		id: `inl-${name}`,
		name,
		install_components: Object.entries(deploys).map(([component_id, deploy]) => ({
			component_id,
			install_deploys: deploy ? [{release_id: deploy[0], created_at: deploy[1], status: 'active'}] : [],
		})),
	}) as unknown as Install;

const OLD = '2025-08-01T00:00:00Z';
const NEW = '2025-08-20T00:00:00Z';
const components = ['a', 'b', 'c'];

describe('progress by release', () => {
	const moved = installOn('moved', {a: ['rel-a2', NEW], b: ['rel-b2', NEW], c: ['rel-c1', OLD]});
	const behind = installOn('behind', {a: ['rel-a1', OLD], b: ['rel-b1', OLD], c: undefined});
	const targets = targetReleases([moved, behind]);

	it('takes the newest release of each component among the installs as the one rolled out', () => {
		expect(targets.get('a')?.id).toBe('rel-a2');
		expect(targets.get('c')?.id).toBe('rel-c1');
		expect(newestTarget(components, targets)?.label).toMatch(/rel-[ab]2/);
	});

	it("counts an install's components on the release rolled out, of all of them", () => {
		expect(progressText(releaseProgress(moved, components, targets))).toBe('3/3');
		expect(progressText(releaseProgress(behind, components, targets))).toBe('0/3');
	});

	it('counts a deploy still on its way to the release as not on it', () => {
		const moving = {
			install_components: [
				{component_id: 'a', install_deploys: [{release_id: 'rel-a2', created_at: NEW, status: 'executing'}]},
			],
		} as unknown as Install;
		expect(progressText(releaseProgress(moving, components, targets))).toBe('0/3');
	});

	it('names the release an install is on by its newest deploy, a tag before an id, sanitized', () => {
		expect(installRelease(moved)?.id).toMatch(/rel-[ab]2/);
		expect(installRelease(installOn('none', {a: undefined}))).toBeUndefined();
		const tagged = {
			install_components: [
				{
					component_id: 'a',
					install_deploys: [{release_id: 'r', created_at: NEW, oci_artifact: {tag: 'v2\u001b[31m.4'}}],
				},
			],
		} as unknown as Install;
		expect(deployReleases(tagged).get('a')?.label).not.toContain('\u001b');
		expect(deployReleases(tagged).get('a')?.label).toContain('v2');
	});

	it('reads no release from fields of the wrong shape', () => {
		const odd = {install_components: [{component_id: 'a', install_deploys: [{release_id: 7}]}, 'x', null]};
		expect(deployReleases(odd as unknown as Install).size).toBe(0);
	});
});
