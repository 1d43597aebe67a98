// Bench rows of the installs list's weight on the 2026 server: a page of 100 installs as
// `GET /v1/installs` sends it (each install with its first 10 components and their latest deploys,
// get_org_installs.go), and the same installs without their components. No parameter of that route
// leaves them out (SDK 0.19.1125 `get_org_installs.py`: offset, q, labels, runner_id, limit, page),
// so the second figure is what such a page would weigh, not a request nuon-tui can make.
import {startDemoServer} from '../../source/demo/server.js';
import type {Row} from './fleet-rows.js';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

export async function weightRows(): Promise<Row[]> {
	const demo = await startDemoServer({api: '2026', installCount: 100});
	try {
		demo.scenario.setClock(600);
		const response = await fetch(`${demo.url}/v1/installs?limit=100&offset=0`, {
			headers: {
				authorization: 'Bearer bench',
				'x-nuon-org-id': demo.scenario.orgId,
				'x-nuon-pagination-enabled': 'true',
			},
		});
		const body = await response.text();
		const installs = JSON.parse(body) as Array<Record<string, unknown>>;
		const bare = JSON.stringify(installs.map(({install_components: _, ...install}) => install));
		const withComponents = Buffer.byteLength(body);
		const without = Buffer.byteLength(bare);
		return [
			{
				figure: `installs list (2026): bytes a page of ${installs.length}, with components`,
				value: kB(withComponents),
				target: 'reported (what the board, watch and the queue read)',
				pass: undefined,
			},
			{
				figure: `installs list (2026): bytes a page of ${installs.length}, without components`,
				value: `${kB(without)} (${((100 * without) / withComponents).toFixed(0)} %)`,
				target: 'reported (no parameter of the route leaves them out)',
				pass: undefined,
			},
		];
	} finally {
		await demo.close();
	}
}
