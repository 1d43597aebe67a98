// When to poll next in watch mode: fast while anything watched is in progress, slow once all is
// settled, backing off on errors (with jitter, up to a minute). A Retry-After
// from the API wins.
import {MAX_BACKOFF_MS, retryDelay} from '../domain/backoff.js';

export interface PollSettings {
	fastMs: number;
	slowMs: number;
	maxBackoffMs: number;
}

export const DEFAULT_POLL: PollSettings = {fastMs: 2000, slowMs: 15_000, maxBackoffMs: MAX_BACKOFF_MS};

/** The fast interval's limits for the +/- keys. */
export const FAST_LIMITS = {minMs: 1000, maxMs: 30_000, stepMs: 1000};

export function nextPollDelay(
	{busy, failures, error}: {busy: boolean; failures: number; error?: unknown},
	settings: PollSettings,
	random: () => number = Math.random,
): number {
	if (failures > 0) return retryDelay(error, failures, settings.fastMs, settings.maxBackoffMs, random);
	return busy ? settings.fastMs : settings.slowMs;
}

/**
 * Runs `poll` again and again at the policy's pace: one request at a time, a schedule that adapts
 * to what the last poll saw. `poll` resolves to whether anything is still in progress.
 */
export class Poller {
	#timer?: NodeJS.Timeout;
	#running = false;
	#stopped = false;
	#failures = 0;
	readonly #poll: () => Promise<boolean>;
	readonly #settings: PollSettings;
	readonly #onError: (error: unknown) => void;

	constructor(
		poll: () => Promise<boolean>,
		settings: PollSettings = DEFAULT_POLL,
		onError: (error: unknown) => void = () => {},
	) {
		this.#poll = poll;
		this.#settings = settings;
		this.#onError = onError;
	}

	start(): void {
		void this.#tick();
	}

	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
	}

	async #tick(): Promise<void> {
		if (this.#running || this.#stopped) return;
		this.#running = true;
		let busy = true;
		let failure: unknown;
		try {
			busy = await this.#poll();
			this.#failures = 0;
		} catch (error) {
			this.#failures++;
			failure = error;
			// A poll abandoned by stop() (the watch is over) is no failure to report.
			if (!this.#stopped) this.#onError(error);
		} finally {
			this.#running = false;
		}
		if (this.#stopped) return;
		const delay = nextPollDelay({busy, failures: this.#failures, error: failure}, this.#settings);
		this.#timer = setTimeout(() => void this.#tick(), delay);
	}
}
