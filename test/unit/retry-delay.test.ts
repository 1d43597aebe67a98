import {describe, expect, it} from 'vitest';
import {retryDelay} from '../../source/domain/backoff.js';
import {NuonApiError} from '../../source/api/errors.js';

const highest = () => 1;
const lowest = () => 0;

describe('retryDelay', () => {
	it('waits what the server’s Retry-After says, however many failures came before', () => {
		const limited = new NuonApiError({
			kind: 'http',
			status: 429,
			message: 'limited',
			path: '/v1/installs',
			retryAfterMs: 7000,
		});
		expect(retryDelay(limited, 1, 2000)).toBe(7000);
		expect(retryDelay(limited, 9, 2000)).toBe(7000);
	});

	it('backs off from the base, doubling with each failure, in the upper half of the ceiling', () => {
		const failed = new Error('socket hang up');
		expect([1, 2, 3].map(failures => retryDelay(failed, failures, 2000, 60_000, highest))).toEqual([
			2000, 4000, 8000,
		]);
		expect(retryDelay(failed, 3, 2000, 60_000, lowest)).toBe(4000);
	});

	it('never waits more than a minute between two attempts', () => {
		expect(retryDelay(undefined, 20, 2000, undefined, highest)).toBe(60_000);
	});
});
