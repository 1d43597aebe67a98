// The demo API as a process of its own, and the explorer in a pseudo-terminal pointed at it: what the
// bench's timed rows run (the API's work never shares the explorer's process).
import {spawn} from 'node:child_process';
import {BIN, startPty, type PtySession} from '../helpers/pty.js';

export async function startDemo(args: string[]): Promise<{url: string; stop: () => void}> {
	const child = spawn(process.execPath, [BIN, 'demo-server', ...args], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			const match = /listening on (\S+)/.exec(chunk.toString());
			if (match) resolve(match[1]!);
		});
		child.once('exit', code => reject(new Error(`demo-server exited with ${code}`)));
	});
	return {url, stop: () => child.kill()};
}

/** Settings that point the CLI at a demo API (and at no settings file). */
export const apiEnv = (url: string) => ({
	NUON_API_URL: url,
	NUON_API_TOKEN: 'bench-token',
	NUON_ORG_ID: 'bench-org',
	NUON_CONFIG_FILE: '/nonexistent',
});

export function explorer(url: string, args: string[] = []): PtySession {
	return startPty(args, {env: apiEnv(url)});
}
