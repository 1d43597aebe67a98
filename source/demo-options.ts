// The demo's options as the command line gives them, parsed without loading the demo: which
// server it plays and the faults it injects. args.ts reads the flags with these; the demo
// (demo/api-mode.ts, demo/faults.ts) takes what they return. Only --demo loads the demo itself.

// Which Nuon server the demo plays. `today`: the server as it behaves now (the components summary
// removed, the plan sent as raw text, today's routes beside the deprecated ones, `order` on logs).
// `2025-08`: the server of the contract (lists page only with `x-nuon-pagination-enabled`, logs
// ignore `order`, none of today's routes).
export type DemoApi = 'today' | '2025-08';

export const DEMO_APIS: readonly DemoApi[] = ['today', '2025-08'];

export const isDemoApi = (value: string): value is DemoApi =>
	(DEMO_APIS as readonly string[]).includes(value);

/** Faults the demo API injects (`--demo-faults latency=2000,error-rate=0.2,...`). */
export interface Faults {
	/** Delay before every answer, ms. */
	latency?: number;
	/** Share of requests answered with a server error. */
	errorRate?: number;
	/** Server errors are HTML 502 pages from a "proxy" instead of JSON 500s. */
	html502?: boolean;
	/** Every Nth request: 429 with Retry-After. */
	every429?: number;
	retryAfter?: number;
	/** Every Nth request: the connection is reset. */
	resetEvery?: number;
	/** Every Nth request: no answer at all. */
	hangEvery?: number;
	/** Every Nth request: a 200 with truncated JSON. */
	badJsonEvery?: number;
	/** After this many seconds every request gets 401: the token expired. */
	expireTokenAfter?: number;
}

const NAMES: Record<string, keyof Faults> = {
	latency: 'latency',
	'error-rate': 'errorRate',
	'html-502': 'html502',
	'429-every': 'every429',
	'retry-after': 'retryAfter',
	'reset-every': 'resetEvery',
	'hang-every': 'hangEvery',
	'bad-json-every': 'badJsonEvery',
	'expire-token-after': 'expireTokenAfter',
};

export class FaultSpecError extends Error {
	override name = 'FaultSpecError';
}

export function parseFaults(spec: string): Faults {
	const faults: Faults = {};
	for (const part of spec
		.split(',')
		.map(p => p.trim())
		.filter(Boolean)) {
		const [name, value] = part.split('=');
		const key = NAMES[name!];
		if (!key)
			throw new FaultSpecError(
				`Unknown fault "${name}" in --demo-faults (known: ${Object.keys(NAMES).join(', ')}).`,
			);
		if (key === 'html502') {
			faults.html502 = value === undefined || value === 'true';
			continue;
		}
		const number = Number(value);
		if (value === undefined || !Number.isFinite(number) || number < 0)
			throw new FaultSpecError(`--demo-faults ${name} needs a number, as in ${name}=10.`);
		if (key === 'errorRate' && number > 1)
			throw new FaultSpecError('--demo-faults error-rate is a share from 0 to 1.');
		(faults as Record<string, number>)[key] = number;
	}
	return faults;
}
