// Why something failed, as the server of 2026 says it: a deploy's `composite_error` (SDK 0.19.1012,
// 2026-06-18), a runner job's (0.19.1117, 2026-08-11): type, severity, message, sections and hints
// (compositeerrors.CompositeErrorData); and the deny/warn violations of a deploy's `policy_reports`
// (0.19.771, 2026-02-12). Read from any value: a field of the wrong type reads as missing.
import {list, record, text} from './fields.js';
import type {Phase} from './status.js';

export interface FailureSection {
	heading?: string;
	body?: string;
}

export interface FailureReason {
	type?: string;
	severity?: string;
	message?: string;
	sections: FailureSection[];
	/** The open bag of hints (`compositeerrors.Hints`, string to string), in the server's order. */
	hints: Array<[string, string]>;
}

export function failureReason(value: unknown): FailureReason | undefined {
	const error = record(value);
	if (!error) return undefined;
	const sections = list(error.sections)
		.map(record)
		.filter(section => section !== undefined)
		.map(section => ({heading: text(section.heading), body: text(section.body)}))
		.filter(section => section.heading || section.body);
	const hints = Object.entries(record(error.hints) ?? {}).filter(
		(hint): hint is [string, string] => typeof hint[1] === 'string' && hint[1] !== '',
	);
	const reason = {
		type: text(error.type) || undefined,
		severity: text(error.severity) || undefined,
		message: text(error.message) || undefined,
		sections,
		hints,
	};
	return reason.type || reason.message || sections.length || hints.length ? reason : undefined;
}

export interface PolicyViolation {
	/** "deny" or "warn" (app.PolicyViolation), or whatever else the server sends. */
	severity: string;
	policy?: string;
	input?: string;
	message?: string;
}

/** The violations of a deploy's policy reports, denials first. */
export function policyViolations(reports: unknown): PolicyViolation[] {
	const found = list(reports)
		.flatMap(report => list(record(report)?.violations))
		.map(record)
		.filter(violation => violation !== undefined)
		.map(violation => ({
			severity: text(violation.severity) || '?',
			policy: text(violation.policy_name) || text(violation.policy_id) || undefined,
			input: text(violation.input_identity) || undefined,
			message: text(violation.message) || undefined,
		}));
	return [...found.filter(v => v.severity === 'deny'), ...found.filter(v => v.severity !== 'deny')];
}

const SEVERITY_PHASE: Record<string, Phase> = {
	fatal: 'failure',
	error: 'failure',
	deny: 'failure',
	warning: 'warning',
	warn: 'warning',
	info: 'neutral',
};

/** A failure's or a violation's severity as a phase, for its colour; an unknown one is neither. */
export const reasonPhase = (severity: string | undefined): Phase =>
	SEVERITY_PHASE[severity?.toLowerCase() ?? ''] ?? 'unknown';
