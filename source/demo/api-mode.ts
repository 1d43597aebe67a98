// Which Nuon server the demo plays (the servers are named in demo-options.ts, which the flags read
// without loading the demo).
import {DEMO_APIS, NEWEST_DEMO_API, since, type DemoApi} from '../demo-options.js';

export {DEMO_APIS, NEWEST_DEMO_API, since, type DemoApi};

/** The X-Nuon-API-Version each one answers with (the SDK's version of that time: nuonco/nuon-python). */
export const API_VERSION: Record<DemoApi, string> = {
	'2025-08': '0.19.619',
	'2025-12': '0.19.720',
	'2026': '0.19.1125',
};
