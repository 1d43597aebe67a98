import {describe, expect, it} from 'vitest';
import type {Install} from '../../source/api/resources.js';
import {
	deployReleases,
	fleetReleases,
	installTargets,
	installRelease,
	progressText,
	releaseProgress,
} from '../../source/domain/release-progress.js';
import {SERVER_VERSIONS} from '../helpers/both-servers.js';
import {defaultScenario, twoReleasesInFlight} from '../helpers/scenario.js';

/** An install whose components' latest deploys are on these releases (id, created at, status). */
const installOn = (name: string, deploys: Record<string, [string, string, string?] | undefined>): Install =>
	({
		id: `inl-${name}`,
		name,
		install_components: Object.entries(deploys).map(([component_id, deploy]) => ({
			component_id,
			install_deploys: deploy
				? [{release_id: deploy[0], created_at: deploy[1], status: deploy[2] ?? 'active'}]
				: [],
		})),
	}) as unknown as Install;

const OLD = '2025-08-01T00:00:00Z';
const NEW = '2025-08-20T00:00:00Z';
const components = ['a', 'b', 'c'];
const progress = (install: Install, fleet: ReturnType<typeof fleetReleases>, ids = components) => {
	const found = releaseProgress(install, ids, fleet);
	return `${progressText(found)} → ${found.target?.id}`;
};

describe('progress by release', () => {
	const moved = installOn('moved', {a: ['rel-a2', NEW], b: ['rel-b2', NEW], c: ['rel-c1', OLD]});
	const behind = installOn('behind', {a: ['rel-a1', OLD], b: ['rel-b1', OLD], c: undefined});
	const fleet = fleetReleases([moved, behind]);

	it('takes the newest release of each component among the installs as the one rolled out', () => {
		expect(fleet.get('a')?.at(-1)?.id).toBe('rel-a2');
		expect(fleet.get('c')?.at(-1)?.id).toBe('rel-c1');
		expect(releaseProgress(moved, components, fleet).target?.label).toMatch(/rel-[ab]2/);
	});

	it("counts an install's components on the release rolled out, of all of them", () => {
		expect(progressText(releaseProgress(moved, components, fleet))).toBe('3/3');
		expect(progress(behind, fleet, ['a', 'b'])).toBe('0/2 → rel-a2');
	});

	it('counts a deploy still on its way to the release as not on it', () => {
		const moving = installOn('moving', {a: ['rel-a2', NEW, 'executing']});
		expect(progressText(releaseProgress(moving, components, fleet))).toBe('0/3');
	});

	it('knows a release by its build: each wave of one release has its own release_id (a release step)', () => {
		const deploy = (step: string, build: string, created: string) => ({
			component_id: 'a',
			install_deploys: [{release_id: step, build_id: build, created_at: created, status: 'active'}],
		});
		const wave = (name: string, step: string, created: string) =>
			({id: name, name, install_components: [deploy(step, 'bld-a2', created)]}) as unknown as Install;
		const first = wave('first', 'rls-wave1', OLD);
		const second = wave('second', 'rls-wave2', NEW);
		const waves = fleetReleases([first, second]);
		expect(waves.get('a')?.map(release => release.id)).toEqual(['bld-a2']);
		expect(progress(first, waves, ['a'])).toBe('1/1 → bld-a2');
		expect(progress(second, waves, ['a'])).toBe('1/1 → bld-a2');
	});

	describe('with a hotfix rolled out while the release still reaches its last installs', () => {
		const at = (minute: number) => `2025-08-20T00:${String(minute).padStart(2, '0')}:00Z`;
		// The release v2 from minute 0, the hotfix v3 from minute 10; v2 reaches `late` at minute 20.
		const hotfixed = installOn('hotfixed', {a: ['v3', at(10)], b: ['v3', at(11), 'executing']});
		const late = installOn('late', {a: ['v2', at(20)], b: ['v2', at(21), 'planning']});
		const done = installOn('done', {a: ['v2', at(0)], b: ['v2', at(1)]});
		const waiting = installOn('waiting', {a: ['v1', OLD], b: ['v1', OLD]});
		const hotfixFleet = fleetReleases([hotfixed, late, done, waiting]);
		const ab = ['a', 'b'];

		it('takes the hotfix as the newest release, though the release was deployed after it', () => {
			expect(hotfixFleet.get('a')?.map(release => release.id)).toEqual(['v1', 'v2', 'v3']);
		});

		it('shows each install on its way to the release it is being taken to, not behind the hotfix', () => {
			expect(progress(hotfixed, hotfixFleet, ab)).toBe('1/2 → v3');
			expect(progress(late, hotfixFleet, ab)).toBe('1/2 → v2');
			expect(progress(done, hotfixFleet, ab)).toBe('2/2 → v2');
			expect(progress(waiting, hotfixFleet, ab)).toBe('0/2 → v2');
		});

		it('shows an install done with the release as behind once the fleet has no older one', () => {
			const moved = fleetReleases([hotfixed, done]);
			expect(progress(done, moved, ab)).toBe('0/2 → v3');
		});
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

describe.each(SERVER_VERSIONS)('the demo playing the %s server: two releases in flight on one app', api => {
	const scenario = defaultScenario();
	const {at, hotfixed, onRelease} = twoReleasesInFlight(scenario);
	const listed = scenario.installsOf(scenario.orgId).map(install => scenario.listedInstall(install, at, api));
	const fleet = fleetReleases(listed);
	const row = (install: typeof hotfixed) =>
		releaseProgress(
			listed.find(found => found.id === install.id)!,
			install.app.components.map(c => c.id),
			fleet,
		);

	it('takes a hotfixed install to the hotfix and the others still moving to the release it fixes', () => {
		const hotfix = row(hotfixed);
		const release = row(onRelease);
		expect(hotfix.target?.id).toBeDefined();
		expect(release.target?.id).toBeDefined();
		expect(hotfix.target?.id).not.toBe(release.target?.id);
		expect(hotfix.target!.at > release.target!.at).toBe(true);
		// Both on their way: neither done, neither shown as not started when it has begun.
		expect(hotfix.on).toBeLessThan(hotfix.of);
		expect(release.on).toBeLessThan(release.of);
		// It is taken to the release it is already part way on: a component of it runs its target build.
		const listedOwn = listed.find(found => found.id === onRelease.id)!;
		const ids = onRelease.app.components.map(c => c.id);
		const targets = installTargets(listedOwn, ids, fleet);
		const own = deployReleases(listedOwn);
		expect(ids.some(id => own.get(id)?.id === targets.get(id)?.id)).toBe(true);
	});
});
