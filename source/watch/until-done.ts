// `nuon-tui watch --until-done` and watch without a terminal: one plain (or JSON) line per
// transition, a summary at the end, and an exit code a script can act on.
import type {NuonClient} from '../api/client.js';
import {describeError} from '../api/errors.js';
import * as api from '../api/resources.js';
import {anyInProgress, outcome, pendingApprovals, rolloutCounts, snapshotOf, transitions, unknownStatuses, type Snapshot, type Transition} from '../domain/rollout.js';
import {text} from '../domain/fields.js';
import {phaseOf} from '../domain/status.js';
import {clock} from '../domain/time.js';
import {DEFAULT_POLL, Poller, type PollSettings} from '../state/poll-policy.js';
import type {Scope} from './scope.js';

export const WATCH_EXIT = {succeeded: 0, failed: 1, timeout: 3, approval: 4} as const;

export interface WatchOptions {
	client: NuonClient;
	scope: Scope;
	untilDone: boolean;
	/** With untilDone: stop with WATCH_EXIT.approval as soon as a deploy waits for an approval. */
	failOnApproval?: boolean;
	timeoutMs?: number;
	output: 'text' | 'json';
	write: (line: string) => void;
	writeError: (line: string) => void;
	settings?: PollSettings;
}

interface Names {
	install: (id: string) => string;
	component: (id: string) => string;
}

