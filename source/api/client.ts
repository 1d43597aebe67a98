// The HTTP client: auth headers, timeouts on every request, retries with backoff and jitter for
// GETs, and one error type. It knows nothing of screens; resources.ts gives it typed endpoints.
import type {Dispatcher} from 'undici';
import {Agent, request} from './undici.js';
import {sanitize, sanitizeDeep} from '../domain/sanitize.js';
import {NuonApiError} from './errors.js';
import {retryDelay} from '../domain/backoff.js';
import type {ClientOptions, GetOptions, Response, WriteInFlight} from './client-options.js';
import {bodyText, contentKind, flattenHeaders, httpError, networkError, parseJson, sleep} from './http.js';

/** How long an answer asked for by warmUp() waits for its taker. */
const WARM_FOR_MS = 10_000;
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export class NuonClient {
	readonly baseUrl: string;
	#orgId: string;
	readonly #token: string;
	readonly #options: Required<Omit<ClientOptions, 'dispatcher' | 'onAttempt' | 'token' | 'readOnly'>>;
	readonly #readOnly: boolean;
	readonly #dispatcher: Dispatcher;
	readonly #onAttempt?: ClientOptions['onAttempt'];
	/** After a 429, every request waits (or fails) until its Retry-After has passed. */
	#blockedUntil = 0;
	/** After a 401 the token is known to be bad: no more requests with it. */
	#unauthorized?: NuonApiError;
	readonly #inFlight = new Map<string, Promise<Response<unknown>>>();
	readonly #warmed = new Map<string, {answer: Promise<Response<unknown>>; at: number}>();
	#warming = false;
	/** Aborted at close(): every request in flight is abandoned, and none starts after. */
	readonly #closing = new AbortController();
	readonly #writesInFlight = new Set<WriteInFlight>();
	#abandonedWrites: readonly WriteInFlight[] = [];

	constructor(options: ClientOptions) {
		this.baseUrl = options.baseUrl.replace(/\/+$/, '');
		this.#orgId = options.orgId;
		this.#token = options.token;
		this.#options = {
			baseUrl: this.baseUrl,
			orgId: options.orgId,
			timeoutMs: options.timeoutMs ?? 10_000,
			retries: options.retries ?? 3,
			backoffMs: options.backoffMs ?? 300,
			maxRetryAfterMs: options.maxRetryAfterMs ?? 5000,
		};
		const timeout = this.#options.timeoutMs;
		this.#dispatcher =
			options.dispatcher ??
			new Agent({
				connect: {timeout},
				headersTimeout: timeout,
				bodyTimeout: timeout,
				keepAliveTimeout: 30_000,
			});
		this.#onAttempt = options.onAttempt;
		this.#readOnly = options.readOnly ?? false;
	}

	/**
	 * GET a JSON document. Retries network errors, 429, 502, 503 and 504 with backoff and jitter.
	 * Callers asking for the same document while it is on its way share the one request (the
	 * start-up warm-up and the first screen, a prefetch and the level it prefetched for).
	 */
	get<T>(path: string, options: GetOptions = {}): Promise<Response<T>> {
		if (options.signal) return this.#getWithRetries<T>(path, options);
		const key = JSON.stringify([
			this.#orgId,
			path,
			options.query ?? {},
			options.headers ?? {},
			!!options.raw,
			options.as ?? 'json',
		]);
		const warmed = this.#warmed.get(key);
		this.#warmed.delete(key);
		if (warmed && Date.now() - warmed.at < WARM_FOR_MS) return warmed.answer as Promise<Response<T>>;
		const pending =
			this.#inFlight.get(key) ??
			this.#getWithRetries<T>(path, options).finally(() => this.#inFlight.delete(key));
		this.#inFlight.set(key, pending);
		if (this.#warming) {
			pending.catch(() => {}); // its first taker meets the error
			this.#warmed.set(key, {answer: pending, at: Date.now()});
		}
		return pending as Promise<Response<T>>;
	}

	/**
	 * Runs `ask`, whose requests start now and whose answers are kept for the first get() of each
	 * (within a few seconds): the CLI asks for the first screen's data before it loads the UI, so
	 * the request travels while Ink and React are evaluated.
	 */
	warmUp(ask: () => unknown): void {
		this.#warming = true;
		try {
			ask();
		} finally {
			this.#warming = false;
		}
	}

	async #getWithRetries<T>(path: string, {signal: own, ...rest}: GetOptions): Promise<Response<T>> {
		const signal = own ? AbortSignal.any([own, this.#closing.signal]) : this.#closing.signal;
		const options = {...rest, signal};
		for (let attempt = 0; ; attempt++) {
			if (signal.aborted) throw this.#cancelled(path);
			if (this.#unauthorized) throw this.#unauthorized;
			const blocked = this.#blockedUntil - Date.now();
			if (blocked > 0) {
				if (blocked > this.#options.maxRetryAfterMs) {
					throw new NuonApiError({
						kind: 'http',
						status: 429,
						message: `HTTP 429 rate limited: waiting ${Math.ceil(blocked / 1000)}s before asking again`,
						path,
						retryAfterMs: blocked,
					});
				}
				await sleep(blocked, options.signal);
			}
			try {
				return await this.#once<T>(path, options);
			} catch (error) {
				const failure = error as NuonApiError;
				if (failure.isUnauthorized) this.#unauthorized = failure;
				if (failure.status === 429)
					this.#blockedUntil = Date.now() + (failure.retryAfterMs ?? this.#options.backoffMs);
				const delay = this.#retryDelay(failure, attempt);
				if (delay === undefined || signal.aborted) throw error;
				await sleep(delay, signal);
			}
		}
	}

	/**
	 * POST a JSON body: one attempt, never retried here nor shared with another call (a write sent
	 * twice could act twice). A network error or a timeout leaves its outcome unknown to the caller.
	 * Any 2xx is success whatever its body: `data` is undefined when the body is not JSON (today's
	 * cancel of a pending workflow answers `truetrue`, installs/service/cancel_workflow.go).
	 */
	post<T>(path: string, body: unknown): Promise<Response<T | undefined>> {
		return this.#write<T>('POST', path, body);
	}

	/** PATCH a JSON body, as post() does (approve all: `PATCH /v1/workflows/{id}`). */
	patch<T>(path: string, body: unknown): Promise<Response<T | undefined>> {
		return this.#write<T>('PATCH', path, body);
	}

	async #write<T>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<Response<T | undefined>> {
		if (this.#readOnly)
			throw new NuonApiError({
				kind: 'http',
				status: 403,
				message: 'read-only: nuon-tui was started with --read-only, nothing was sent',
				path,
			});
		if (this.#unauthorized) throw this.#unauthorized;
		if (this.#closing.signal.aborted) throw this.#cancelled(path);
		const write = {method, path, body};
		this.#writesInFlight.add(write);
		try {
			return await this.#once<T>(path, {
				method,
				body: JSON.stringify(body ?? {}),
				signal: this.#closing.signal,
			});
		} finally {
			this.#writesInFlight.delete(write);
		}
	}

	#cancelled(path: string): NuonApiError {
		return new NuonApiError({kind: 'network', message: 'Request cancelled: nuon-tui is quitting', path});
	}

	get orgId(): string {
		return this.#orgId;
	}

	/**
	 * Sets how many times a failed GET is retried here. Once a poller takes over (SWR for the
	 * screens, the Poller of `watch --until-done`) it is the one that decides when to ask again, with
	 * Retry-After and backoff: the client retrying under it would multiply requests.
	 */
	setRetries(retries: number): void {
		this.#options.retries = retries;
	}

	/** Switches every later request to another org (the `:org` command). */
	switchOrg(orgId: string): void {
		this.#orgId = orgId;
	}

	/**
	 * Abandons every request in flight (a quit waits for none of them) and refuses any later one.
	 * The writes that were on their way are kept in abandonedWrites: their outcome is unknown.
	 */
	async close(): Promise<void> {
		if (!this.#closing.signal.aborted) {
			this.#abandonedWrites = [...this.#writesInFlight];
			this.#closing.abort();
		}
		await this.#dispatcher.destroy();
	}

	/** The writes close() abandoned on their way: each may or may not have been taken. */
	get abandonedWrites(): readonly WriteInFlight[] {
		return this.#abandonedWrites;
	}

	#retryDelay(error: NuonApiError, attempt: number): number | undefined {
		if (attempt >= this.#options.retries) return undefined;
		const retryable =
			error.kind === 'network' ||
			error.kind === 'timeout' ||
			(error.status !== undefined && RETRY_STATUSES.has(error.status));
		if (!retryable) return undefined;
		const delay = retryDelay(error, attempt + 1, this.#options.backoffMs);
		if (error.retryAfterMs === undefined) return delay;
		// The wait itself happens at the top of get(), shared by every request.
		return delay <= this.#options.maxRetryAfterMs ? 0 : undefined;
	}

	async #once<T>(
		path: string,
		{
			query,
			headers,
			signal,
			raw,
			as = 'json',
			method = 'GET',
			body,
		}: GetOptions & {method?: 'GET' | 'POST' | 'PATCH'; body?: string},
	): Promise<Response<T>> {
		const url = new URL(this.baseUrl + path);
		for (const [key, value] of Object.entries(query ?? {})) {
			if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
		}
		const started = performance.now();
		const report = (event: {status?: number; error?: string}) =>
			this.#onAttempt?.({
				method,
				path: url.pathname + url.search,
				ms: Math.round(performance.now() - started),
				...event,
			});
		let response: Dispatcher.ResponseData;
		try {
			response = await request(this.#dispatcher, url, {
				method,
				signal,
				body,
				headers: {
					...(body === undefined ? {} : {'content-type': 'application/json'}),
					accept: as === 'text' ? 'text/plain, application/json' : 'application/json',
					authorization: `Bearer ${this.#token}`,
					'x-nuon-org-id': this.orgId,
					'user-agent': 'nuon-tui',
					...headers,
				},
			});
		} catch (error) {
			const failure = networkError(error, path, this.#options.timeoutMs);
			report({error: failure.message});
			throw failure;
		}
		const responseHeaders = flattenHeaders(response.headers);
		let text: string;
		try {
			text = await bodyText(response.body, responseHeaders['content-encoding']);
		} catch (error) {
			const failure = networkError(error, path, this.#options.timeoutMs);
			report({status: response.statusCode, error: failure.message});
			throw failure;
		}
		report({status: response.statusCode});
		const traceId = responseHeaders['x-nuon-trace-id'];
		if (as === 'text' && response.statusCode < 400)
			return {data: (raw ? text : sanitize(text)) as T, headers: responseHeaders};
		const parsed = parseJson(text);
		if (response.statusCode >= 400) throw httpError(response.statusCode, parsed, responseHeaders, path);
		if (!parsed.ok) {
			if (method !== 'GET') return {data: undefined as T, headers: responseHeaders};
			throw new NuonApiError({
				kind: 'bad-response',
				status: response.statusCode,
				message: `Unreadable response from the API (${contentKind(responseHeaders)})`,
				path,
				traceId,
			});
		}
		return {data: (raw ? parsed.value : sanitizeDeep(parsed.value)) as T, headers: responseHeaders};
	}
}
