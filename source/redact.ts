// Secrets beside the token: the password (or any user info) in an API URL, and the token given on
// the command line. Each is kept out of what is shown, logged, reported or listed by `ps`.

/** `text` with the user info of every URL in it (`http://user:pass@host`) replaced. */
export function redactUrlCredentials(text: string): string {
	return text.replace(/\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@]+@/gi, '$1<redacted>@');
}

/**
 * The shortest secret replaced in a message or a report. Nuon's tokens are 26 characters or more (`tok`
 * and 23 of [0-9a-z], pkg/shortid's NewNanoID; a login's is an Auth0 JWT, hundreds), so a shorter value
 * is none; one of 16 to 25 may be a token cut short by a bad paste, and is hidden. Below 16 a value
 * would garble messages (a token `x`: `pro<redacted>y says 500`) and could leave at most 15 of a real
 * token's characters, 11 still unknown.
 */
export const MIN_SECRET_LENGTH = 16;

/** `text` with every secret long enough to be a token, and every URL's user info, replaced. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	const hidden = secrets
		.filter(secret => secret.length >= MIN_SECRET_LENGTH)
		.reduce((out, secret) => out.split(secret).join('<redacted>'), text);
	return redactUrlCredentials(hidden);
}

/** The command line as it may be shown: the value of --api-token hidden, URLs without their user info. */
export function redactArguments(args: readonly string[]): string[] {
	return args.map((arg, index) =>
		args[index - 1] === '--api-token'
			? '<redacted>'
			: arg.startsWith('--api-token=')
				? '--api-token=<redacted>'
				: redactUrlCredentials(arg),
	);
}

/**
 * What `ps` shows of this process, without the token or URL credentials. Node rewrites the memory
 * the kernel reads /proc/PID/cmdline from (Linux; macOS too), within the length of the original
 * command line. Until this runs (Node's start-up) and in /proc/PID/environ nothing changes: the
 * environment or ~/.nuon stays the better place for the token.
 */
export function hideSecretsFromProcessList(argv: readonly string[] = process.argv): void {
	const shown = redactArguments(argv);
	if (shown.some((arg, index) => arg !== argv[index])) process.title = shown.join(' ');
}
