// Spec-driven fuzzing: every level rendered with random responses that are valid under the
// contract and full of hostile strings. No crash, and no escape byte from the data on the screen.
// The levels are split over two test files so that they run in parallel.
import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import type {Location} from '../../source/state/navigation.js';
import {DataProvider} from '../../source/state/data.js';
import {App} from '../../source/ui/app.js';
import {darkTheme} from '../../source/ui/theme.js';
import {fuzzAgent, FUZZ_ORIGIN} from './fuzz-api.js';

const CASES_PER_LEVEL = Number(process.env['NUON_TUI_FUZZ_CASES'] ?? 100);
const BASE_SEED = Number(process.env['NUON_TUI_FUZZ_SEED'] ?? 20_261_128);

export const LEVELS: Array<{name: string; location: Location}> = [
	{name: 'installs', location: {kind: 'installs'}},
	{name: 'board', location: {kind: 'board'}},
	{name: 'components', location: {kind: 'components', installId: 'inl1', installName: 'fuzz'}},
	{name: 'latest deploy', location: {kind: 'deploy', installId: 'inl1', installName: 'fuzz', componentId: 'cmp1', componentName: 'api'}},
	{name: 'jobs & runs', location: {kind: 'activity', installId: 'inl1', installName: 'fuzz', deployId: 'ind1', componentName: 'api'}},
	{name: 'executions', location: {kind: 'executions', jobId: 'rjb1', jobName: 'deploy/apply-plan', logStreamId: 'lgj1'}},
	{name: 'action runs', location: {kind: 'runs', installId: 'inl1', installName: 'fuzz'}},
	{name: 'steps', location: {kind: 'steps', installId: 'inl1', installName: 'fuzz', runId: 'awr1', runName: 'smoke'}},
	{name: 'plan', location: {kind: 'document', title: 'plan', source: {type: 'plan', jobId: 'rjb1'}}},
	{name: 'logs', location: {kind: 'logs', streamId: 'lgd1', title: 'deploy'}},
];

/** Ink writes SGR colour codes itself (and log bodies keep theirs); anything else is from the data. */
function foreignControls(frame: string): string[] {
	const withoutColour = frame.replace(/\u001B\[[0-9;]*m/g, '');
	return [...withoutColour.matchAll(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g)].map(m => JSON.stringify(m[0]));
}

async function renderCase(location: Location, seed: number): Promise<string[]> {
	const agent = fuzzAgent(seed);
	const client = new NuonClient({baseUrl: FUZZ_ORIGIN, token: 't', orgId: 'o', dispatcher: agent, retries: 0});
	const instance = render(
		<DataProvider client={client} refreshMs={60_000}>
			<App theme={darkTheme} orgLabel="fuzz" apiLabel="fuzz" isDemo={false} size={{columns: 100, rows: 30}} start={[location]} refreshMs={60_000} />
		</DataProvider>,
	);
	try {
		// Let the data arrive and render, then move about a little.
		await new Promise(resolve => setTimeout(resolve, 25));
		for (const key of ['\u001B[B', '\t', '\u001B[B']) {
			instance.stdin.write(key);
			await new Promise(resolve => setTimeout(resolve, 5));
		}
		return instance.frames;
	} finally {
		instance.unmount();
		await agent.close();
	}
}

export function fuzzLevels(levels: typeof LEVELS): void {
	describe('fuzzing levels with contract-valid, hostile responses', () => {
	it.each(levels)(`$name: ${CASES_PER_LEVEL} cases`, async ({location}) => {
		for (let index = 0; index < CASES_PER_LEVEL; index++) {
			const seed = BASE_SEED + index;
			let frames: string[];
			try {
				frames = await renderCase(location, seed);
			} catch (error) {
				throw new Error(`crashed with NUON_TUI_FUZZ_SEED=${seed} (one case: NUON_TUI_FUZZ_CASES=1): ${(error as Error).message}`);
			}
			const rendered = frames.join('\n');
			expect(rendered, `seed ${seed}: Ink reported an error`).not.toMatch(/^\s*ERROR\s/m);
			expect(foreignControls(rendered), `seed ${seed}: control bytes from the data reached the screen`).toEqual([]);
		}
	}, 300_000);
	});
}
