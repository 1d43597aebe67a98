// The log view as a level: its keys, its breadcrumb, and its pure parts (the first page of a stream,
// its lines as the view draws them) for the fuzzer; the view itself is logs-view.tsx.
import type {LogFilter, LogLine} from '../../domain/logs.js';
import {defineLevel} from './level.js';
import {getLogsPage, getLogStream} from '../../api/resources.js';
import {appendNewer, emptyBuffer} from '../../domain/logs.js';
import {rowsOfLine} from './log-rows.js';
import {LogsLevel, LOG_KEYS} from './logs-view.js';
import {filterMenuItems} from './log-filter-menu.js';
import {lineTime, SEVERITY_WIDTH} from './log-row-view.js';

export const logs = defineLevel<{streamId: string; title: string; filter?: LogFilter}>({
	View: LogsLevel,
	keys: LOG_KEYS,
	crumb: ({title}) => `logs: ${title}`,
	example: {streamId: 'lgd1', title: 'deploy'},
	parts: {
		load: async (client, {streamId}) => {
			const [stream, page] = await Promise.all([
				getLogStream(client, streamId),
				getLogsPage(client, streamId, 'desc'),
			]);
			return {stream, lines: appendNewer(emptyBuffer(), page.records).lines};
		},
		text: ({lines}: {lines: readonly LogLine[]}) => [
			...lines.flatMap((line, index) =>
				rowsOfLine(line, index, true, 60).map(
					row =>
						`${row.first ? lineTime(row.line.timestamp) : ''} ` +
						`${row.first ? row.line.severity.toUpperCase().slice(0, SEVERITY_WIDTH) : ''} ` +
						`${row.first && row.line.step ? `[${row.line.step}] ` : ''}${row.text}`,
				),
			),
			...filterMenuItems(lines).map(item => item.label),
		],
	},
});
