// ListLevel's pure helpers: the filter over a row's cells, what the list says when it is empty, the
// detail of a row the pane cannot read, the keys that open something here, its nouns.
import {loadFailure} from '../shell/failure-text.js';
import type {Resource} from '../../state/resource.js';
import {cellText, type Column} from './columns.js';
import {commandHint, type CommandId} from '../keys/commands.js';
import {text, type Line} from './lines.js';
import {sanitize} from '../../domain/sanitize.js';

export function drillKeysHere(actions: readonly CommandId[]): string {
	const here = actions.map(commandHint).filter(Boolean);
	return here.length ? `here: ⏎ open, ${here.join(', ')}` : 'here: ⏎ opens the selection';
}

export function emptyMessage({
	noun,
	resource,
	filter,
	emptyText,
}: {
	noun: string;
	resource: Resource<unknown[]>;
	filter: string;
	emptyText: string;
}): string {
	if (resource.data === undefined) {
		return resource.error ? loadFailure(noun, resource.error) : `Loading ${noun}…`;
	}
	return filter ? `No ${noun} match "${filter}". Esc clears the filter.` : emptyText;
}

export function filterRows<Row>(
	rows: readonly Row[],
	filter: string,
	columns: readonly Column<Row>[],
): readonly Row[] {
	if (!filter) return rows;
	const needle = filter.toLowerCase();
	return rows.filter(row => columns.some(column => cellText(column, row, 0).toLowerCase().includes(needle)));
}

export function unreadableDetail(noun: string, error: unknown): Line[] {
	const reason = sanitize(error instanceof Error ? error.message : String(error))
		.replace(/\s+/g, ' ')
		.slice(0, 160);
	return [
		text(
			`⚠ Could not show this ${singular(noun)}: ` + `the API sent a field this pane cannot read (${reason}).`,
			{
				status: 'error',
			},
		),
		text('v shows its raw JSON', {muted: true}),
	];
}

export const singular = (noun: string) => noun.replace(/s$/, '');

export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
