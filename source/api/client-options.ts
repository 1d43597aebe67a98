// What a NuonClient is given and answers: its options, a request's options, a response.
import type {Dispatcher} from 'undici';

export interface ClientOptions {
	baseUrl: string;
	token: string;
	orgId: string;
	/** Connect, headers and body timeout of each attempt. */
	timeoutMs?: number;
	/** Attempts after the first, for GETs that failed in a way worth retrying. */
	retries?: number;
	/** Base of the exponential backoff. */
	backoffMs?: number;
	/** A Retry-After longer than this is not waited out here: the error goes to the caller. */
	maxRetryAfterMs?: number;
	dispatcher?: Dispatcher;
	/** Refuses every write (--read-only), whatever asks for it. */
	readOnly?: boolean;
	/** Called after each attempt (for request counting and the debug log); never sees the token. */
	onAttempt?: (event: {method: string; path: string; status?: number; error?: string; ms: number}) => void;
}

/** A write on its way: what close() names when it abandons one. */
export interface WriteInFlight {
	method: 'POST' | 'PATCH';
	path: string;
	body: unknown;
}

export interface Response<T> {
	data: T;
	headers: Record<string, string | undefined>;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface GetOptions {
	query?: Query;
	headers?: Record<string, string>;
	signal?: AbortSignal;
	/**
	 * Every string of a response is sanitized on arrival. `raw` skips that for callers that keep
	 * some sequences (log bodies keep their colours) and sanitize themselves.
	 */
	raw?: boolean;
	/**
	 * `text`: the body as it came (sanitized unless `raw`), whatever its type: for endpoints that
	 * answer raw text where the contract says JSON (today's plan).
	 */
	as?: 'json' | 'text';
}
