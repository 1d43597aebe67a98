const pad = (n: number) => String(n).padStart(2, '0');

const UNITS: Array<[number, string]> = [
	[86_400, 'd'],
	[3600, 'h'],
	[60, 'm'],
	[1, 's'],
];

/** "1m 33s", "2h 5m", "0s": at most two units, largest first. */
export function formatSeconds(totalSeconds: number): string {
	let rest = Math.max(0, Math.floor(totalSeconds));
	const parts: string[] = [];
	for (const [size, unit] of UNITS) {
		if (rest >= size || (unit === 's' && parts.length === 0)) {
			parts.push(`${Math.floor(rest / size)}${unit}`);
			rest %= size;
		}
		if (parts.length === 2) break;
	}
	return parts.join(' ');
}

/** Nuon durations (execution_time, execution_duration) are nanoseconds. */
export function formatNanoseconds(nanoseconds: number | undefined | null): string {
	return nanoseconds == null ? '—' : formatSeconds(nanoseconds / 1e9);
}

export function parseTime(value: string | number | undefined | null): number | undefined {
	if (value == null || value === '') return undefined;
	const ms = typeof value === 'number' ? value * 1000 : Date.parse(value);
	return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** "3m ago", "just now"; "—" for a missing or unparsable time. */
export function ago(value: string | number | undefined | null, now: number): string {
	const ms = parseTime(value);
	if (ms === undefined) return '—';
	const seconds = (now - ms) / 1000;
	if (seconds < 5) return 'just now';
	const [first] = formatSeconds(seconds).split(' ');
	return `${first} ago`;
}

/** "2026-11-28 21:09:57" in local time; "—" when missing. */
export function formatTimestamp(value: string | number | undefined | null): string {
	const ms = parseTime(value);
	if (ms === undefined) return '—';
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock(ms)}`;
}

/** "21:09:57" in local time. */
export function clock(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
