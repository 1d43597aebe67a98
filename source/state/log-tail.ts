// Follows a log stream: opens at its end, polls for newer records while the stream is open (a
// paused view holds still, the lines keep arriving), stops once the stream is closed, pages backwards on
// request. One request at
// a time; errors keep the lines already loaded and retry with backoff.
import type {NuonClient} from '../api/client.js';
import {NuonApiError} from '../api/errors.js';
import {getLogStream, getLogsPage, type LogRecord} from '../api/resources.js';
import {text} from '../domain/fields.js';
import {appendNewer, emptyBuffer, prependOlder, timestampToNanos, type LogBuffer} from '../domain/logs.js';
import {retryDelay} from '../domain/backoff.js';

export type TailPhase = 'loading' | 'following' | 'closed';

export interface TailState {
	buffer: LogBuffer;
	phase: TailPhase;
	/** Whether older records exist before the first loaded line. */
	hasOlder: boolean;
	loadingOlder: boolean;
	error?: unknown;
	updatedAt?: number;
	requests: number;
	/**
	 * The server ignored `order=desc` (servers before 2025-11-19 always read forward): the stream
	 * is read from its start instead, and this is true until the view has caught up with its end.
	 */
	fillingFromStart: boolean;
}

export interface TailOptions {
	pollMs?: number;
	capacity?: number;
	/** Newer pages fetched at most per poll, so a burst cannot starve the screen. */
	maxPagesPerPoll?: number;
}

export class LogTail {
	readonly #client: NuonClient;
	readonly #streamId: string;
	readonly #pollMs: number;
	readonly #maxPages: number;
	#state: TailState;
	#newest?: string;
	#oldest?: string;
	#open = true;
	#timer?: NodeJS.Timeout;
	#busy = false;
	#stopped = false;
	/** Covered by another level: no polls until it is on screen again. */
	#covered = false;
	#failures = 0;
	#idlePolls = 0;
	/** Reading forward from the start (an older server), with more pages still to read. */
	#catchingUp = false;
	readonly #listeners = new Set<() => void>();

