// Which Nuon server the demo plays (the servers are named in demo-options.ts, which the flags read
// without loading the demo).
import type {DemoApi} from '../demo-options.js';

export type {DemoApi};

/** The X-Nuon-API-Version each one answers with. */
export const API_VERSION: Record<DemoApi, string> = {today: '0.19.870', '2025-08': '0.19.619'};
