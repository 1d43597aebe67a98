// Secrets in what nuon-tui shows and writes: only a value long enough to be a token is hidden, so a
// short one does not garble every message it happens to appear in.
import {describe, expect, it} from 'vitest';
import {MIN_SECRET_LENGTH, redactSecrets} from '../../source/redact.js';

/** The shape of a token Nuon makes: `tok` and 23 characters of [0-9a-z] (pkg/shortid). */
const NUON_TOKEN = 'tok0a1b2c3d4e5f6g7h8i9j0k1';

describe('redactSecrets', () => {
	it('hides a token the length Nuon makes, wherever it appears', () => {
		expect(NUON_TOKEN).toHaveLength(26);
		expect(redactSecrets(`Bearer ${NUON_TOKEN} refused; echo: ${NUON_TOKEN}`, [NUON_TOKEN])).toBe(
			'Bearer <redacted> refused; echo: <redacted>',
		);
	});

	it('hides a token cut short by a bad paste, down to the shortest it keeps hidden', () => {
		const cut = NUON_TOKEN.slice(0, MIN_SECRET_LENGTH);
		expect(redactSecrets(`token ${cut} rejected`, [cut])).toBe('token <redacted> rejected');
	});

	it('leaves a message whole when the token is too short to be one', () => {
		for (const token of ['x', 'o', 'abc', 'demo', NUON_TOKEN.slice(0, MIN_SECRET_LENGTH - 1)])
			expect(redactSecrets(`proxy says 500 for ${NUON_TOKEN.slice(0, 3)}`, [token])).toBe(
				`proxy says 500 for ${NUON_TOKEN.slice(0, 3)}`,
			);
		expect(redactSecrets('proxy says 500', ['x'])).toBe('proxy says 500');
	});

	it('hides a URL’s user info too, with or without a token', () => {
		expect(redactSecrets('GET https://ops:hunter2@api.example/v1 failed', [])).toBe(
			'GET https://<redacted>@api.example/v1 failed',
		);
	});
});
