const pad = (n: number) => String(n).padStart(2, '0');

const UNITS: Array<[number, string]> = [
	[86_400, 'd'],
	[3600, 'h'],
	[60, 'm'],
	[1, 's'],
];

/** "1m 33s", "2h 5m", "3d", "0s": the largest unit and the one below it, where that is not 0. */
export function formatSeconds(totalSeconds: number): string {
	const rest = Math.max(0, Math.floor(totalSeconds));
	const first = UNITS.findIndex(([size]) => rest >= size);
	if (first < 0) return '0s';
	const [size, unit] = UNITS[first]!;
	const next = UNITS[first + 1];
	const below = next ? Math.floor((rest % size) / next[0]) : 0;
	return below > 0 && next
		? `${Math.floor(rest / size)}${unit} ${below}${next[1]}`
		: `${Math.floor(rest / size)}${unit}`;
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
