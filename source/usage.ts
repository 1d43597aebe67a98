// The help text: all of it (`--help`), or one command's part (`help watch`).

const SUMMARY = `nuon-tui: a keyboard-driven terminal explorer for the Nuon platform

Usage
  nuon-tui [options]                 explore installs → components → latest deploy
  nuon-tui --demo                    explore the embedded demo API (no account needed)
  nuon-tui watch [options]           follow a rollout on the board, in watch mode
  nuon-tui watch --until-done        wait for the rollout to finish: exit 0 ok, 1 failed, 3 timeout,
                                     4 waits for approval (with --fail-on-approval), 5 nothing to
                                     watch, 6 access denied (a bad token or org)
  nuon-tui approvals [--app NAME]    list the plans waiting for an approval, one a line (--output
                                     json: JSON lines): exit 0 when none waits, 4 when some do
  nuon-tui demo-server [--port N]    run the demo API alone, for tests and other clients
  nuon-tui completion bash|zsh|fish  print a shell completion script (see nuon-tui help completion)
  nuon-tui help [COMMAND]            this help, or one command's; nuon-tui version: the version
`;

const OPTIONS = `Options
  --demo                 use the embedded demo API
  --api-url URL          API base URL            (env NUON_API_URL, ~/.nuon api_url)
  --api-token TOKEN      API token; better in env NUON_API_TOKEN or ~/.nuon api_token, where
                         \`nuon\` keeps it (a flag stays in shell history, and shows in ps until
                         nuon-tui has started and hidden it)
  --org ID               org id                  (env NUON_ORG_ID, ~/.nuon org_id)
  --app ID|NAME          only this app's installs (NUON_APP_ID and ~/.nuon app_id: default only)
  --labels K:V[,K:V]     only installs with these labels (2026 servers: tier:prod,region:eu)
  --install ID|NAME      open this install       (NUON_INSTALL_ID and ~/.nuon install_id preselect it)
  --component NAME|ID    open this component's latest deploy (with --install)
  --config FILE          settings file           (env NUON_CONFIG_FILE; default ~/.nuon)
  --refresh SECONDS      refresh interval, at least 1 (default 5)
  --demo-speed FACTOR    with --demo: how fast the demo's clock runs (default 1)
  --demo-api 2026|2025-12|2025-08  with --demo: which Nuon server to play (default 2026, also today)
  --demo-waiting-approvals N  with --demo: N plans waiting for a person at once (see below)
  --demo-faults SPEC     with --demo: inject API faults, as in latency=2000,error-rate=0.2,
                         html-502,429-every=10,reset-every=15,hang-every=20,bad-json-every=25,
                         expire-token-after=60
  --debug FILE           write a log of every API request to FILE (the token is never written)
  --theme NAME           dark (default), light or no-color (env NUON_TUI_THEME; NO_COLOR wins)
  --ascii                draw with ASCII only (automatic when the locale is not UTF-8)
  --read-only            offer no action that changes anything in Nuon (approve, deny, retry,
                         skip, cancel) (env NUON_TUI_READ_ONLY=1, preference read_only)
  -h, --help             show this help
  -v, --version          show the version

Preferences (theme, ascii, refresh, watch.fast, watch.slow, notify, read_only) can also live in
$XDG_CONFIG_HOME/nuon-tui/config.yaml (default ~/.config/nuon-tui/config.yaml); flags win.
`;

const WATCH = `watch options
  --until-done           exit when no watched deploy is in progress: 0 if all ended active or
                         noop, 1 if any failed; without a terminal, print one line per transition
  --timeout DURATION     with --until-done: give up after 30m, 90s, 1h... (exit code 3)
  --output text|json     lines without a terminal: plain text (default) or JSON lines
  --fail-on-approval     with --until-done: stop as soon as a deploy waits for an approval of its
                         plan (exit code 4) instead of waiting for someone to answer it
  --notify               bell and desktop notification when a watched deploy finishes, fails or
                         starts waiting for an approval
`;

const DEMO_SERVER = `demo-server options
  --port N               port on 127.0.0.1 (default: a free one, printed on start)
  --installs N           number of installs in the demo org (default 36)
  --speed FACTOR         scenario clock speed (default 1)
  --demo-faults SPEC     inject API faults (see above)
  --demo-api 2026|2025-12|2025-08  which server to play (default 2026, also today)
  --at SECONDS           start the scenario clock there (the rollout runs from about -20 to 110;
                         --at 600 gives a settled org)
  --waiting-approvals N  N plans wait for a person at once, one per install, from about 80 s on
                         (nobody answers them; the org grows to have enough installs)
`;

const COMPLETION = `completion
  nuon-tui completion bash           add \`source <(nuon-tui completion bash)\` to ~/.bashrc
  nuon-tui completion zsh            add \`source <(nuon-tui completion zsh)\` to ~/.zshrc
  nuon-tui completion fish           save its output as ~/.config/fish/completions/nuon-tui.fish
  Subcommands, flags and their values complete; so do --install and --app names, read from the API
  with the settings the line has so far (--demo, --org, --api-url, --config, or ~/.nuon).
`;

export const USAGE = `${SUMMARY}
${OPTIONS}
${WATCH}
${DEMO_SERVER}
${COMPLETION}
Keys: press ? in the explorer.`;

/** The commands `help` knows, each with its part of the help. */
export const HELP_TOPICS: Record<string, string> = {
	watch: `${SUMMARY}
${WATCH}
The explorer's options apply too (nuon-tui --help).`,
	approvals: `${SUMMARY}
approvals takes --app, --output text|json and the connection options (nuon-tui --help).`,
	'demo-server': `${SUMMARY}
${DEMO_SERVER}`,
	completion: `${SUMMARY}
${COMPLETION}`,
};
