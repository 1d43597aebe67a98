// The org: its apps and their components, its accounts, the CLI's settings.
import type {NuonClient} from './client.js';
import {listAll} from './paging.js';
import type {Account, App, CliConfig, Component, Org} from './types.js';

const id = encodeURIComponent;

export const listApps = (client: NuonClient) => listAll<App>(client, '/v1/apps');

export const listOrgs = (client: NuonClient) => listAll<Org>(client, '/v1/orgs');

/**
 * The org's accounts with their e-mails (orgs/service/get_org_accounts.go: those with the org-admin
 * role), to name who answered an approval: a response carries only `created_by_id`.
 */
export const listOrgAccounts = (client: NuonClient) => listAll<Account>(client, '/v1/orgs/current/accounts');

export const listAppComponents = (client: NuonClient, appId: string) =>
	listAll<Component>(client, `/v1/apps/${id(appId)}/components`);

export const getCliConfig = async (client: NuonClient) =>
	(await client.get<CliConfig>('/v1/general/cli-config')).data;
