import {render} from 'ink-testing-library';
import {vi} from 'vitest';
import {NuonClient} from '../../source/api/client.js';
import type {DemoServer} from '../../source/demo/server.js';
import {DataProvider} from '../../source/state/resource.js';
import {App} from '../../source/ui/shell/app.js';
import type {AppProps} from '../../source/ui/shell/app-props.js';
import {darkTheme} from '../../source/ui/widgets/theme.js';

export const ESC = '\u001B';
export const ENTER = '\r';
export const DOWN = '\u001B[B';

export function renderExplorer(demo: DemoServer, options: Partial<AppProps> & {timeoutMs?: number} = {}) {
	const client = new NuonClient({
		baseUrl: demo.url,
		token: 'test-token',
		orgId: demo.scenario.orgId,
		backoffMs: 10,
		retries: 0,
		timeoutMs: options.timeoutMs ?? 2000,
	});
	return renderApp(client, options);
}

/** The explorer over any client (a fixture API, a fuzzer's), drawn at 100×30 unless `options` say. */
export function renderApp(client: NuonClient, options: Partial<AppProps> = {}) {
	const instance = render(
		<DataProvider client={client} refreshMs={options.refreshMs ?? 60_000}>
			<App
				theme={darkTheme}
				orgLabel="demo-org"
				apiLabel="demo"
				isDemo
				size={{columns: 100, rows: 30}}
				refreshMs={options.refreshMs ?? 60_000}
				keyGuardMs={0}
				{...options}
			/>
		</DataProvider>,
	);
	const frame = () => instance.lastFrame() ?? '';
	return {
		...instance,
		frame,
		/** Waits until the screen shows `text` (a string or pattern). */
		async waitFor(text: string | RegExp | ((frame: string) => boolean), timeout = 5000): Promise<string> {
			await vi.waitFor(
				() => {
					const current = frame();
					const found =
						typeof text === 'string'
							? current.includes(text)
							: typeof text === 'function'
								? text(current)
								: text.test(current);
					if (!found) throw new Error(`screen lacks ${text}:\n${current}`);
				},
				{timeout, interval: 20},
			);
			return frame();
		},
		/**
		 * Types keys one at a time, each once the previous one has drawn its frame (a key that changes
		 * nothing on screen draws none: then after a short while).
		 */
		async press(...keys: string[]): Promise<void> {
			for (const key of keys) {
				const drawn = instance.frames.length;
				instance.stdin.write(key);
				await vi
					.waitFor(
						() => {
							if (instance.frames.length === drawn) throw new Error('no frame yet');
						},
						{timeout: key === ESC ? 100 : 60, interval: 2},
					)
					.catch(() => {});
			}
		},
		async cleanup() {
			instance.unmount();
			await client.close();
		},
	};
}
