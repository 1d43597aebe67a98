import {renderApp} from './render-app.js';
import {describe, expect, it, vi} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {EXAMPLE_LOCATIONS, type Location} from '../../source/ui/levels/registry.js';
import {fuzzAgent, fuzzedBody, FUZZ_ORIGIN, offContractBody, type BodyMaker} from './fuzz-api.js';
import {foreignControls, stripAnsi} from './screen.js';

/** Full-app cases per level and kind: a sample by default, 100 in `npm run test:full`
 * (`NUON_TUI_FUZZ_APP_CASES`). */
export const CASES_PER_LEVEL = Number(
	process.env.NUON_TUI_FUZZ_APP_CASES ?? process.env.NUON_TUI_FUZZ_CASES ?? 12,
);
export const BASE_SEED = Number(process.env.NUON_TUI_FUZZ_SEED ?? 20_261_128);

/** Every level of the registry, at its example location. */
export const LEVELS: Array<{name: string; location: Location}> = EXAMPLE_LOCATIONS.map(location => ({
	name: location.kind,
	location,
}));

/** What a level shows before its data has arrived. */
const LOADING = /Loading |⟳ loading/;

async function renderCase(location: Location, seed: number, makeBody: BodyMaker): Promise<string[]> {
	const agent = fuzzAgent(seed, makeBody);
	const client = new NuonClient({
		baseUrl: FUZZ_ORIGIN,
		token: 't',
		orgId: 'o',
		dispatcher: agent,
		retries: 0,
	});
	const instance = renderApp(client, {orgLabel: 'fuzz', apiLabel: 'fuzz', isDemo: false, start: [location]});
	try {
		// The data must arrive and be drawn (not only a loading frame); then move about a little.
		await vi.waitFor(
			() => {
				if (LOADING.test(instance.lastFrame() ?? ''))
					throw new Error(`still loading:\n${instance.lastFrame()}`);
			},
			{timeout: 3000, interval: 5},
		);
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

/**
 * `contract`: responses valid under the contract, full of hostile strings. `off-contract`: the
 * same with fields of the wrong type; the app must still stand (its header and key hints on
 * screen, no crash), with whatever could not be shown said inside the pane that shows it.
 */
export function fuzzLevels(levels: typeof LEVELS, kind: 'contract' | 'off-contract' = 'contract'): void {
	const makeBody = kind === 'contract' ? fuzzedBody : offContractBody;
	describe(
		kind === 'contract'
			? 'fuzzing levels with contract-valid, hostile responses'
			: 'fuzzing levels with off-contract responses (fields of the wrong type)',
		() => {
			it.each(levels)(
				`$name: ${CASES_PER_LEVEL} cases`,
				async ({location}) => {
					for (let index = 0; index < CASES_PER_LEVEL; index++) {
						const seed = BASE_SEED + index;
						let frames: string[];
						try {
							frames = await renderCase(location, seed, makeBody);
						} catch (error) {
							throw new Error(
								`crashed with NUON_TUI_FUZZ_SEED=${seed} (one case: NUON_TUI_FUZZ_CASES=1): ` +
									`${(error as Error).message}`,
							);
						}
						const rendered = frames.join('\n');
						expect(rendered, `seed ${seed}: Ink reported an error`).not.toMatch(/^\s*ERROR\s/m);
						expect(
							foreignControls(rendered),
							`seed ${seed}: control bytes from the data reached the screen`,
						).toEqual([]);
						const last = stripAnsi(frames.findLast(frame => frame.trim() !== '') ?? '').split('\n');
						expect(last[0], `seed ${seed}: the app's header is gone`).toMatch(/^nuon-tui {2}org fuzz/);
						expect(last.at(-1), `seed ${seed}: the key hints are gone`).toMatch(/↑↓ move|esc back|\? help/);
						// A bad field fails at most the cell or pane that shows it (⚠ unreadable, "Could not show
						// this …"), never a whole screen: the level boundary is the last line of defence, not a way out.
						expect(rendered, `seed ${seed}: a whole screen could not be shown`).not.toContain(
							'this screen cannot read',
						);
					}
				},
				300_000,
			);
		},
	);
}
