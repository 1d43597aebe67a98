// An install component's deploys: the latest, one by id, a page of them.
import type {NuonClient} from './client.js';
import {NuonApiError} from './errors.js';
import {listPage, type Page} from './paging.js';
import {eitherRoute, getData, memoryOf} from './route-memory.js';
import type {InstallDeploy} from './types.js';
import {lacksRelations, mergeDeploys} from '../domain/latest-deploy.js';

const id = encodeURIComponent;

/**
 * A component's latest deploy, whole. Today's server answers it without runner jobs, runs, artifact
 * or log stream: then the deploy by id (which has them) is read too, and the two are merged.
 */
export async function getLatestDeploy(
	client: NuonClient,
	installId: string,
	componentId: string,
): Promise<InstallDeploy> {
	const latest = (
		await client.get<InstallDeploy>(
			`/v1/installs/${id(installId)}/components/${id(componentId)}/deploys/latest`,
		)
	).data;
	if (!lacksRelations(latest) || typeof latest.id !== 'string' || !latest.id) return latest;
	return mergeDeploys(latest, await getDeploy(client, installId, latest.id, componentId));
}

/**
 * A page of a component's deploys, newest first. Today's server answers the component's route with
 * the newest deploy only (its query ends in GORM's `First`); when the first page brings at most one,
 * the install's deploys (deprecated, still served) are read instead, keeping this component's, and
 * the later pages come from there too.
 */
export async function listComponentDeploysPage(
	client: NuonClient,
	installId: string,
	componentId: string,
	offset: number,
): Promise<Page<InstallDeploy>> {
	const memory = memoryOf(client);
	const fromInstall = async (): Promise<Page<InstallDeploy>> => {
		const page = await listInstallDeploysPage(client, installId, offset);
		return {
			...page,
			items: page.items.filter(deploy => deploy.component_id === componentId),
			nextOffset: offset + page.items.length,
		};
	};
	if (offset > 0 && memory.get(`component-deploys:${installId}:${componentId}`) === 'legacy')
		return fromInstall();
	let page: Page<InstallDeploy>;
	try {
		page = await listPage<InstallDeploy>(
			client,
			`/v1/installs/${id(installId)}/components/${id(componentId)}/deploys`,
			offset,
		);
	} catch (error) {
		if (!(error instanceof NuonApiError && error.isNotFound)) throw error;
		page = {items: [], offset, hasNext: false}; // no deploy at all (today's server), or no such route
	}
	if (offset > 0 || page.items.length > 1 || page.hasNext) return page;
	memory.set(`component-deploys:${installId}:${componentId}`, 'legacy');
	return fromInstall();
}

/**
 * A page of an install's deploys, every component's, newest first. `/components/deploys` (since
 * 2025-10-20) and the deprecated `/deploys` are the one handler (installs/service/get_install_deploys.go);
 * before, the path was an install component's (`/components/:component_id`), which answers its JSON
 * 404 for `deploys`: then the older route, learnt for the session.
 */
export const listInstallDeploysPage = (client: NuonClient, installId: string, offset = 0) =>
	eitherRoute(
		client,
		'install-deploys',
		[`/v1/installs/${id(installId)}/components/deploys`, `/v1/installs/${id(installId)}/deploys`],
		path => listPage<InstallDeploy>(client, path, offset),
	);

/** A deploy by id: today under its component; the contract's route (deprecated) without one. */
export const getDeploy = (client: NuonClient, installId: string, deployId: string, componentId?: string) =>
	componentId
		? eitherRoute(
				client,
				'deploy',
				[
					`/v1/installs/${id(installId)}/components/${id(componentId)}/deploys/${id(deployId)}`,
					`/v1/installs/${id(installId)}/deploys/${id(deployId)}`,
				],
				getData<InstallDeploy>(client),
			)
		: getData<InstallDeploy>(client)(`/v1/installs/${id(installId)}/deploys/${id(deployId)}`);
