// The installs a watch reads, from the one list that carries each component's latest deploy: the
// org's (get_org_installs.go preloads install_components[].install_deploys). An app's list
// (get_app_installs.go) and an install by id (get_install.go) carry only `component_statuses`,
// which today's server does not update while a deploy plans and waits for an approval.
import type {NuonClient} from '../api/client.js';
import * as api from '../api/resources.js';
import {seePastDriftChecks} from '../state/drift-checks.js';
import type {Scope} from './scope.js';

export async function watchedInstalls(client: NuonClient, scope: Scope): Promise<api.Install[]> {
	const {install, app} = scope;
	if (install?.id) {
		// The server's name search finds it in one request; a server that ignores `q` may not.
		const {items} = await api.listInstallsPage(client, 0, undefined, install.name || install.id);
		await seePastDriftChecks(client, items);
		return [items.find(found => found.id === install.id) ?? (await api.getInstall(client, install.id))];
	}
	const installs = await api.listAllInstalls(client);
	await seePastDriftChecks(client, installs);
	return app?.id ? installs.filter(found => found.app_id === app.id) : installs;
}
