// The plan an approval asks about, read from whatever the server sent: the contract types it as an
// array of integers, the official CLI reads a JSON object, and a JSON string holding one is seen too.
// A Terraform plan's resource changes, a Helm diff's objects and a Kubernetes plan's items all become
// one list of changes, grouped create / update / replace / delete.
import {sanitize, sanitizeDeep} from './sanitize.js';

export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'no-op';

/** The order changes are listed and counted in: what destroys things first. */
export const CHANGE_ORDER: readonly ChangeAction[] = [
	'delete',
	'replace',
	'update',
	'create',
	'read',
	'no-op',
];

export interface AttributeChange {
	/** Empty for a line of a Helm object's YAML. */
	path: string;
	before: string;
	after: string;
}

export interface PlannedChange {
	action: ChangeAction;
	/** A Terraform address, or namespace/Kind/name. */
	address: string;
	kind: string;
	attributes: AttributeChange[];
}

export interface ApprovalPlan {
	format: 'terraform' | 'helm' | 'kubernetes' | 'unknown';
	changes: PlannedChange[];
	counts: Record<ChangeAction, number>;
	/** The document as read (for the raw view). */
	document: unknown;
	/** Why the changes could not be read, when they could not. */
	problem?: string;
}

/** The contents as a document: a JSON object, a JSON string holding one, or bytes holding one. */
export function readContents(body: unknown): {document: unknown; problem?: string} {
	if (body !== null && typeof body === 'object' && !Array.isArray(body)) return {document: body};
	let text: string | undefined;
	if (typeof body === 'string') text = body;
	else if (Array.isArray(body) && body.every(byte => Number.isInteger(byte) && byte >= 0 && byte <= 255))
		text = Buffer.from(body as number[]).toString('utf8');
	if (text === undefined)
		return {
			document: body,
			problem: `the plan came as ${describe(body)}, not a JSON object: shown as it came`,
		};
	try {
		const parsed: unknown = JSON.parse(text);
		if (parsed !== null && typeof parsed === 'object') return {document: sanitizeDeep(parsed)};
		return {document: sanitize(text), problem: 'the plan is not a JSON object: shown as it came'};
	} catch {
		return {document: sanitize(text), problem: 'the plan is not JSON: shown as it came'};
	}
}

const describe = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'a list that is not bytes' : `a ${typeof value}`;

export function readPlan(body: unknown): ApprovalPlan {
	const {document, problem} = readContents(body);
	const found = problem ? undefined : planChanges(document);
	const changes = found?.changes ?? [];
	const counts = Object.fromEntries(CHANGE_ORDER.map(action => [action, 0])) as Record<ChangeAction, number>;
	for (const change of changes) counts[change.action]++;
	return {
		format: found?.format ?? 'unknown',
		changes: [...changes].sort((a, b) => CHANGE_ORDER.indexOf(a.action) - CHANGE_ORDER.indexOf(b.action)),
		counts,
		document,
		problem: problem ?? (found ? undefined : 'no resource changes found in the plan: shown as it came'),
	};
}

/** "2 to delete · 1 to replace · 3 to update · 4 to create" (no-ops and reads left out). */
export function formatChangeCounts(counts: Record<ChangeAction, number>): string {
	const words: Partial<Record<ChangeAction, string>> = {
		delete: 'to delete',
		replace: 'to replace',
		update: 'to update',
		create: 'to create',
	};
	const parts = CHANGE_ORDER.filter(action => words[action] && counts[action] > 0).map(
		action => `${counts[action]} ${words[action]}`,
	);
	return parts.length ? parts.join(' · ') : 'no changes';
}

function planChanges(
	document: unknown,
): {format: ApprovalPlan['format']; changes: PlannedChange[]} | undefined {
	if (isRecord(document) && Array.isArray(document.resource_changes))
		return {format: 'terraform', changes: document.resource_changes.filter(isRecord).map(terraformChange)};
	if (isRecord(document) && Array.isArray(document.helm_content_diff))
		return {format: 'helm', changes: document.helm_content_diff.filter(isRecord).map(helmChange)};
	const items = Array.isArray(document)
		? document
		: isRecord(document)
			? (document.plan ?? document.items)
			: undefined;
	if (Array.isArray(items) && items.some(item => isRecord(item) && ('kind' in item || 'op' in item)))
		return {format: 'kubernetes', changes: items.filter(isRecord).map(kubernetesChange)};
	return undefined;
}

