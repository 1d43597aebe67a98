// The `:` command line: what is typed, its history and completions, and running the commands.
import {useRef, useState, type Dispatch} from 'react';
import {describeError, NuonApiError} from '../../api/errors.js';
import {
	getInstall,
	listApps,
	listInstallComponents,
	listInstallsPage,
	listOrgs,
} from '../../api/resources.js';
import {useClient} from '../../state/resource.js';
import {useCommandSuggestions} from '../../state/command-suggestions.js';
import type {NavigationAction, NavigationState} from '../../state/navigation.js';
import {startNavigation} from '../levels/registry.js';
import type {Location} from '../../state/locations.js';
import {lineEdit, pasteEdit} from '../widgets/line-editor.js';
import {clip, LINE_LIMIT} from '../terminal/paste.js';
import {bestMatch, COMMAND_HELP, parseCommandLine, tab, type Completion} from './command-line.js';
import type {CommandId} from '../keys/commands.js';
import {keymap, type KeyPress} from '../keys/keymap.js';

/** The keys the `:` line gives a meaning; every other key edits the line. */
const COMMAND_LINE_KEYS = keymap(['complete', 'historyBack', 'historyForward']);

export interface CommandLineHost {
	navigation: NavigationState;
	dispatch: Dispatch<NavigationAction>;
	/** Runs a command of the screen on top (`:logs`): false when the screen has none such. */
	run: (command: CommandId) => boolean;
	exit: () => void;
	/** A message in the status line. */
	say: (text: string) => void;
	/** `:watch`: watch mode on (it says so, and says so when it already is). */
	watchOn: () => void;
	switchOrg: (org: {id: string; label: string}) => void;
}

export interface CommandLine {
	/** What is typed, while the command line is open. */
	text?: string;
	suggestions: string[];
	open: () => void;
	/** Handles a key while the command line is open. */
	edit: (press: KeyPress) => void;
	/** Adds pasted text, while the command line is open. */
	paste: (text: string) => void;
}

export function useCommandLine({
	navigation,
	dispatch,
	run,
	exit,
	say,
	watchOn,
	switchOrg,
}: CommandLineHost): CommandLine {
	const client = useClient();
	const [commandText, setCommandText] = useState<string>();
	const history = useRef<string[]>([]);
	const historyIndex = useRef(0);
	const completion = useRef<Completion | undefined>(undefined);
	const parsedWord = commandText?.split(' ')[0];
	const currentInstall = installOf(navigation);
	const suggestions = useCommandSuggestions(
		commandText?.includes(' ') ? parsedWord : undefined,
		commandText?.split(' ').slice(1).join(' ') ?? '',
		currentInstall?.installId,
	);
	const editCommandLine = ({input, key, name}: KeyPress) => {
		const command = COMMAND_LINE_KEYS.resolve(name);
		if (command === 'complete') {
			const next = tab(completion.current, commandText ?? '', suggestions);
			completion.current = next.completion;
			setCommandText(next.text);
			return;
		}
		if (command === 'historyBack' || command === 'historyForward') {
			const step = command === 'historyBack' ? -1 : 1;
			historyIndex.current = Math.max(0, Math.min(history.current.length, historyIndex.current + step));
			setCommandText(history.current[historyIndex.current] ?? '');
			return;
		}
		const edit = lineEdit(input, key);
		if (edit.type === 'cancel') setCommandText(undefined);
		else if (edit.type === 'edit') setCommandText(text => clip(edit.apply(text ?? ''), LINE_LIMIT));
		else if (edit.type === 'submit') {
			const text = commandText ?? '';
			setCommandText(undefined);
			if (text.trim()) history.current = [...history.current.filter(h => h !== text), text].slice(-50);
			void runCommand(text);
		}
	};
	const runCommand = async (text: string) => {
		const parsed = parseCommandLine(text);
		if (parsed.kind === 'empty') return;
		if (parsed.kind === 'unknown') return say(`unknown command :${parsed.name} (${COMMAND_HELP})`);
		const {name, argument} = parsed;
		try {
			switch (name) {
				case 'q':
					return exit();
				case 'watch':
					return watchOn();
				case 'board':
					return dispatch({type: 'open', location: {kind: 'board'}});
				case 'approvals':
					return dispatch({type: 'open', location: {kind: 'approvals'}});
				case 'logs':
					if (!run('logs')) say('no logs here: :logs works on a deploy, a job or an action run');
					return;
				case 'install': {
					if (!argument) return say('which install? :install NAME');
					// An exact name or id, else the best match of a server-side search.
					const install = await getInstall(client, argument).catch(async (error: unknown) => {
						if (!(error instanceof NuonApiError && error.isNotFound)) throw error;
						const found = (await listInstallsPage(client, 0, undefined, argument, 10)).items;
						const best = found.find(i => (i.name ?? '').startsWith(argument)) ?? found[0];
						if (!best) throw error;
						return best;
					});
					return dispatch({
						type: 'resetStack',
						stack: startNavigation([
							{kind: 'installs'},
							{kind: 'components', installId: install.id!, installName: install.name ?? install.id!},
						]).stack,
					});
				}
				case 'app': {
					const apps = await listApps(client);
					const app = bestMatch(apps, argument, a => [a.name, a.display_name, a.id]);
					if (!argument || !app)
						return say(`no app "${argument}" (apps: ${apps.map(a => a.name).join(', ')})`);
					return dispatch({
						type: 'reset',
						location: {kind: 'installs', appId: app.id, appName: app.display_name || app.name},
					});
				}
				case 'org': {
					const orgs = await listOrgs(client);
					const org = bestMatch(orgs, argument, o => [o.name, o.id]);
					if (!argument || !org?.id)
						return say(`no org "${argument}" (orgs: ${orgs.map(o => o.name ?? o.id).join(', ')})`);
					client.switchOrg(org.id);
					switchOrg({id: org.id, label: org.name ?? org.id});
					dispatch({type: 'reset', location: {kind: 'installs'}});
					return say(`switched to org ${org.name ?? org.id}`);
				}
				case 'component': {
					if (!currentInstall)
						return say(':component works inside an install: open one first (:install NAME)');
					const components = await listInstallComponents(client, currentInstall.installId);
					const match = bestMatch(components, argument, c => [c.component?.name, c.component_id]);
					if (!argument || !match?.component_id)
						return say(`no component "${argument}" in ${currentInstall.installName}`);
					// As --install and --component open it: the installs, the install's components, the deploy.
					const deploy: Location = {
						kind: 'deploy',
						...currentInstall,
						componentId: match.component_id,
						componentName: match.component?.name ?? match.component_id,
					};
					return dispatch({
						type: 'resetStack',
						stack: startNavigation([{kind: 'installs'}, {kind: 'components', ...currentInstall}, deploy])
							.stack,
					});
				}
			}
		} catch (error) {
			say(
				error instanceof NuonApiError && error.isNotFound ? `no ${name} "${argument}"` : describeError(error),
			);
		}
	};
	return {
		text: commandText,
		suggestions,
		open: () => {
			setCommandText('');
			historyIndex.current = history.current.length;
		},
		edit: editCommandLine,
		paste: text => setCommandText(line => pasteEdit(text)(line ?? '')),
	};
}

/** The install the user is in, if any: the nearest location on the stack that names one. */
function installOf(navigation: NavigationState): {installId: string; installName: string} | undefined {
	for (const {location} of [...navigation.stack].reverse()) {
		if ('installId' in location && 'installName' in location)
			return {installId: location.installId, installName: location.installName};
	}
	return undefined;
}
