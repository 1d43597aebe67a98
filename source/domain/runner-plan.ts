// A runner job's plan as the viewer shows it. The server keeps the runner's plan (a deploy plan:
// what to deploy, and in `apply_plan_display` what it will change, as text); /composite-plan sends
// it under its kind (`deploy_plan`), /plan as its JSON text.

/**
 * The plan's text with each `apply_plan_display` that holds JSON shown as that JSON, not as one
 * long string, and first in its object: what the job will change is what a reader looks for.
 */
export function readablePlan(text: string): string {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return text;
	}
	return value !== null && typeof value === 'object' ? JSON.stringify(expandDisplays(value)) : text;
}

/**
 * Names whose values are secrets: a runner's deploy plan carries the cloud credentials
 * (`aws_auth`, `azure_auth`), environment variables and Terraform variables of the install, which
 * are not the reader's to see over a shared screen or an SSH session.
 */
const SECRET_NAME = /secret|password|passwd|token|private_key|access_key|credential|api_key|client_key/i;
const HIDDEN = '(hidden by nuon-tui)';

function expandDisplays(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(expandDisplays);
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value).map(([key, inner]): [string, unknown] => [
		key,
		key === 'apply_plan_display' && typeof inner === 'string'
			? parsedOr(inner)
			: SECRET_NAME.test(key) && typeof inner === 'string' && inner
				? HIDDEN
				: expandDisplays(inner),
	]);
	return Object.fromEntries([
		...entries.filter(([key]) => key === 'apply_plan_display'),
		...entries.filter(([key]) => key !== 'apply_plan_display'),
	]);
}

function parsedOr(text: string): unknown {
	try {
		const parsed: unknown = JSON.parse(text);
		return parsed !== null && typeof parsed === 'object' ? parsed : text;
	} catch {
		return text;
	}
}
