import {render, type Instance} from 'ink';
import type {NuonClient} from '../../api/client.js';
import type {ExploreCommand} from '../../args.js';
import {NEWEST_DEMO_API} from '../../demo-options.js';
import {notification} from '../../domain/notify.js';
import {pollSettings, type Preferences} from '../../preferences.js';
import {DataProvider} from '../../state/resource.js';
import type {FirstAnswer} from '../../state/first-screen.js';
import type {Location} from '../../state/navigation.js';
import {App} from './app.js';
import {asciiWanted, spellKeys, toAscii} from '../widgets/ascii.js';
import {compactCursorMoves, terminalOutput} from '../terminal/terminal-output.js';
import {watchTerminal} from '../terminal/terminal-gone.js';
import {themeFor} from '../widgets/theme.js';

export interface ExplorerTarget {
	isDemo: boolean;
	readOnly: boolean;
	orgId: string;
	apiUrl: string;
	installId?: string;
	start: Location[];
	/** The first screen's answers that have arrived already (the first frame shows them). */
	firstScreen: readonly FirstAnswer[];
}

export async function runExplorer(
	command: ExploreCommand,
	preferences: Preferences,
	client: NuonClient,
	target: ExplorerTarget,
	onMount: (instance: Instance) => void,
): Promise<number> {
	const notify =
		(command.notify ?? preferences.notify)
			? (title: string, body: string) => process.stdout.write(notification(title, body))
			: undefined;
	const refreshMs = (command.refreshSeconds ?? preferences.refresh ?? 5) * 1000;
	const ascii = asciiWanted(command.ascii, preferences.ascii);
	spellKeys(ascii);
	const instance = render(
		<DataProvider client={client} refreshMs={refreshMs} firstScreen={target.firstScreen}>
			<App
				theme={themeFor(process.env, command.theme ?? preferences.theme)}
				orgLabel={target.isDemo ? 'demo-org' : target.orgId}
				orgId={target.orgId}
				apiLabel={
					target.isDemo
						? command.demoApi && command.demoApi !== NEWEST_DEMO_API
							? `playing the ${command.demoApi} server`
							: ''
						: new URL(target.apiUrl).host
				}
				isDemo={target.isDemo}
				start={target.start}
				initialSelection={target.installId}
				watch={command.watch}
				refreshMs={refreshMs}
				poll={pollSettings(preferences)}
				notify={notify}
				readOnly={target.readOnly}
				jobControl
			/>
		</DataProvider>,
		{
			alternateScreen: true,
			incrementalRendering: true,
			interactive: true,
			exitOnCtrlC: false,
			patchConsole: true,
			stdout: terminalOutput(
				process.stdout,
				ascii ? text => toAscii(compactCursorMoves(text)) : compactCursorMoves,
			),
		},
	);
	onMount(instance);
	// bin/code-cache.js keeps V8's code cache of a run that drew the explorer: it compiled what the next start
	// needs.
	const explorerMounted = (globalThis as Record<symbol, unknown>)[Symbol.for('nuon-tui.explorer-mounted')];
	if (typeof explorerMounted === 'function') explorerMounted();
	// For the crash tests: an error thrown outside React, as a bug would.
	if (process.env.NUON_TUI_CRASH_TEST)
		setTimeout(() => {
			throw new Error(
				`crash test (NUON_TUI_CRASH_TEST is set) with token ${target.isDemo ? 'demo' : '<hidden>'}`,
			);
		}, 1500);
	let exitCode: number | undefined;
	const stop = (code: number) => {
		if (exitCode !== undefined) return;
		exitCode = code;
		instance.unmount();
		void client.close(); // what a screen still had on its way is abandoned, and nothing more is sent
	};
	// The terminal gone (an SSH link dropped, the window closed): its input ends, reads and writes
	// fail with EIO or EPIPE, and SIGHUP comes too unless a parent ignores it, in any order. Each ends
	// the session as a hangup.
	const hangUp = () => {
		stop(128 + 1);
		setTimeout(() => process.exit(128 + 1), 1000).unref(); // in case unmounting waits on the dead terminal
	};
	const stopWatchingTerminal = watchTerminal({stdin: process.stdin, stdout: process.stdout, onGone: hangUp});
	process.once('SIGTERM', () => stop(128 + 15));
	process.once('SIGHUP', hangUp);
	process.once('SIGINT', () => stop(128 + 2));
	await instance.waitUntilExit();
	stopWatchingTerminal();
	return exitCode ?? 0;
}
