// --debug FILE: one line per API request. The token never reaches it: the client reports only
// method, path, status and timing, and the header line says the token is redacted; the API URL
// is written without its user info.
import {appendFileSync, writeFileSync} from 'node:fs';
import type {ClientOptions} from './api/client-options.js';
import {VERSION} from './version.js';
import {redactUrlCredentials} from './redact.js';

export function debugLog(
	path: string,
	{apiUrl, orgId}: {apiUrl: string; orgId: string},
): NonNullable<ClientOptions['onAttempt']> {
	writeFileSync(
		path,
		`# nuon-tui ${VERSION} request log, ${new Date().toISOString()}\n# api ` +
			`${redactUrlCredentials(apiUrl)}, org ${orgId}\n# request headers: authorization: Bearer ` +
			`<redacted>, x-nuon-org-id: ${orgId}\n`,
		{mode: 0o600},
	);
	return event => {
		const outcome =
			event.status === undefined
				? `failed: ${event.error}`
				: `${event.status}${event.error ? ` ${event.error}` : ''}`;
		appendFileSync(
			path,
			`${new Date().toISOString()} ${event.method} ${event.path} ${outcome} ${event.ms}ms\n`,
		);
	};
}
