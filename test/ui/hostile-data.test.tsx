import {renderApp} from '../helpers/render-app.js';
import stringWidth from 'string-width';
import {MockAgent} from 'undici';
import {expect, it, vi} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import {noColorTheme} from '../../source/ui/widgets/theme.js';
import {foreignControls} from '../helpers/screen.js';

const ORIGIN = 'http://hostile.invalid';
const INSTALLS = [
	{id: 'inl1', name: '東京-本番🚀', composite_component_status: 'active', updated_at: '2026-11-28T10:00:00Z'},
	{
		id: 'inl2',
		name: '\u001B]0;owned\u0007\u001B[2Jprod-\u001B[31mred',
		composite_component_status: 'executing\u001B[5m',
	},
	{id: 'inl3', name: 'שלום-prod\u202Eevil', composite_component_status: 'brand-new-state'},
	{id: 'inl4'},
	{
		id: 'inl5',
		name: 'x'.repeat(200),
		composite_component_status: null,
		cloud_platform: null,
		aws_account: null,
	},
];

/** Serves `installs` for the installs list, nothing else. */
function serve(installs: unknown[]): {client: NuonClient; agent: MockAgent} {
	const agent = new MockAgent();
	agent.disableNetConnect();
	agent
		.get(ORIGIN)
		.intercept({path: () => true, method: 'GET'})
		.reply(options => ({
			statusCode: 200,
			data: JSON.stringify(options.path.startsWith('/v1/installs') ? installs : []),
			responseOptions: {headers: {'content-type': 'application/json'}},
		}))
		.persist();
	return {agent, client: new NuonClient({baseUrl: ORIGIN, token: 't', orgId: 'o', dispatcher: agent})};
}

it(
	'keeps a name with a tab, a newline or a line separator on one line, in the list, the titles and the ' +
		'detail pane',
	async () => {
		const {client, agent} = serve([
			{id: 'inl1', name: 'tab\tand\nnewline\u2028sep', composite_component_status: 'active'},
			{id: 'inl2', name: 'second', composite_component_status: 'error'},
			{id: 'inl3', name: '', composite_component_status: 'active'},
		]);
		const app = renderApp(client, {theme: noColorTheme, orgLabel: 'o', apiLabel: 'hostile', isDemo: false});
		try {
			await vi.waitFor(() => expect(app.lastFrame()).toContain('Installs (3)'));
			const lines = (app.lastFrame() ?? '').split('\n');
			expect(lines).toHaveLength(30);
			const header = lines.findIndex(line => line.includes('NAME'));
			expect(lines[header + 1]).toMatch(/^┃ › tab {2}and newline sep\s+✓ active/);
			expect(lines[header + 2]).toMatch(/^┃ {3}second\s+✗ error/);
			expect(lines[header + 3]).toMatch(/^┃ {3}inl3\s+✓ active/); // an empty name shows the id
			// The detail pane's top border carries the name on one line, and every row keeps both borders.
			expect(lines[header - 1]).toMatch(/╭─ tab {2}and newline sep ─+╮$/);
			expect(lines.slice(header - 1, -2).every(line => /^[┃┏┗].*[│╮╯]$/.test(line))).toBe(true);
		} finally {
			app.unmount();
			await agent.close();
		}
	},
);

it('keeps STATUS over less important columns at the documented minimum of 60 columns', async () => {
	const {client, agent} = serve(INSTALLS);
	const app = renderApp(client, {
		theme: noColorTheme,
		orgLabel: 'o',
		apiLabel: 'hostile',
		isDemo: false,
		size: {columns: 60, rows: 20},
	});
	try {
		await vi.waitFor(() => expect(app.lastFrame()).toContain('Installs (5)'));
		expect(app.lastFrame()).toMatch(/NAME\s+STATUS/);
	} finally {
		app.unmount();
		await agent.close();
	}
});

it(
	'keeps columns aligned with wide, right-to-left and escaped names, and shows unknown statuses as ' +
		'they are',
	async () => {
		const agent = new MockAgent();
		agent.disableNetConnect();
		agent
			.get(ORIGIN)
			.intercept({path: () => true, method: 'GET'})
			.reply(options => ({
				statusCode: 200,
				data: JSON.stringify(options.path.startsWith('/v1/installs') ? INSTALLS : []),
				responseOptions: {headers: {'content-type': 'application/json'}},
			}))
			.persist();
		const client = new NuonClient({baseUrl: ORIGIN, token: 't', orgId: 'o', dispatcher: agent});
		const app = renderApp(client, {theme: noColorTheme, orgLabel: 'o', apiLabel: 'hostile', isDemo: false});
		try {
			await vi.waitFor(() => expect(app.lastFrame()).toContain('Installs (5)'));
			const frame = app.lastFrame() ?? '';
			expect(foreignControls(frame)).toEqual([]);
			const lines = frame.split('\n');
			const header = lines.findIndex(line => line.includes('NAME'));
			const rows = lines.slice(header + 1, header + 6);
			expect(rows.every(row => row.startsWith('┃'))).toBe(true);
			// Every row's right border sits in the same terminal column, wide characters or not.
			const borderColumns = rows.map(row => stringWidth(row.slice(0, row.indexOf('┃', 1))));
			expect(new Set(borderColumns).size).toBe(1);
			expect(frame).toContain('? brand-new-');
			expect(frame).toContain('prod-red');
			expect(frame).toContain('東京-本番🚀');
		} finally {
			app.unmount();
			await agent.close();
		}
	},
);
