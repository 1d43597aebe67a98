// `nuon-tui watch --until-done` and watch without a terminal: one plain (or JSON) line per
// transition, a summary at the end, and an exit code a script can act on.
import type {NuonClient} from '../api/client.js';
import {describeError} from '../api/errors.js';
import * as api from '../api/resources.js';
import {
	anyInProgress,
	outcome,
	pendingApprovals,
	rolloutCounts,
	snapshotOf,
	transitions,
	unknownStatuses,
	type Snapshot,
	type Transition,
} from '../domain/rollout.js';
import {text} from '../domain/fields.js';
import {formatCounts, installName} from '../domain/install.js';
import {oneLine} from '../domain/text.js';
import {watchedInstalls} from './watched-installs.js';
import {clock} from '../domain/time.js';
import {DEFAULT_POLL, Poller, type PollSettings} from '../state/poll-policy.js';
import type {Scope} from './scope.js';
import {accessDenied, WATCH_EXIT} from './exit-codes.js';
import {cellCount, doneLine, formatTransition, nothingToWatch, type Names} from './watch-lines.js';

export interface WatchOptions {
	client: NuonClient;
	/** What to watch, or how to find it (asked first: a 401 or 403 there ends the watch as below). */
	scope: Scope | (() => Promise<Scope>);
	untilDone: boolean;
	/** With untilDone: stop with WATCH_EXIT.approval as soon as a deploy waits for an approval. */
	failOnApproval?: boolean;
	timeoutMs?: number;
	output: 'text' | 'json';
	write: (line: string) => void;
	writeError: (line: string) => void;
	settings?: PollSettings;
}

export async function watchRollout(options: WatchOptions): Promise<number> {
	const {client, write, writeError, output} = options;
	const installNames = new Map<string, string>();
	const componentNames = new Map<string, string>();
	const loadedApps = new Set<string>();
	const names: Names = {
		install: id => installNames.get(id) ?? id,
		component: id => componentNames.get(id) ?? id,
	};
	let scope: Scope;
	try {
		scope = typeof options.scope === 'function' ? await options.scope() : options.scope;
	} catch (error) {
		const reason = accessDenied(error);
		if (!reason) throw error;
		writeError(`${clock(Date.now())} ${oneLine(describeError(error))}`);
		write(doneLine(WATCH_EXIT['access-denied'], undefined, names, output, reason));
		return WATCH_EXIT['access-denied'];
	}
	client.setRetries(0); // the Poller retries, with backoff and Retry-After
	const componentFilter = scope.component ? (id: string) => id === scope.component!.id : undefined;

	const learnNames = async (installs: api.Install[]) => {
		for (const install of installs) {
			if (install.id) installNames.set(install.id, installName(install));
			if (install.app_id && !loadedApps.has(install.app_id)) {
				loadedApps.add(install.app_id);
				for (const component of await api.listAppComponents(client, install.app_id)) {
					if (component.id) componentNames.set(component.id, component.name || component.id);
				}
			}
		}
	};
	const describe = async (changes: Transition[]): Promise<Map<string, string>> => {
		const descriptions = new Map<string, string>();
		for (const installId of new Set(changes.map(c => c.installId))) {
			try {
				for (const ic of await api.listInstallComponents(client, installId)) {
					const description = text(ic.status_v2?.status_human_description) || text(ic.status_description);
					if (ic.component_id && description)
						descriptions.set(`${installId}/${ic.component_id}`, description);
				}
			} catch {
				// a description is a nicety: the transition is printed without it
			}
		}
		return descriptions;
	};

	let previous: Snapshot | undefined;
	const reportedUnknown = new Set<string>();
	return new Promise<number>(resolve => {
		let finished = false;
		const finish = (code: number, snapshot: Snapshot | undefined, reason?: string) => {
			if (finished) return;
			finished = true;
			poller.stop();
			clearTimeout(timer);
			write(doneLine(code, snapshot, names, output, reason));
			resolve(code);
		};
		const poller = new Poller(
			async () => {
				const installs = await watchedInstalls(client, scope);
				await learnNames(installs);
				const snapshot = snapshotOf(installs, componentFilter);
				if (!previous && options.untilDone && !cellCount(snapshot)) {
					// Waiting would end at once with "finished", or never: neither is what a script should hear.
					finish(WATCH_EXIT['nothing-to-watch'], snapshot, nothingToWatch(installs.length));
					return false;
				}
				if (!previous) {
					const counts = rolloutCounts(snapshot);
					const deploys = counts.reduce((sum, c) => sum + c.count, 0);
					const text = oneLine(
						`${clock(Date.now())} watching ${deploys} deploys in ${snapshot.size} installs: ` +
							`${formatCounts(counts) || 'none'}`,
					);
					write(
						output === 'json'
							? JSON.stringify({
									event: 'start',
									time: new Date().toISOString(),
									deploys,
									installs: snapshot.size,
									counts: Object.fromEntries(counts.map(c => [c.status, c.count])),
								})
							: text,
					);
				} else {
					const changes = transitions(previous, snapshot, Date.now());
					const descriptions = changes.length ? await describe(changes) : new Map<string, string>();
					for (const change of changes)
						write(
							formatTransition(
								change,
								names,
								descriptions.get(`${change.installId}/${change.componentId}`),
								output,
							),
						);
				}
				previous = snapshot;
				for (const cell of unknownStatuses(snapshot)) {
					const key = `${cell.installId}/${cell.componentId}/${cell.status}`;
					if (reportedUnknown.has(key)) continue;
					reportedUnknown.add(key);
					const what = `${names.install(cell.installId)} › ${names.component(cell.componentId)}`;
					write(
						output === 'json'
							? JSON.stringify({
									event: 'unknown-status',
									time: new Date().toISOString(),
									install: names.install(cell.installId),
									install_id: cell.installId,
									component: names.component(cell.componentId),
									component_id: cell.componentId,
									status: cell.status,
								})
							: oneLine(
									`${clock(Date.now())} ${what} has status "${cell.status}", which nuon-tui does not ` +
										`know: not counted as done or failed, still waiting`,
								),
					);
				}
				if (options.untilDone && options.failOnApproval && pendingApprovals(snapshot).length) {
					finish(WATCH_EXIT.approval, snapshot);
					return true;
				}
				if (options.untilDone) {
					const result = outcome(snapshot);
					if (result !== 'in-progress')
						finish(result === 'succeeded' ? WATCH_EXIT.succeeded : WATCH_EXIT.failed, snapshot);
				}
				return anyInProgress(snapshot);
			},
			options.settings ?? DEFAULT_POLL,
			error => {
				const reason = accessDenied(error);
				if (reason) {
					writeError(`${clock(Date.now())} ${oneLine(describeError(error))}`);
					finish(WATCH_EXIT['access-denied'], previous, reason);
					return;
				}
				writeError(`${clock(Date.now())} ${oneLine(describeError(error))} (retrying)`);
			},
		);
		const timer = options.timeoutMs
			? setTimeout(() => finish(WATCH_EXIT.timeout, previous), options.timeoutMs)
			: undefined;
		poller.start();
	});
}
