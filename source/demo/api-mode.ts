// Which Nuon server the demo plays. `today`: the server as it behaves now (the components summary
// removed, the plan sent as raw text, today's routes beside the deprecated ones, `order` on logs).
// `2025-08`: the server of the contract (lists page only with `x-nuon-pagination-enabled`, logs
// ignore `order`, none of today's routes).
export type DemoApi = 'today' | '2025-08';

export const DEMO_APIS: readonly DemoApi[] = ['today', '2025-08'];

export const isDemoApi = (value: string): value is DemoApi =>
	(DEMO_APIS as readonly string[]).includes(value);

/** The X-Nuon-API-Version each one answers with. */
export const API_VERSION: Record<DemoApi, string> = {today: '0.19.870', '2025-08': '0.19.619'};
