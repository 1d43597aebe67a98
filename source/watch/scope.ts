// What a watch (or a start flag) points at: an app, an install by id or name, a component by name
// or id. Resolved once against the API, with messages that say what was not found.
import type {NuonClient} from '../api/client.js';
import {NuonApiError} from '../api/errors.js';
import * as api from '../api/resources.js';

export interface ScopeFlags {
	app?: string;
	install?: string;
	component?: string;
}

export interface Scope {
	app?: api.App;
	install?: api.Install;
	component?: {id: string; name: string};
}

export class ScopeError extends Error {
	override name = 'ScopeError';
}

export async function resolveScope(client: NuonClient, flags: ScopeFlags): Promise<Scope> {
	const scope: Scope = {};
	if (flags.app) {
		const apps = await api.listApps(client);
		scope.app = apps.find(app => app.id === flags.app || app.name === flags.app || app.display_name === flags.app);
		if (!scope.app) throw new ScopeError(`No app "${flags.app}" in this org (apps: ${apps.map(a => a.name).join(', ') || 'none'}).`);
	}
	if (flags.install) {
		try {
			scope.install = await api.getInstall(client, flags.install); // the API accepts an id or a name
		} catch (error) {
			if (!(error instanceof NuonApiError && error.isNotFound)) throw error;
			// Not an id or a name: the server's search says which installs were meant.
			const {items} = await api.listInstallsPage(client, 0, scope.app?.id, flags.install, 10).catch(() => ({items: [] as api.Install[]}));
			const names = items.map(install => install.name).filter(Boolean);
			if (names.length === 1) {
				scope.install = items[0];
			} else {
				throw new ScopeError(`No install "${flags.install}" in this org${names.length ? `; did you mean ${names.join(', ')}?` : '.'}`);
			}
		}
	}
	if (flags.component) {
		if (!scope.install?.id) throw new ScopeError('--component needs --install: components belong to an install.');
		const components = await api.listInstallComponents(client, scope.install.id);
		const match = components.find(ic => ic.component_id === flags.component || ic.component?.name === flags.component || ic.id === flags.component);
		if (!match?.component_id) {
			throw new ScopeError(`No component "${flags.component}" in ${scope.install.name} (components: ${components.map(c => c.component?.name).filter(Boolean).join(', ')}).`);
		}
		scope.component = {id: match.component_id, name: match.component?.name ?? match.component_id};
	}
	return scope;
}
