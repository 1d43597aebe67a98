// The board's changes: the transitions since the previous refresh, listed in the activity pane,
// highlighted for HIGHLIGHT_MS and, when they end a deploy, notified.
import {useEffect, useEffectEvent, useRef, useState} from 'react';
import type {Install} from '../../api/resources.js';
import {installName} from '../../domain/install.js';
import {type snapshotOf, transitions, type Snapshot, type Transition} from '../../domain/rollout.js';
import {phaseOf, statusWord} from '../../domain/status.js';
import type {useExplorer} from '../shell/context.js';

export const HIGHLIGHT_MS = 5000;
export const ACTIVITY_LIMIT = 200;

export function useBoardChanges({
	rows,
	snapshot,
	names,
	fetchedItself,
	notify,
}: {
	rows: readonly Install[];
	snapshot: ReturnType<typeof snapshotOf>;
	names: ReadonlyMap<string, string>;
	/** The first snapshot this board fetched itself is the baseline: data cached from an earlier
	 * visit would report old changes as new, all stamped now. */
	fetchedItself: boolean;
	notify: ReturnType<typeof useExplorer>['notify'];
}): {activity: Transition[]; changedAt: Map<string, number>} {
	const previous = useRef<Snapshot | undefined>(undefined);
	const [activity, setActivity] = useState<Transition[]>([]);
	const [changedAt, setChangedAt] = useState<Map<string, number>>(new Map());
	const recordChanges = useEffectEvent((next: Snapshot) => {
		if (previous.current) {
			const changes = transitions(previous.current, next, Date.now());
			if (changes.length) {
				setActivity(list => [...changes.reverse(), ...list].slice(0, ACTIVITY_LIMIT));
				setChangedAt(map => {
					const next = new Map(map);
					for (const change of changes) next.set(`${change.installId}/${change.componentId}`, change.at);
					return next;
				});
				for (const change of changes) {
					const phase = phaseOf(change.to);
					if (notify && phase !== 'progress') {
						const found = rows.find(i => i.id === change.installId);
						const install = found ? installName(found) : change.installId;
						notify(
							`${install} › ${names.get(change.componentId) ?? change.componentId}`,
							`${change.from ? statusWord(change.from) : 'none'} → ${statusWord(change.to)}`,
						);
					}
				}
			}
		}
		previous.current = next;
	});
	useEffect(() => {
		if (fetchedItself) recordChanges(snapshot);
	}, [snapshot, fetchedItself]);
	// Highlights fade: one re-render when the newest one expires.
	useEffect(() => {
		if (changedAt.size === 0) return;
		const newest = Math.max(...changedAt.values());
		const timer = setTimeout(
			() => setChangedAt(map => new Map([...map].filter(([, at]) => Date.now() - at < HIGHLIGHT_MS))),
			Math.max(0, newest + HIGHLIGHT_MS - Date.now()) + 20,
		);
		return () => clearTimeout(timer);
	}, [changedAt]);
	return {activity, changedAt};
}
