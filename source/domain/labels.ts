// An install's labels (2026: `labels`, a map of strings) and the `--labels k:v[,k2:v2]` filter.
import {record, text} from './fields.js';
import {oneLine} from './text.js';

export type Labels = Readonly<Record<string, string>>;

/** The labels an install carries, sorted by key; a field of another type, or a value that is not a string,
 * reads as no label. */
export function labelsOf(install: {labels?: unknown}): [string, string][] {
	return Object.entries(record(install.labels) ?? {})
		.flatMap(([key, value]): [string, string][] => {
			const word = text(value);
			return word === undefined ? [] : [[oneLine(key), oneLine(word)]];
		})
		.sort(([a], [b]) => a.localeCompare(b));
}

/** The labels as `/` matches them and the list shows them: `region:eu tier:prod`. */
export const labelWords = (install: {labels?: unknown}): string =>
	labelsOf(install)
		.map(([key, value]) => `${key}:${value}`)
		.join(' ');

/**
 * `--labels tier:prod,region:eu` as the server reads it (pkg/labels ParseLabelsQuery: comma-separated,
 * `:` between key and value, else `=`, split at the first). A part without a value is refused here: the
 * server takes it as "any value", which this filter does not offer.
 */
export function parseLabels(spec: string): Labels | string {
	const labels: Record<string, string> = {};
	for (const part of spec.split(',').map(p => p.trim())) {
		if (!part) continue;
		const at = part.includes(':') ? part.indexOf(':') : part.indexOf('=');
		const value = at > 0 ? part.slice(at + 1).trim() : '';
		if (!value) return `--labels takes key:value pairs, as in tier:prod,region:eu, not "${part}".`;
		labels[part.slice(0, at).trim()] = value;
	}
	return Object.keys(labels).length ? labels : '--labels takes at least one key:value pair.';
}

/** The filter as the `labels` query parameter (`tier:prod,region:eu`). */
export const labelsQuery = (labels: Labels): string =>
	Object.entries(labels)
		.map(([key, value]) => `${key}:${value}`)
		.join(',');

/** Whether an install carries every label of the filter (a server that ignores `labels` sends them all). */
export function hasLabels(install: {labels?: unknown}, wanted: Labels): boolean {
	const own = record(install.labels) ?? {};
	return Object.entries(wanted).every(([key, value]) => own[key] === value);
}
