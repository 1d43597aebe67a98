import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {DataProvider} from '../../source/state/resource.js';
import {askForFirstScreen} from '../../source/state/first-screen.js';
import type {Location} from '../../source/state/navigation.js';
import {App} from '../../source/ui/shell/app.js';
import {darkTheme} from '../../source/ui/widgets/theme.js';
import {demoForFile, demoForTest} from '../helpers/demo-server.js';
import {anotherInstall, firstInstall, installsTitle} from '../helpers/scenario.js';

const requests: string[] = [];
const demo = demoForFile({
	clock: 90_000,
	intercept: request => {
		requests.push(new URL(request.url!, 'http://demo').pathname);
		return false;
	},
});

async function mountAfterFirstScreen(start: Location[]) {
	requests.length = 0;
	const client = new NuonClient({baseUrl: demo.url, token: 'test-token', orgId: demo.scenario.orgId});
	const firstScreen = askForFirstScreen(client, start.at(-1)!);
	await firstScreen.settled;
	const asked = [...requests];
	const app = render(
		<DataProvider client={client} refreshMs={60_000} firstScreen={[...firstScreen.answers]}>
			<App
				theme={darkTheme}
				orgLabel="demo-org"
				apiLabel="demo"
				isDemo
				size={{columns: 100, rows: 30}}
				refreshMs={60_000}
				start={start}
			/>
		</DataProvider>,
	);
	const firstFrame = app.frames[0] ?? '';
	// The levels have asked for (or taken) their data once the header says when it arrived.
	await vi.waitFor(() => expect(app.lastFrame()).toMatch(/updated \d\d:\d\d:\d\d/));
	app.unmount();
	await client.close();
	return {firstFrame, asked, all: [...requests]};
}

describe('the first screen', () => {
	it(
		'shows the installs in the first frame, and the levels take the answers asked for at ' + 'start-up',
		async () => {
			const {firstFrame, asked, all} = await mountAfterFirstScreen([{kind: 'installs'}]);
			expect(firstFrame).toContain(firstInstall(demo.scenario).name);
			expect(firstFrame).toContain(installsTitle(demo.scenario));
			expect(asked.sort()).toEqual(['/v1/apps', '/v1/general/cli-config', '/v1/installs']);
			expect(all.filter(path => path === '/v1/installs')).toHaveLength(1);
		},
	);

	it('shows an install’s components in the first frame when the explorer starts on them', async () => {
		const install = anotherInstall(demo.scenario);
		const {firstFrame, all} = await mountAfterFirstScreen([
			{kind: 'installs'},
			{kind: 'components', installId: install.id, installName: install.name},
		]);
		expect(firstFrame).toContain(`Components of ${install.name}`);
		expect(firstFrame).toContain(install.components[0]!.component.name);
		expect(all.filter(path => path.startsWith('/v1/installs/') && path.endsWith('/components'))).toHaveLength(
			1,
		);
	});
});

describe('the first requests on the wire', () => {
	it('count as sent once written, before any answer, so the UI loads while the API answers', async () => {
		const silent = await demoForTest({intercept: () => true}); // takes every request, answers none
		const client = new NuonClient({
			baseUrl: silent.url,
			token: 'test-token',
			orgId: silent.scenario.orgId,
			retries: 0,
			timeoutMs: 1000,
		});
		try {
			const firstScreen = askForFirstScreen(client, {kind: 'installs'});
			const answered = vi.fn();
			void firstScreen.settled.then(answered);
			await firstScreen.sent;
			expect(answered).not.toHaveBeenCalled();
		} finally {
			await client.close();
		}
	});
});
