// The demo's options as the command line gives them, parsed without loading the demo: which
// server it plays and the faults it injects. args.ts reads the flags with these; the demo
// (demo/api-mode.ts, demo/faults.ts) takes what they return. Only --demo loads the demo itself.

// Which Nuon server the demo plays, oldest first (README's Supported servers):
// `2025-08`: the server of the contract, API 0.19.619 (lists page only with
//   `x-nuon-pagination-enabled`, logs ignore `order`, none of the later routes).
// `2025-12`: the server's source at 2025-12-26 (the components summary removed, the plan sent as
//   raw text, the new routes beside the deprecated ones, `order` on logs).
// `2026`: API 0.19.1125 (SDK nuonco/nuon-python, 2026-08-14): the skip route and a retry that reads
//   no body (0.19.894), cancel answering `{}`, steps paged, and what the later changes added.
export type DemoApi = '2025-08' | '2025-12' | '2026';

export const DEMO_APIS: readonly DemoApi[] = ['2025-08', '2025-12', '2026'];

/** The newest, which the demo plays unless told otherwise; `today` names it too. */
export const NEWEST_DEMO_API: DemoApi = '2026';

/** A name --demo-api takes, as the server it names (`today` is the newest). */
export const demoApiNamed = (value: string): DemoApi | undefined =>
	value === 'today'
		? NEWEST_DEMO_API
		: (DEMO_APIS as readonly string[]).includes(value)
			? (value as DemoApi)
			: undefined;

/** Whether the server `api` is `generation` or newer. */
export const since = (api: DemoApi, generation: DemoApi): boolean =>
	DEMO_APIS.indexOf(api) >= DEMO_APIS.indexOf(generation);

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