	constructor(
		client: NuonClient,
		streamId: string,
		{pollMs = 2000, capacity = 20_000, maxPagesPerPoll = 10}: TailOptions = {},
	) {
		this.#client = client;
		this.#streamId = streamId;
		this.#pollMs = pollMs;
		this.#maxPages = maxPagesPerPoll;
		this.#state = {
			buffer: emptyBuffer(capacity),
			phase: 'loading',
			hasOlder: false,
			loadingOlder: false,
			requests: 0,
			fillingFromStart: false,
		};
	}

	get state(): TailState {
		return this.#state;
	}

	subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	getSnapshot = (): TailState => this.#state;

	start(): void {
		void this.#run(() => this.#loadEnd());
	}

	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#timer);
	}

	/** While covered by another level it keeps its lines but stops polling; uncovered, it polls at once. */
	setCovered(covered: boolean): void {
		if (covered === this.#covered) return;
		this.#covered = covered;
		if (covered) clearTimeout(this.#timer);
		else if (this.#state.phase !== 'closed' || this.#catchingUp) this.refresh();
	}

	/** Poll now (the `r` key). */
	refresh(): void {
		clearTimeout(this.#timer);
		void this.#run(() => (this.#state.phase === 'loading' ? this.#loadEnd() : this.#poll()));
	}

	/** Pages backwards: the 100 records before the first loaded line. */
	loadOlder(): void {
		if (!this.#state.hasOlder || this.#state.loadingOlder || this.#busy) return;
		this.#set({loadingOlder: true});
		void this.#run(async () => {
			const cursor = this.#oldest;
			const page = await this.#page('desc', cursor);
			if (ignoredOrder(page.records, cursor)) {
				// Newer records came back: this server reads forward whatever the order. What is
				// loaded is all there is before them, so there is nothing older to ask for.
				this.#set({hasOlder: false, loadingOlder: false});
				return;
			}
			const buffer = prependOlder(this.#state.buffer, page.records);
			this.#oldest = page.next || undefined;
			const full = buffer.lines.length >= buffer.capacity;
			this.#set({buffer, hasOlder: !!page.next && !full, loadingOlder: false});
		});
	}

	async #loadEnd(): Promise<void> {
		const stream = await getLogStream(this.#client, this.#streamId);
		this.#count();
		this.#open = stream.open === true; // a missing `open` means closed
		const page = await this.#page('desc');
		const buffer = appendNewer(this.#state.buffer, page.records);
		this.#newest = buffer.lines.at(-1) ? String(buffer.lines.at(-1)!.ns) : undefined;
		const phase = this.#open ? 'following' : 'closed';
		if (ignoredOrder(page.records)) {
			// The first page of the stream, oldest first: read on from its end until caught up.
			this.#catchingUp = !!page.next;
			this.#set({buffer, hasOlder: false, phase, fillingFromStart: this.#catchingUp});
			return;
		}
		this.#oldest = page.next || undefined;
		this.#set({buffer, hasOlder: !!page.next, phase});
	}

	async #poll(): Promise<void> {
		let added = 0;
		for (let pages = 0; pages < this.#maxPages; pages++) {
			const page = await this.#page('asc', this.#newest);
			const before = this.#state.buffer;
			const buffer = appendNewer(before, page.records);
			added += buffer.lines.length - before.lines.length + (buffer.dropped - before.dropped);
			if (buffer.lines.at(-1)) this.#newest = String(buffer.lines.at(-1)!.ns);
			this.#set({buffer});
			if (!page.next) {
				if (this.#catchingUp) this.#set({fillingFromStart: false});
				this.#catchingUp = false;
				break; // caught up for now; only `open` says the stream ended
			}
		}
		if (this.#catchingUp) return; // more to read before asking whether the stream is open
		// New lines prove the stream is open; after quiet polls, ask whether it has closed.
		this.#idlePolls = added > 0 ? 0 : this.#idlePolls + 1;
		if (this.#idlePolls > 0) {
			const stream = await getLogStream(this.#client, this.#streamId);
			this.#count();
			if (stream.open !== true) {
				this.#open = false;
				// Records written just before the close.
				const last = await this.#page('asc', this.#newest);
				this.#set({buffer: appendNewer(this.#state.buffer, last.records), phase: 'closed'});
			}
		}
	}

	async #page(order: 'asc' | 'desc', cursor?: string) {
		const page = await getLogsPage(this.#client, this.#streamId, order, cursor);
		this.#count();
		return page;
	}

	async #run(work: () => Promise<void>): Promise<void> {
		if (this.#busy || this.#stopped) return;
		this.#busy = true;
		try {
			await work();
			this.#failures = 0;
			this.#set({error: undefined, updatedAt: Date.now()});
		} catch (error) {
			this.#failures++;
			this.#set({error, loadingOlder: false});
		} finally {
			this.#busy = false;
		}
		this.#afterRun();
	}

	#afterRun(): void {
		if (this.#stopped || this.#covered) return;
		const {phase, error} = this.#state;
		if (error) {
			if (phase === 'closed' && !this.#catchingUp) return;
			if (error instanceof NuonApiError && (error.isUnauthorized || error.status === 403 || error.isNotFound))
				return;
			this.#schedule(retryDelay(error, this.#failures, this.#pollMs));
			return;
		}
		if (this.#catchingUp) this.#schedule(0);
		else if (phase === 'following') this.#schedule(this.#pollMs);
	}

	#schedule(delay: number): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(
			() => void this.#run(() => (this.#state.phase === 'loading' ? this.#loadEnd() : this.#poll())),
			delay,
		);
		this.#timer.unref?.();
	}

	#count(): void {
		this.#state = {...this.#state, requests: this.#state.requests + 1};
	}

	#set(patch: Partial<TailState>): void {
		this.#state = {...this.#state, ...patch};
		for (const listener of this.#listeners) listener();
	}
}

/**
 * Whether a page asked for with `order=desc` came back in the order of an older server, which
 * ignores `order` and always reads forward: oldest first, or newer than the cursor.
 */
export function ignoredOrder(records: LogRecord[], cursor?: string): boolean {
	const times = records
		.map(record => timestampToNanos(text(record?.timestamp)))
		.filter((ns): ns is bigint => ns !== undefined);
	if (cursor && /^\d+$/.test(cursor) && times.some(ns => ns > BigInt(cursor))) return true;
	return times.length >= 2 && times[0]! < times.at(-1)!;
}