export async function watchRollout(options: WatchOptions): Promise<number> {
	const {client, scope, write, writeError, output} = options;
	client.setRetries(0); // the Poller retries, with backoff and Retry-After
	const installNames = new Map<string, string>();
	const componentNames = new Map<string, string>();
	const loadedApps = new Set<string>();
	const names: Names = {
		install: id => installNames.get(id) ?? id,
		component: id => componentNames.get(id) ?? id,
	};
	const componentFilter = scope.component ? (id: string) => id === scope.component!.id : undefined;

	const fetchInstalls = async (): Promise<api.Install[]> =>
		scope.install?.id ? [await api.getInstall(client, scope.install.id)] : api.listAllInstalls(client, scope.app?.id);
	const learnNames = async (installs: api.Install[]) => {
		for (const install of installs) {
			if (install.id) installNames.set(install.id, install.name ?? install.id);
			if (install.app_id && !loadedApps.has(install.app_id)) {
				loadedApps.add(install.app_id);
				for (const component of await api.listAppComponents(client, install.app_id)) {
					if (component.id) componentNames.set(component.id, component.name ?? component.id);
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
					if (ic.component_id && description) descriptions.set(`${installId}/${ic.component_id}`, description);
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
		const finish = (code: number, snapshot: Snapshot | undefined) => {
			if (finished) return;
			finished = true;
			poller.stop();
			clearTimeout(timer);
			const summary = summarize(snapshot, names, code);
			const {text: summaryText, ...fields} = summary;
			write(output === 'json' ? JSON.stringify({event: 'done', result: Object.keys(WATCH_EXIT).find(k => WATCH_EXIT[k as keyof typeof WATCH_EXIT] === code), ...fields}) : summaryText);
			resolve(code);
		};
		const poller = new Poller(
			async () => {
				const installs = await fetchInstalls();
				await learnNames(installs);
				const snapshot = snapshotOf(installs, componentFilter);
				if (!previous) {
					const counts = rolloutCounts(snapshot);
					const deploys = counts.reduce((sum, c) => sum + c.count, 0);
					const text = `${clock(Date.now())} watching ${deploys} deploys in ${snapshot.size} installs: ${counts.map(c => `${c.count} ${c.status}`).join(' · ') || 'none'}`;
					write(output === 'json' ? JSON.stringify({event: 'start', time: new Date().toISOString(), deploys, installs: snapshot.size, counts: Object.fromEntries(counts.map(c => [c.status, c.count]))}) : text);
				} else {
					const changes = transitions(previous, snapshot, Date.now());
					const descriptions = changes.length ? await describe(changes) : new Map<string, string>();
					for (const change of changes) write(formatTransition(change, names, descriptions.get(`${change.installId}/${change.componentId}`), output));
				}
				previous = snapshot;
				for (const cell of unknownStatuses(snapshot)) {
					const key = `${cell.installId}/${cell.componentId}/${cell.status}`;
					if (reportedUnknown.has(key)) continue;
					reportedUnknown.add(key);
					const what = `${names.install(cell.installId)} › ${names.component(cell.componentId)}`;
					write(
						output === 'json'
							? JSON.stringify({event: 'unknown-status', time: new Date().toISOString(), install: names.install(cell.installId), install_id: cell.installId, component: names.component(cell.componentId), component_id: cell.componentId, status: cell.status})
							: `${clock(Date.now())} ${what} has status "${cell.status}", which nuon-tui does not know: not counted as done or failed, still waiting`,
					);
				}
				if (options.untilDone && options.failOnApproval && pendingApprovals(snapshot).length) {
					finish(WATCH_EXIT.approval, snapshot);
					return true;
				}
				if (options.untilDone) {
					const result = outcome(snapshot);
					if (result !== 'in-progress') finish(result === 'succeeded' ? WATCH_EXIT.succeeded : WATCH_EXIT.failed, snapshot);
				}
				return anyInProgress(snapshot);
			},
			options.settings ?? DEFAULT_POLL,
			error => writeError(`${clock(Date.now())} ${describeError(error)} (retrying)`),
		);
		const timer = options.timeoutMs ? setTimeout(() => finish(WATCH_EXIT.timeout, previous), options.timeoutMs) : undefined;
		poller.start();
	});
}

export function formatTransition(change: Transition, names: Names, description: string | undefined, output: 'text' | 'json'): string {
	const install = names.install(change.installId);
	const component = names.component(change.componentId);
	if (output === 'json') {
		return JSON.stringify({
			event: 'transition',
			time: new Date(change.at).toISOString(),
			install,
			install_id: change.installId,
			component,
			component_id: change.componentId,
			from: change.from ?? null,
			to: change.to,
			description: description ?? null,
		});
	}
	return `${clock(change.at)} ${install} › ${component} ${change.from ?? 'none'} → ${change.to}${description ? `  ${description}` : ''}`;
}

interface Failure {
	install: string;
	install_id: string;
	component: string;
	component_id: string;
	status: string;
}

function summarize(snapshot: Snapshot | undefined, names: Names, code: number): {text: string; time: string; counts: Record<string, number>; failed: Failure[]; awaiting_approval: Failure[]} {
	const counts = snapshot ? rolloutCounts(snapshot) : [];
	const failed: Failure[] = [];
	const waiting: Failure[] = [];
	for (const [installId, cells] of snapshot ?? []) {
		for (const [componentId, status] of cells) {
			const cell = {install: names.install(installId), install_id: installId, component: names.component(componentId), component_id: componentId, status};
			if (['failure', 'warning'].includes(phaseOf(status))) failed.push(cell);
			if (phaseOf(status) === 'approval') waiting.push(cell);
		}
	}
	const verdict =
		code === WATCH_EXIT.succeeded ? 'rollout finished' : code === WATCH_EXIT.failed ? 'rollout finished with failures' : code === WATCH_EXIT.approval ? 'stopped: a deploy waits for approval' : 'timed out before the rollout finished';
	const list = (cells: Failure[]) => cells.map(f => `${f.install} › ${f.component} (${f.status})`).join(', ');
	const text = `${clock(Date.now())} ${verdict}: ${counts.map(c => `${c.count} ${c.status}`).join(' · ') || 'nothing watched'}${failed.length ? `\nfailed: ${list(failed)}` : ''}${waiting.length ? `\nwaiting for approval: ${list(waiting)}` : ''}`;
	return {text, time: new Date().toISOString(), counts: Object.fromEntries(counts.map(c => [c.status, c.count])), failed, awaiting_approval: waiting};
}
