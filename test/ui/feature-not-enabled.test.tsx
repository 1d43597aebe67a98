// A feature the org lacks (2026: a 400 "This operation requires the 'X' feature…") reads as "not
// enabled for this org" in the pane, once: no retry, no error line, no STALE or "no data".
import {expect, it} from 'vitest';
import {NuonApiError} from '../../source/api/errors.js';
import {errorRetryDelay} from '../../source/state/resource.js';
import {demoForTest} from '../helpers/demo-server.js';
import {renderExplorer} from '../helpers/render-app.js';
import {firstInstall} from '../helpers/scenario.js';

it('a read the org lacks the feature for is said in one line in its pane, with no error line', async () => {
	const asked: string[] = [];
	const demo = await demoForTest({
		intercept: (request, response) => {
			if (!request.url?.includes('/actions/latest-runs')) return false;
			asked.push(request.url);
			// What a 2026 handler behind a feature flag answers (features/errors.go, stderr/handler.go).
			response.writeHead(Number(process.env.XS ?? 400), {'content-type': 'application/json'});
			response.end(
				JSON.stringify({
					error: 'feature not enabled: runs-view',
					user_error: true,
					description: "This operation requires the 'runs-view' feature to be enabled for your organization",
				}),
			);
			return true;
		},
	});
	const install = firstInstall(demo.scenario);
	const app = renderExplorer(demo, {
		refreshMs: 50,
		size: {columns: 160, rows: 30},
		start: [{kind: 'runs', installId: install.id, installName: install.name}],
	});
	try {
		const screen = await app.waitFor("Action workflows: not enabled for this org (the 'runs-view' feature).");
		// Many refresh intervals (and retry delays, which start at half of one): nothing is asked again.
		await new Promise(resolve => setTimeout(resolve, 500));
		console.log('ASKED', asked.length, app.frame().split('\n').slice(-3).join('|'));
		expect(asked).toHaveLength(1);
		expect(app.frame()).toBe(screen);
		expect(screen).not.toMatch(/⚠|HTTP 400|no data|STALE|Retrying/);
	} finally {
		await app.cleanup();
	}
});

it('a feature the org lacks is not retried, where another 400 is', () => {
	const answer = (description: string) =>
		new NuonApiError({kind: 'http', status: 400, message: 'HTTP 400', path: '/v1/x', description});
	const lacking = answer(
		"This operation requires the 'app-branches' feature to be enabled for your organization",
	);
	expect(errorRetryDelay(lacking, 1, 1000)).toBeUndefined();
	expect(errorRetryDelay(answer('invalid request input'), 1, 1000)).toBeGreaterThan(0);
});
