// The JSON/text viewer: plans, outputs and metadata. Objects and arrays collapse and expand with
// Enter, long strings unfold; everything scrolls.
import {useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {loadFailure} from '../shell/failure-text.js';
import {jsonRows, parseDocument, rowText, type JsonRow} from '../../domain/json-tree.js';
import {truncate} from '../../domain/text.js';
import {usePlan} from '../../state/data.js';
import {windowStart} from '../widgets/columns.js';
import {useExplorer, useLevelKeys} from '../shell/context.js';
import {CURSOR_KEYS, cursorMove} from '../keys/commands.js';
import type {ScreenKeys} from '../keys/keymap.js';
import {CHROME_ROWS, Frame, type RefreshState} from '../shell/Frame.js';
import {Pane} from '../widgets/Pane.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import type {DocumentSource} from '../../state/locations.js';
import {defineLevel} from './level.js';

type Source = DocumentSource;

const KEYS: ScreenKeys = {hints: ['down', 'open', 'back', 'help', 'quit', ...CURSOR_KEYS, 'refresh']};

export function DocumentLevel({title, source}: {title: string; source: Source}) {
	return source.type === 'plan' ? (
		<PlanDocument title={title} jobId={source.jobId} />
	) : (
		<DocumentView title={title} value={source.value} refresh={{isValidating: false, hasData: true}} />
	);
}

function PlanDocument({title, jobId}: {title: string; jobId: string}) {
	const plan = usePlan(jobId);
	const refresh = {...plan, hasData: plan.data !== undefined};
	if (plan.data === undefined || plan.data === null) {
		const message =
			plan.data === null
				? 'This job produced no plan.'
				: plan.error
					? loadFailure('the plan', plan.error)
					: 'Loading the plan…';
		return <DocumentView title={title} message={message} refresh={refresh} onRefresh={plan.refresh} />;
	}
	const document = parseDocument(plan.data);
	return (
		<DocumentView
			title={title}
			value={document.kind === 'json' ? document.value : undefined}
			lines={document.kind === 'text' ? document.lines : undefined}
			refresh={refresh}
			onRefresh={plan.refresh}
		/>
	);
}

interface ViewProps {
	title: string;
	value?: unknown;
	lines?: string[];
	message?: string;
	refresh: RefreshState;
	onRefresh?: () => void;
}

function DocumentView({title, value, lines, message, refresh, onRefresh}: ViewProps) {
	const {theme, columns, rows: screenRows} = useExplorer();
	const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
	const [cursor, setCursor] = useState(0);
	const top = useRef(0);
	const rows: JsonRow[] = useMemo(
		() =>
			value !== undefined
				? jsonRows(value, toggled)
				: (lines ?? []).map((line, index) => ({
						path: String(index),
						depth: 0,
						text: line,
						kind: 'leaf' as const,
						toggleable: false,
					})),
		[value, lines, toggled],
	);
	const bodyHeight = screenRows - CHROME_ROWS;
	const height = bodyHeight - 2;
	const index = Math.min(cursor, Math.max(0, rows.length - 1));
	const start = windowStart(top.current, index, height, rows.length);
	top.current = start;

	useLevelKeys(command => {
		const move = (next: number) => setCursor(Math.max(0, Math.min(rows.length - 1, next)));
		const delta = cursorMove(command, height);
		if (delta !== undefined) {
			move(index + delta); // ±Infinity lands on the first or last row
			return true;
		}
		switch (command) {
			case 'open': {
				const row = rows[index];
				if (row?.toggleable) {
					setToggled(previous => {
						const next = new Set(previous);
						if (next.has(row.path)) next.delete(row.path);
						else next.add(row.path);
						return next;
					});
				}
				return true;
			}
			case 'refresh':
				onRefresh?.();
				return true;
			default:
				return false;
		}
	});

	const width = columns - 4;
	return (
		<Frame refresh={refresh} keys={KEYS}>
			<Pane
				title={`${title}${rows.length ? ` (${rows.length} ${rows.length === 1 ? 'line' : 'lines'})` : ''}`}
				focused
				width={columns}
				height={bodyHeight}
				theme={theme}
			>
				{message ? (
					<Text color={refresh.error ? theme.error : theme.muted}>{message}</Text>
				) : (
					<Box flexDirection="column" height={height} overflow="hidden">
						{rows.slice(start, start + height).map((row, offset) => {
							const selected = start + offset === index;
							const marker = row.kind === 'open' ? '▾ ' : row.toggleable ? '▸ ' : '  ';
							return (
								<Text key={`${row.path}:${row.kind}`} inverse={selected}>
									{truncate(marker + rowText(row), width)}
								</Text>
							);
						})}
					</Box>
				)}
			</Pane>
		</Frame>
	);
}

export const document = defineLevel<{title: string; source: Source}>({
	View: DocumentLevel,
	keys: KEYS,
	crumb: ({title}) => title,
	example: {title: 'plan', source: {type: 'plan', jobId: 'rjb1'}},
	parts: {
		load: (client, {source}) =>
			source.type === 'plan'
				? ENDPOINTS.plan.fetch(client, {jobId: source.jobId})
				: Promise.resolve(JSON.stringify(source.value)),
		text: (plan: string | null) => {
			if (plan === null) return [];
			const document = parseDocument(plan);
			return document.kind === 'json'
				? jsonRows(document.value, new Set()).map(row => rowText(row))
				: document.lines;
		},
	},
});
