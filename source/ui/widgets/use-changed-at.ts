import {useState} from 'react';

/**
 * When `key` last changed (ms since the epoch; 0 until it first changes): a message said before then
 * is older than what the screen shows now, and gives way to it.
 */
export function useChangedAt(key: string): number {
	const [seen, setSeen] = useState({key, at: 0});
	if (seen.key === key) return seen.at;
	const next = {key, at: Date.now()};
	setSeen(next);
	return next.at;
}
