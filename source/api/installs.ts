// Installs and their components.
import type {NuonClient} from './client.js';
import {NuonApiError} from './errors.js';
import {keepLabelled, labelsFilterOf, labelsParameter} from './install-labels.js';
import {listAll, listPage, PAGE_LIMIT, type Page} from './paging.js';
import {memoryOf} from './route-memory.js';
import type {Install, InstallComponent, InstallComponentSummary} from './types.js';

const id = encodeURIComponent;

const installsPath = (appId?: string) => (appId ? `/v1/apps/${id(appId)}/installs` : '/v1/installs');

/** Every install (one app's or all), page after page: for `watch --until-done`. */
export const listAllInstalls = async (client: NuonClient, appId?: string) =>
	keepLabelled(
		client,
		await listAll<Install>(client, installsPath(appId), labelsParameter(client), Infinity),
	);

/** One page of installs; with a `--labels` filter, the next page starts after every item the server sent. */
export async function listInstallsPage(
	client: NuonClient,
	offset: number,
	appId?: string,
	q?: string,
	limit = PAGE_LIMIT,
): Promise<Page<Install>> {
	const page = await listPage<Install>(
		client,
		installsPath(appId),
		offset,
		{q, ...labelsParameter(client)},
		limit,
	);
	if (!labelsFilterOf(client)) return page;
	return {...page, items: keepLabelled(client, page.items), nextOffset: offset + page.items.length};
}

export const getInstall = async (client: NuonClient, installId: string) =>
	(await client.get<Install>(`/v1/installs/${id(installId)}`)).data;

export const listInstallComponents = (client: NuonClient, installId: string) =>
	listAll<InstallComponent>(client, `/v1/installs/${id(installId)}/components`);

const SUMMARY = 'components-summary';

/**
 * The component summaries: an optional extra (dependency names, build status). Removed from the
 * server on 2025-11-17, where the path falls through to a component named "summary" and 404s: after
 * one 404 it is not asked for again this session, and `undefined` says there is none.
 */
export async function listInstallComponentSummaries(
	client: NuonClient,
	installId: string,
): Promise<InstallComponentSummary[] | undefined> {
	const memory = memoryOf(client);
	if (memory.get(SUMMARY) === 'gone') return undefined;
	try {
		return await listAll<InstallComponentSummary>(client, `/v1/installs/${id(installId)}/components/summary`);
	} catch (error) {
		if (!(error instanceof NuonApiError && error.isNotFound)) throw error;
		memory.set(SUMMARY, 'gone');
		return undefined;
	}
}
