// Dashboard links (routes from the Nuon dashboard) and the terminal sequences that copy text
// (OSC 52) and make links clickable (OSC 8).

export interface LinkTarget {
	installId?: string;
	componentId?: string;
	deployId?: string;
	actionWorkflowId?: string;
	runId?: string;
	workflowId?: string;
}

/** The dashboard page of a target; undefined when it has no page (a runner job links its owner). */
export function dashboardLink(dashboardUrl: string, orgId: string, target: LinkTarget): string {
	const base = `${dashboardUrl.replace(/\/+$/, '')}/${encodeURIComponent(orgId)}/installs`;
	const id = encodeURIComponent;
	if (!target.installId) return base;
	const install = `${base}/${id(target.installId)}`;
	if (target.workflowId) return `${install}/workflows/${id(target.workflowId)}`;
	if (target.runId && target.actionWorkflowId)
		return `${install}/actions/${id(target.actionWorkflowId)}/${id(target.runId)}`;
	if (target.componentId && target.deployId)
		return `${install}/components/${id(target.componentId)}/deploys/${id(target.deployId)}`;
	if (target.componentId) return `${install}/components/${id(target.componentId)}`;
	return install;
}

/**
 * OSC 52: put `text` on the clipboard of the terminal the user sits at (it crosses SSH). Inside
 * tmux the plain sequence goes to tmux itself (with `set-clipboard on` it lands in tmux's buffer
 * and on the outer terminal's clipboard), followed by the passthrough-wrapped one for tmux set up
 * with `allow-passthrough`. Inside screen it is wrapped so screen passes it on.
 */
export function copySequence(text: string, env: NodeJS.ProcessEnv): string {
	const osc = `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
	if (env.TMUX) return `${osc}\u001BPtmux;${osc.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`;
	if (env.STY || env.TERM?.startsWith('screen')) return `\u001BP${osc}\u001B\\`;
	return osc;
}

/** OSC 8: `label` as a hyperlink to `url` in terminals that support it (others show the label). */
export function hyperlink(url: string, label = url): string {
	return `\u001B]8;;${url}\u0007${label}\u001B]8;;\u0007`;
}