function terraformChange(change: Record<string, unknown>): PlannedChange {
	const body = isRecord(change.change) ? change.change : {};
	const actions = Array.isArray(body.actions) ? body.actions.map(String) : [];
	const action: ChangeAction =
		actions.includes('delete') && actions.includes('create')
			? 'replace'
			: actions.includes('delete')
				? 'delete'
				: actions.includes('create')
					? 'create'
					: actions.includes('update')
						? 'update'
						: actions.includes('read')
							? 'read'
							: 'no-op';
	return {
		action,
		address: oneLine(change.address ?? change.name ?? '?'),
		kind: oneLine(change.type ?? ''),
		attributes: attributeDiff(
			body.before,
			body.after,
			body.after_unknown,
			body.after_sensitive ?? body.before_sensitive,
		),
	};
}

const HELM_ACTIONS: Record<number, ChangeAction> = {1: 'create', 2: 'delete', 3: 'update'};

function helmChange(diff: Record<string, unknown>): PlannedChange {
	const before = typeof diff.before === 'string' ? diff.before : '';
	const after = typeof diff.after === 'string' ? diff.after : '';
	return {
		action: !before && after ? 'create' : before && !after ? 'delete' : 'update',
		address: [diff.namespace, diff.kind, diff.name]
			.filter(part => part !== undefined && part !== '')
			.map(oneLine)
			.join('/'),
		kind: oneLine(diff.kind ?? ''),
		attributes: lineDiff(before, after),
	};
}

function kubernetesChange(item: Record<string, unknown>): PlannedChange {
	const op = String(item.op ?? '').toLowerCase();
	const action: ChangeAction =
		HELM_ACTIONS[Number(item.type)] ??
		(/add|create|apply/.test(op) ? 'create' : /delete|remove/.test(op) ? 'delete' : 'update');
	const entries = Array.isArray(item.entries) ? item.entries.filter(isRecord) : [];
	return {
		action,
		address: [item.namespace, item.kind, item.name]
			.filter(part => part !== undefined && part !== '')
			.map(oneLine)
			.join('/'),
		kind: oneLine(item.kind ?? ''),
		attributes: entries.map(entry => ({
			path: oneLine(entry.path ?? ''),
			before: show(entry.original),
			after: show(entry.applied),
		})),
	};
}

/** The attributes whose values differ, as dotted paths, with the values shown on one line. */
export function attributeDiff(
	before: unknown,
	after: unknown,
	unknownAfter?: unknown,
	sensitive?: unknown,
	path = '',
): AttributeChange[] {
	if (isTrue(sensitive)) return [{path: path || '(value)', before: '(sensitive)', after: '(sensitive)'}];
	if (isTrue(unknownAfter))
		return [{path: path || '(value)', before: show(before), after: '(known after apply)'}];
	if (isRecord(before) || isRecord(after) || isRecord(unknownAfter)) {
		const b = isRecord(before) ? before : {};
		const a = isRecord(after) ? after : {};
		const u = isRecord(unknownAfter) ? unknownAfter : {};
		const s = isRecord(sensitive) ? sensitive : {};
		const keys = [...new Set([...Object.keys(b), ...Object.keys(a), ...Object.keys(u)])].sort();
		return keys.flatMap(key => attributeDiff(b[key], a[key], u[key], s[key], path ? `${path}.${key}` : key));
	}
	if (JSON.stringify(before) === JSON.stringify(after)) return [];
	return [{path: path || '(value)', before: show(before), after: show(after)}];
}

/** Lines removed and added between two texts (a Helm object's YAML), in order. */
function lineDiff(before: string, after: string): AttributeChange[] {
	const old = before.split('\n');
	const next = after.split('\n');
	const removed = old.filter(line => line.trim() && !next.includes(line));
	const added = next.filter(line => line.trim() && !old.includes(line));
	const rows = Math.max(removed.length, added.length);
	return Array.from({length: rows}, (_, index) => ({
		path: '',
		before: oneLine(removed[index]?.trim() ?? ''),
		after: oneLine(added[index]?.trim() ?? ''),
	}));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const isTrue = (value: unknown) => value === true;
const oneLine = (value: unknown) => sanitize(String(value)).replace(/\s+/g, ' ').trim();
const show = (value: unknown): string => (value === undefined ? '—' : oneLine(JSON.stringify(value)));
