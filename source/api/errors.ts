import {sanitize} from '../domain/sanitize.js';

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'bad-response';

/** The one error the client throws: what the screen shows and what support asks for. */
export class NuonApiError extends Error {
	override name = 'NuonApiError';
	readonly kind: ApiErrorKind;
	readonly status?: number;
	/** The API's `error` field. */
	readonly apiError?: string;
	/** The API's `description` field. */
	readonly description?: string;
	readonly traceId?: string;
	/** From a 429's Retry-After header. */
	readonly retryAfterMs?: number;
	/** The server's X-Nuon-API-Version, when it sent one. */
	readonly apiVersion?: string;
	readonly path: string;

	constructor(init: {
		kind: ApiErrorKind;
		message: string;
		path: string;
		status?: number;
		apiError?: string;
		description?: string;
		traceId?: string;
		retryAfterMs?: number;
		apiVersion?: string;
		cause?: unknown;
	}) {
		super(init.message, {cause: init.cause});
		this.kind = init.kind;
		this.path = init.path;
		this.status = init.status;
		this.apiError = init.apiError;
		this.description = init.description;
		this.traceId = init.traceId;
		this.retryAfterMs = init.retryAfterMs;
		this.apiVersion = init.apiVersion;
	}

	get isNotFound(): boolean {
		return this.status === 404;
	}

	/** A 404 without the API's JSON error: the server's router knows no such route (gin's "404 page not
	 * found"). */
	get isUnknownRoute(): boolean {
		return this.status === 404 && this.apiError === undefined && this.description === undefined;
	}

	get isUnauthorized(): boolean {
		return this.status === 401;
	}
}

const STATUS_TEXT: Record<number, string> = {
	400: 'bad request',
	401: 'token invalid or expired',
	403: 'forbidden',
	404: 'not found',
	409: 'not ready yet',
	429: 'rate limited',
	500: 'server error',
	502: 'bad gateway',
	503: 'service unavailable',
	504: 'gateway timeout',
};

/** A short, single-line summary for the status line. */
export function shortMessage(status: number, detail: string | undefined): string {
	const text = STATUS_TEXT[status] ?? 'error';
	const extra = detail ? `: ${sanitize(detail).replace(/\s+/g, ' ').slice(0, 120)}` : '';
	return `HTTP ${status} ${text}${extra}`;
}

/**
 * The feature a 400 says the org lacks, if that is what it says: since 2026 a route behind a feature
 * flag answers `{"error": "feature not enabled: X", "description": "This operation requires the 'X'
 * feature to be enabled for your organization"}` (ctl-api features/errors.go, ErrFeatureNotEnabled).
 */
export function missingFeature(error: unknown): string | undefined {
	if (!(error instanceof NuonApiError) || error.status !== 400) return undefined;
	const feature =
		/requires the '([^']+)' feature/.exec(error.description ?? '')?.[1] ??
		/^feature not enabled: (.+)$/.exec(error.apiError ?? '')?.[1];
	return feature === undefined ? undefined : sanitize(feature).replace(/\s+/g, ' ');
}

/** The status line's words for any error, with the trace id when the API gave one. */
export function describeError(error: unknown): string {
	const feature = missingFeature(error);
	if (feature !== undefined) return `not enabled for this org (the '${feature}' feature)`;
	if (error instanceof NuonApiError) {
		const trace = error.traceId ? ` (trace ${error.traceId})` : '';
		const hint = error.isUnauthorized
			? ' — run `nuon auth login`, then restart'
			: error.status === 403
				? ' — this token may not read this org: check the org id (--org, NUON_ORG_ID, org_id)'
				: '';
		return `${error.message}${hint}${trace}`;
	}
	return sanitize(error instanceof Error ? error.message : String(error));
}

/** Whether retrying can help: not for a bad token, a missing permission or a feature the org lacks. */
export function isRetryable(error: unknown): boolean {
	return (
		!(error instanceof NuonApiError && (error.isUnauthorized || error.status === 403)) &&
		missingFeature(error) === undefined
	);
}
