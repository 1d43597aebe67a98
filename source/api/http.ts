// What the client needs of HTTP that is not about the API: reading bodies and headers, naming a
// network failure, the error of an HTTP failure, waiting.
import type {Dispatcher} from 'undici';
import {NuonApiError, shortMessage} from './errors.js';

const TIMEOUT_CODES = new Set([
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ETIMEDOUT',
]);

export function parseJson(text: string): {ok: true; value: unknown} | {ok: false} {
	try {
		return {ok: true, value: JSON.parse(text)};
	} catch {
		return {ok: false};
	}
}

export function contentKind(headers: Record<string, string | undefined>): string {
	const type = headers['content-type'] ?? '';
	return type.includes('html')
		? 'an HTML page from a proxy'
		: `not JSON${type ? `: ${type.split(';')[0]}` : ''}`;
}

export function flattenHeaders(
	headers: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
	const flat: Record<string, string | undefined> = {};
	for (const [key, value] of Object.entries(headers))
		flat[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	return flat;
}

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export function networkError(error: unknown, path: string, timeoutMs: number): NuonApiError {
	const code = (error as {code?: string}).code ?? '';
	if ((error as Error).name === 'AbortError') {
		return new NuonApiError({kind: 'network', message: 'Request cancelled', path, cause: error});
	}
	if (TIMEOUT_CODES.has(code)) {
		return new NuonApiError({
			kind: 'timeout',
			message: `No answer from the API within ${timeoutMs / 1000}s`,
			path,
			cause: error,
		});
	}
	return new NuonApiError({
		kind: 'network',
		message: `Cannot reach the API (${code || (error as Error).message})`,
		path,
		cause: error,
	});
}

/** The error of an answer with an HTTP status of 400 or more: the API's error and description. */
export function httpError(
	status: number,
	parsed: ReturnType<typeof parseJson>,
	headers: Record<string, string | undefined>,
	path: string,
): NuonApiError {
	const body = (parsed.ok && parsed.value && typeof parsed.value === 'object' ? parsed.value : {}) as {
		error?: unknown;
		description?: unknown;
	};
	const apiError = typeof body.error === 'string' ? body.error : undefined;
	const description = typeof body.description === 'string' ? body.description : undefined;
	const detail = description || apiError || (parsed.ok ? undefined : contentKind(headers));
	return new NuonApiError({
		kind: 'http',
		status,
		message: shortMessage(status, detail),
		path,
		apiError,
		description,
		traceId: headers['x-nuon-trace-id'],
		retryAfterMs: parseRetryAfter(headers['retry-after']),
		apiVersion: headers['x-nuon-api-version'],
	});
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		const timer = setTimeout(resolve, ms);
		signal?.addEventListener(
			'abort',
			() => {
				clearTimeout(timer);
				resolve();
			},
			{once: true},
		);
	});
}

/** The body as text: undici's request() leaves a gzipped body (approval contents) as it came. */
export async function bodyText(
	body: Dispatcher.ResponseData['body'],
	encoding: string | undefined,
): Promise<string> {
	if (!/gzip/i.test(encoding ?? '')) return body.text();
	const zipped = Buffer.from(await body.arrayBuffer());
	return process.getBuiltinModule('node:zlib').gunzipSync(zipped).toString('utf8');
}
