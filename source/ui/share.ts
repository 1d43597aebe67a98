// y, Y and o: copy an id or a dashboard link through the terminal (OSC 52, so it works over SSH),
// or open the link with the platform's opener when there is a local display.
import {spawn} from 'node:child_process';
import {copySequence, dashboardLink, hyperlink, type LinkTarget} from '../domain/links.js';

export interface ShareEnvironment {
	env: NodeJS.ProcessEnv;
	platform: NodeJS.Platform;
	/** Writes raw bytes to the terminal (outside Ink's frame: these sequences print nothing). */
	writeTerminal: (sequence: string) => void;
	/** Starts the platform opener; resolves to whether it started. */
	openUrl?: (url: string) => boolean;
}

/** A display on this machine: not over SSH, and a desktop to open a browser on. */
export function hasLocalDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
	if (env['SSH_CONNECTION'] || env['SSH_TTY']) return false;
	return platform === 'darwin' || platform === 'win32' || !!(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

export function platformOpener(platform: NodeJS.Platform): (url: string) => boolean {
	const command = platform === 'darwin' ? ['open'] : platform === 'win32' ? ['cmd', '/c', 'start', ''] : ['xdg-open'];
	return url => {
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
		environment.writeTerminal(copySequence(what.id, environment.env));
		return `copied ${what.label} id ${what.id}`;
	}
	if (!context.dashboardUrl) return 'the dashboard address has not arrived from the API yet: try again in a moment';
	const url = dashboardLink(context.dashboardUrl, context.orgId, what.target);
	if (action === 'copyLink') {
		environment.writeTerminal(copySequence(url, environment.env));
		return `copied link ${url}`;
	}
	if (hasLocalDisplay(environment.env, environment.platform) && (environment.openUrl ?? platformOpener(environment.platform))(url)) {
		return `opened ${url}`;
	}
	return `open ${hyperlink(url)}`;
}
