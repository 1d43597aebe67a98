// What the `:` command line could complete to, asked of the server as the user types.
import * as api from '../api/resources.js';
import {APPS_KEY} from './cache-keys.js';
import {useClient, useResource} from './resource.js';

/** What the `:` command line could complete to: install names (a server-side search), apps, components. */
export function useCommandSuggestions(
	command: string | undefined,
	argument: string,
	installId: string | undefined,
): string[] {
	const client = useClient();
	const installs = useResource(
		command === 'install' ? ['search-installs', argument] : null,
		async () => (await api.listInstallsPage(client, 0, undefined, argument || undefined, 10)).items,
		{refreshInterval: 0},
	);
	const apps = useResource(command === 'app' ? APPS_KEY : null, () => api.listApps(client), {
		refreshInterval: 0,
	});
	const components = useResource(
		command === 'component' && installId ? ['components-names', installId] : null,
		() => api.listInstallComponents(client, installId!),
		{refreshInterval: 0},
	);
	const orgs = useResource(command === 'org' ? 'orgs' : null, () => api.listOrgs(client), {
		refreshInterval: 0,
	});
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
