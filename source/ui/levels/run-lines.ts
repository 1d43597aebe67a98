// A run's detail lines, for the levels that list runs.
import type {ActionWorkflowRun} from '../../api/resources.js';
import {runName, runStatus} from '../../domain/activity.js';
import {ago, formatNanoseconds, formatTimestamp} from '../../domain/time.js';
import {blank, field, heading, jsonLines, text, type Line} from '../widgets/lines.js';

export function runDetail(run: ActionWorkflowRun, now: number, workflowName?: string): Line[] {
	const status = runStatus(run);
	return [
		field('workflow', runName(run, workflowName)),
		field('run id', run.id),
		field('trigger', run.trigger_type),
		field('status', status, status ?? ''),
		text(run.status_v2?.status_human_description || run.status_description || '', {muted: true}),
		field(
			'triggered by',
			[run.triggered_by_type, run.triggered_by_id].filter(Boolean).join(' ') || run.created_by?.email,
		),
		field('execution time', formatNanoseconds(run.execution_time)),
		field('started', `${formatTimestamp(run.created_at)} (${ago(run.created_at, now)})`),
		field('steps', run.config?.steps?.length),
		field('log stream', run.log_stream?.id),
		blank,
		heading('Outputs'),
		...jsonLines(run.outputs, 20),
		blank,
		text('⏎ steps  L logs  v outputs', {muted: true}),
	];
}
