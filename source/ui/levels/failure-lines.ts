// "Why it failed" in a detail pane: what the server says about a failed deploy, job or step, its
// sections and hints as lines, then the policy violations of the deploy.
import {record} from '../../domain/fields.js';
import {failureReason, policyViolations, reasonPhase} from '../../domain/failure-reason.js';
import {blank, field, heading, text, type Line} from '../widgets/lines.js';

/** `failed`: a deploy (`composite_error`, `policy_reports`) or a runner job (`composite_error`). */
export function failureLines(failed: unknown, title = 'Why it failed'): Line[] {
	const reason = failureReason(record(failed)?.composite_error);
	const violations = policyViolations(record(failed)?.policy_reports);
	const count = (severity: string) => violations.filter(v => v.severity === severity).length;
	return [
		...(reason
			? [
					blank,
					heading(title),
					...(reason.message ? [text(reason.message, {tone: reasonPhase(reason.severity)})] : []),
					field('type', reason.type),
					field('severity', reason.severity),
					...reason.sections.flatMap(section => [
						...(section.heading ? [text(section.heading, {muted: true})] : []),
						...(section.body ? [text(section.body)] : []),
					]),
					...reason.hints.map(([name, hint]) => field(name.replaceAll('_', ' '), hint)),
				]
			: []),
		...(violations.length
			? [
					blank,
					heading(`Policy violations (${count('deny')} deny · ${count('warn')} warn)`),
					...violations.map(v =>
						text([v.severity, v.policy, v.input, v.message].filter(Boolean).join('  '), {
							tone: reasonPhase(v.severity),
						}),
					),
				]
			: []),
	];
}
