// y, Y and o: copy an id or a dashboard link through the terminal (OSC 52, so it works over SSH;
// inside tmux through tmux itself), or open the link with the platform's opener when there is a
// local display.
import {execFileSync, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {delimiter, join} from 'node:path';
import {copySequence, dashboardLink, hyperlink, type LinkTarget} from '../../domain/links.js';

export interface ShareEnvironment {
	env: NodeJS.ProcessEnv;
	platform: NodeJS.Platform;
	/** Writes raw bytes to the terminal (outside Ink's frame: these sequences print nothing). */
	writeTerminal: (sequence: string) => void;
	/** Starts the platform opener; resolves to whether it started. */
	openUrl?: (url: string) => boolean;
	/** Runs a tmux command (inside tmux) and gives its output, or undefined when it failed. */
	runTmux?: (args: string[], input?: string) => string | undefined;
}

function runTmux(args: string[], input?: string): string | undefined {
	try {
		return execFileSync('tmux', args, {
			input,
			timeout: 1000,
			encoding: 'utf8',
			stdio: ['pipe', 'pipe', 'ignore'],
		});
	} catch {
		return undefined;
	}
}

/**
 * Copies `text` and says how far it got. Inside tmux, a raw OSC 52 reaches the terminal only with
 * `set-clipboard on`, and the passthrough wrapping only with `allow-passthrough on` (both off by
 * default in tmux 3.3): tmux's own `load-buffer -w` fills its paste buffer and, where tmux is
 * allowed to, the system clipboard. What is missing is said, with the setting that would fix it.
 */
function copy(text: string, environment: ShareEnvironment): string {
	if (environment.env.TMUX) {
		const tmux = environment.runTmux ?? runTmux;
		if (tmux(['load-buffer', '-w', '-'], text) !== undefined) {
			return tmux(['show-options', '-gv', 'set-clipboard'])?.trim() === 'off'
				? ' into tmux’s paste buffer (`set -g set-clipboard external` sends it to the clipboard too)'
				: '';
		}
		environment.writeTerminal(copySequence(text, environment.env));
		return tmux(['show-options', '-gv', 'allow-passthrough'])?.trim() === 'on'
			? ''
			: ' (in tmux it needs `set -g allow-passthrough on` or `set -g set-clipboard on` to arrive)';
	}
	environment.writeTerminal(copySequence(text, environment.env));
	return '';
}

/** A display on this machine: not over SSH, and a desktop to open a browser on. */
export function hasLocalDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
	if (env.SSH_CONNECTION || env.SSH_TTY) return false;
	return platform === 'darwin' || platform === 'win32' || !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Whether `command` is a file on the PATH (spawn only says it was not after the message was shown). */
export function onPath(command: string, env: NodeJS.ProcessEnv, exists = existsSync): boolean {
	return (env.PATH ?? '')
		.split(delimiter)
		.filter(Boolean)
		.some(directory => exists(join(directory, command)));
}

const openerOf = (platform: NodeJS.Platform) =>
	platform === 'darwin' ? ['open'] : platform === 'win32' ? ['cmd', '/c', 'start', ''] : ['xdg-open'];

export function platformOpener(platform: NodeJS.Platform): (url: string) => boolean {
	const command = openerOf(platform);
	return url => {
		if (platform !== 'win32' && !onPath(command[0]!, process.env)) return false;
		try {
			const child = spawn(command[0]!, [...command.slice(1), url], {stdio: 'ignore', detached: true});
			child.on('error', () => {});
			child.unref();
			return true;
		} catch {
			return false;
		}
	};
}

/** Does the action and returns the status line's message. */
export function share(
	action: 'copyId' | 'copyLink' | 'openLink',
	what: {id?: string; target: LinkTarget; label: string},
	context: {dashboardUrl?: string; orgId: string},
	environment: ShareEnvironment,
): string {
	if (action === 'copyId') {
		if (!what.id) return `${what.label} has no id to copy`;
		return `copied ${what.label} id ${what.id}${copy(what.id, environment)}`;
	}
	if (!Object.values(what.target).some(Boolean))
		return `${what.label} has no page of its own in the dashboard (y copies its id)`;
	if (!context.dashboardUrl)
		return 'the dashboard address has not arrived from the API yet: try again in a moment';
	const url = dashboardLink(context.dashboardUrl, context.orgId, what.target);
	if (action === 'copyLink') {
		return `copied link ${url}${copy(url, environment)}`;
	}
	if (!hasLocalDisplay(environment.env, environment.platform)) return `open ${hyperlink(url)}`;
	if ((environment.openUrl ?? platformOpener(environment.platform))(url)) return `opened ${url}`;
	return `no opener found (${openerOf(environment.platform)[0]}): open ${hyperlink(url)}`;
}
