import {describe, expect, it} from 'vitest';
import {NuonApiError} from '../../source/api/errors.js';
import {failureLine, loadFailure} from '../../source/ui/shell/failure-text.js';

const unavailable = new NuonApiError({
	kind: 'http',
	status: 503,
	message: 'HTTP 503 Service Unavailable',
	path: '/v1/installs',
	traceId: 'tr-1',
});
const unauthorized = new NuonApiError({
	kind: 'http',
	status: 401,
	message: 'HTTP 401 Unauthorized',
	path: '/v1/installs',
});

describe('what a screen says about a failure', () => {
	it('says what is kept on screen and that it retries, with the trace id', () => {
		expect(failureLine(unavailable, 'last good data')).toBe(
			'⚠ HTTP 503 Service Unavailable (trace tr-1) · last good data kept, retrying',
		);
		expect(failureLine(unavailable)).toBe('⚠ HTTP 503 Service Unavailable (trace tr-1) · retrying');
		expect(loadFailure('installs', unavailable)).toBe(
			'Could not load installs: HTTP 503 Service Unavailable (trace tr-1). Retrying…',
		);
	});

	it('does not promise a retry that will not come (a bad token)', () => {
		expect(failureLine(unauthorized, 'lines')).toBe(
			'⚠ HTTP 401 Unauthorized — run `nuon auth login`, then restart · lines kept',
		);
		expect(loadFailure('the logs', unauthorized)).toBe(
			'Could not load the logs: HTTP 401 Unauthorized — run `nuon auth login`, then restart.',
		);
	});
});
