// Which servers have the skip route by what they say of themselves (X-Nuon-API-Version): a skip is
// never sent to a retry route of a server that reads no body there (API 0.19.894 and newer).
import {expect, it} from 'vitest';
import {hasSkipRoute} from '../../source/api/workflows.js';

it.each([
	['0.19.894', true],
	['v0.19.894', true],
	['0.19.1125', true],
	['0.20.0', true],
	['1.0.0', true],
	['0.19.893', false],
	['0.19.720', false],
	['0.18.999', false],
	['0.19.619', false],
	[undefined, false],
	['', false],
	['main', false],
	['a1b2c3d', false],
])('%s → %s', (version, has) => {
	expect(hasSkipRoute(version)).toBe(has);
});
