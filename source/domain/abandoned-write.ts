// What to say of a write that was on its way when nuon-tui quit (it is abandoned, not waited for):
// which write it was, named by the ids of its path, and that nobody knows whether Nuon took it.

export interface AbandonedWrite {
	method: string;
	path: string;
	body: unknown;
}

/** One line for stderr, said after the screen is left. Ids stay as the path encodes them. */
export function abandonedWriteText({method, path, body}: AbandonedWrite): string {
	const workflow = /^\/v1\/workflows\/([^/?]+)/.exec(path)?.[1];
	const step = /\/steps\/([^/?]+)/.exec(path)?.[1];
	const fields = (body && typeof body === 'object' ? body : {}) as {
		response_type?: unknown;
		operation?: unknown;
	};
	const [what, noun] = describe(method, path, fields);
	const ids = [workflow && `workflow ${workflow}`, step && `step ${step}`].filter(Boolean).join(', ');
	return (
		`nuon-tui quit while ${what}${ids ? ` (${ids})` : ''} was on its way: ${noun} may or may not have ` +
		`been taken: check with nuon-tui (w on the install lists its workflows) or the Nuon dashboard`
	);
}

function describe(
	method: string,
	path: string,
	{response_type: answer, operation}: {response_type?: unknown; operation?: unknown},
): [string, string] {
	if (/\/approvals\/[^/]+\/response$/.test(path))
		return answer === 'approve'
			? ['approving the plan', 'the approval']
			: [`answering the plan (${typeof answer === 'string' ? answer : 'an answer'})`, 'the answer'];
	if (method === 'PATCH') return ['approving every plan of the workflow (approve all)', 'approve all'];
	if (path.endsWith('/cancel')) return ['cancelling the workflow', 'the cancel'];
	if (path.endsWith('/skip') || operation === 'skip-step') return ['skipping the step', 'the skip'];
	if (path.endsWith('/retry')) return ['retrying the step', 'the retry'];
	return [`${method} ${path}`, 'it'];
}
