// Secrets beside the token: the password (or any user info) in an API URL, and the token given on
// the command line. Each is kept out of what is shown, logged, reported or listed by `ps`.

/** `text` with the user info of every URL in it (`http://user:pass@host`) replaced. */
export function redactUrlCredentials(text: string): string {
	return text.replace(/\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@]+@/gi, '$1<redacted>@');
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
