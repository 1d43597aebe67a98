import {defineConfig} from 'vitest/config';
import {BaseSequencer, type TestSpecification} from 'vitest/node';

/**
 * Files that need the machine to themselves: the large org's demo API builds megabytes of
 * installs a page (every install's deploys), which beside three other workers takes longer than
 * the test waits. They run in the `alone` project, after the rest.
 */
const ALONE = ['test/ui/large-org.test.tsx'];

/** Where a kind of test lives. Any test file elsewhere under test/ runs in the `other` project: `npm test`
 * runs every one. */
const KINDS = {
	unit: ['test/unit/**/*.test.{ts,tsx}', 'test/contract/**/*.test.{ts,tsx}'],
	ui: ['test/ui/**/*.test.{ts,tsx}'],
	fuzz: ['test/fuzz/**/*.test.{ts,tsx}'],
	e2e: ['test/e2e/**/*.test.{ts,tsx}'],
};

/**
 * The files known to take longest start first, whatever their project: without a results cache
 * (a clean clone, CI) vitest would run the projects one after the other in name order and leave
 * the longest file for the end. Once a run has been cached, its durations decide.
 */
const SLOW_FIRST = [
	'test/ui/fault-matrix',
	'test/e2e/',
	'test/fuzz/',
	'test/contract/demo-contract',
	'test/ui/board',
	'test/ui/approvals',
	'test/ui/workflow-writes',
];

class SlowFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const cache = this.ctx.cache;
		const key = (spec: TestSpecification) =>
			`${spec.project.name}:${spec.moduleId.slice(this.ctx.config.root.length + 1)}`;
		const known = (spec: TestSpecification) => cache.getFileTestResults(key(spec))?.duration;
		const rank = (spec: TestSpecification) => {
			const index = SLOW_FIRST.findIndex(prefix => spec.moduleId.includes(`/${prefix}`));
			return index < 0 ? SLOW_FIRST.length : index;
		};
		return [...files].sort((a, b) => {
			const [da, db] = [known(a), known(b)];
			if (da !== undefined && db !== undefined) return db - da;
			return rank(a) - rank(b);
		});
	}
}

export default defineConfig({
	test: {
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// More workers than the 2 cores CI has: most files spend their time waiting on timers, sockets
		// and child processes, not computing. `NUON_TUI_TEST_WORKERS` overrides it.
		maxWorkers: Number(process.env.NUON_TUI_TEST_WORKERS ?? 4),
		sequence: {sequencer: SlowFirst},
		projects: [
			...Object.entries(KINDS).map(([name, include]) => ({
				extends: true as const,
				// A journey in a real pseudo-terminal that fails runs once more (vitest reports the
				// retry): on 2 busy cores a key can land in the moment a screen changes. Twice fails.
				test: {name, include, exclude: ALONE, retry: name === 'e2e' ? 1 : 0},
			})),
			{
				extends: true as const,
				test: {
					name: 'other',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: [...Object.values(KINDS).flat(), ...ALONE],
				},
			},
			{
				extends: true as const,
				test: {name: 'alone', include: ALONE, maxWorkers: 1, sequence: {groupOrder: 1}},
			},
		],
	},
});
