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
		const found = pickByName(
			apps,
			flags.app,
			app => [app.id, app.name, app.display_name],
			app => app.name,
		);
		if (typeof found === 'string') throw new ScopeError(`No app "${flags.app}" in this org; ${found}.`);
		scope.app = found;
	}
	if (flags.install) {
		try {
			scope.install = await api.getInstall(client, flags.install); // the API accepts an id or a name
		} catch (error) {
			if (!(error instanceof NuonApiError && error.isNotFound)) throw error;
			// Not an id or a name: the server's search says which installs were meant.
			const {items} = await api
				.listInstallsPage(client, 0, scope.app?.id, flags.install, 10)
				.catch(() => ({items: [] as api.Install[]}));
			const names = items.map(install => install.name).filter(Boolean);
			if (names.length === 1) {
				scope.install = items[0];
			} else {
				throw new ScopeError(
					`No install "${flags.install}" in this ` +
						`org${names.length ? `; did you mean ${names.join(', ')}?` : '.'}`,
				);
			}
		}
	}
	if (flags.component) {
		if (!scope.install?.id)
			throw new ScopeError('--component needs --install: components belong to an install.');
		const components = await api.listInstallComponents(client, scope.install.id);
		const match = pickByName(
			components,
			flags.component,
			ic => [ic.component_id, ic.component?.name, ic.id],
			ic => ic.component?.name,
		);
		if (typeof match === 'string' || !match.component_id)
			throw new ScopeError(
				`No component "${flags.component}" in ${scope.install.name}; ` +
					`${typeof match === 'string' ? match : 'it has no component id'}.`,
			);
		scope.component = {id: match.component_id, name: match.component?.name ?? match.component_id};
	}
	return scope;
}

/**
 * The one item `wanted` names: its id or name exactly (`keys`), else the only one whose name holds
 * it (any case). Otherwise a clause saying which were meant, or which there are.
 */
export function pickByName<T>(
	items: readonly T[],
	wanted: string,
	keys: (item: T) => Array<string | undefined>,
	name: (item: T) => string | undefined,
): T | string {
	const exact = items.find(item => keys(item).includes(wanted));
	if (exact) return exact;
	const needle = wanted.toLowerCase();
	const partial = items.filter(item => name(item)?.toLowerCase().includes(needle));
	if (partial.length === 1) return partial[0]!;
	const names = (list: readonly T[]) => list.map(name).filter(Boolean).join(', ');
	return partial.length ? `did you mean ${names(partial)}?` : `there are: ${names(items) || 'none'}`;
}
