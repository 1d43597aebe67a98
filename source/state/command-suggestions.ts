// What the `:` command line could complete to, asked of the server as the user types.
import {ENDPOINTS} from './endpoints.js';
import {useEndpoint} from './resource.js';

const ONCE = {refreshInterval: 0};

/** What the `:` command line could complete to: install names (a server-side search), apps, components. */
export function useCommandSuggestions(
	command: string | undefined,
	argument: string,
	installId: string | undefined,
): string[] {
	const installs = useEndpoint(
		ENDPOINTS.installSearch,
		command === 'install' ? {query: argument} : undefined,
	);
	const apps = useEndpoint(ENDPOINTS.apps, command === 'app' ? {} : undefined, ONCE);
	const components = useEndpoint(
		ENDPOINTS.installComponents,
		command === 'component' && installId ? {installId} : undefined,
	);
	const orgs = useEndpoint(ENDPOINTS.orgs, command === 'org' ? {} : undefined);
	const names =
		command === 'install'
			? (installs.data ?? []).map(i => i.name ?? '')
			: command === 'app'
				? (apps.data ?? []).map(a => a.name ?? '')
				: command === 'component'
					? (components.data ?? []).map(c => c.component?.name ?? '')
					: command === 'org'
						? (orgs.data ?? []).map(o => o.name ?? o.id ?? '')
						: [];
	const needle = argument.toLowerCase();
	return names.filter(name => name?.toLowerCase().includes(needle)).slice(0, 8);
}
