// The lines `watch` prints: one per transition (plain or JSON), and the `done` line with its verdict,
// its counts and what failed or waits for approval.
import {rolloutCounts, type Snapshot, type Transition} from '../domain/rollout.js';
import {formatCounts} from '../domain/install.js';
import {oneLine} from '../domain/text.js';
import {awaitsRetry, phaseOf, statusWord} from '../domain/status.js';
import {clock} from '../domain/time.js';
import {WATCH_EXIT} from './exit-codes.js';

export interface Names {
	install: (id: string) => string;
	component: (id: string) => string;
}

export function formatTransition(
	change: Transition,
	names: Names,
	description: string | undefined,
	output: 'text' | 'json',
): string {
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
	const note = awaitsRetry(change.to) ? '  failed: Nuon waits for someone to retry or skip it' : '';
	return oneLine(
		`${clock(change.at)} ${install} › ${component} ${change.from ? statusWord(change.from) : 'none'} → ` +
			`${statusWord(change.to)}${note}${description ? `  ${description}` : ''}`,
	);
}

const VERDICTS: Record<number, string> = {
	[WATCH_EXIT.succeeded]: 'rollout finished',
	[WATCH_EXIT.failed]: 'rollout finished with failures',
	[WATCH_EXIT.approval]: 'stopped: a deploy waits for approval',
	[WATCH_EXIT['nothing-to-watch']]: 'nothing to watch',
	[WATCH_EXIT['access-denied']]: 'stopped: access denied',
};

export const cellCount = (snapshot: Snapshot): number =>
	[...snapshot.values()].reduce((sum, cells) => sum + cells.size, 0);

export const nothingToWatch = (installs: number): string =>
	installs
		? `${installs} install${installs === 1 ? '' : 's'}, none with a deploy status (neither ` +
			`component_statuses nor install_components[].install_deploys)`
		: 'no installs';

interface Failure {
	install: string;
	install_id: string;
	component: string;
	component_id: string;
	status: string;
}

/** The `done` line: the verdict with the counts (or why it stopped), then what failed and what waits. */
export function doneLine(
	code: number,
	snapshot: Snapshot | undefined,
	names: Names,
	output: 'text' | 'json',
	reason?: string,
): string {
	const {text: summaryText, ...fields} = summarize(snapshot, names, code, reason);
	if (output === 'text') return summaryText;
	return JSON.stringify({
		event: 'done',
		result: Object.keys(WATCH_EXIT).find(k => WATCH_EXIT[k as keyof typeof WATCH_EXIT] === code),
		...(reason ? {reason} : {}),
		...fields,
	});
}

function summarize(
	snapshot: Snapshot | undefined,
	names: Names,
	code: number,
	reason?: string,
): {
	text: string;
	time: string;
	counts: Record<string, number>;
	failed: Failure[];
	awaiting_approval: Failure[];
} {
	const counts = snapshot ? rolloutCounts(snapshot) : [];
	const failed: Failure[] = [];
	const waiting: Failure[] = [];
	for (const [installId, cells] of snapshot ?? []) {
		for (const [componentId, status] of cells) {
			const cell = {
				install: names.install(installId),
				install_id: installId,
				component: names.component(componentId),
				component_id: componentId,
				status,
			};
			if (['failure', 'warning'].includes(phaseOf(status))) failed.push(cell);
			if (phaseOf(status) === 'approval') waiting.push(cell);
		}
	}
	const verdict = VERDICTS[code] ?? 'timed out before the rollout finished';
	// Every server string on a line of its own kind: a name with a line break must not forge a line.
	const list = (cells: Failure[]) =>
		cells.map(f => oneLine(`${f.install} › ${f.component} (${statusWord(f.status)})`)).join(', ');
	const text =
		`${clock(Date.now())} ${verdict}: ` +
		(reason ?? (oneLine(formatCounts(counts)) || 'nothing watched')) +
		(failed.length ? `\nfailed: ${list(failed)}` : '') +
		(waiting.length ? `\nwaiting for approval: ${list(waiting)}` : '');
	return {
		text,
		time: new Date().toISOString(),
		counts: Object.fromEntries(counts.map(c => [c.status, c.count])),
		failed,
		awaiting_approval: waiting,
	};
}
