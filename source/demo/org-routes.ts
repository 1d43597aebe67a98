// The demo API's routes for the org, its apps, installs, components and their deploys.
import {since, type DemoApi} from './api-mode.js';
import {demoLabels} from './install-2026.js';
import type {IncomingMessage} from 'node:http';
import {
	featureNotEnabled,
	notFound,
	ok,
	shaped,
	withInstall,
	type Answer,
	type Handler,
} from './route-kit.js';
import type {Scenario} from './scenario.js';
import type {DemoInstall} from './world.js';
import * as todays from './todays-shapes.js';
import {deployAsSent} from './failure-reasons.js';
import type {InstallDeploy} from '../api/resources.js';

const orgOf = (headers: IncomingMessage['headers']) => String(headers['x-nuon-org-id'] ?? '');

const search = (query: URLSearchParams) => (name: string) =>
	name.toLowerCase().includes((query.get('q') ?? '').toLowerCase());

/**
 * `labels=k:v,k2:v2` (API 0.19.894, get_org_installs.go and get_app_installs.go: pkg/labels
 * ParseLabelsQuery, then WithLabels: every pair contained, a bare key or `*` any value); older servers
 * ignore it.
 */
const labelled = (query: URLSearchParams, api: DemoApi) => (install: DemoInstall) => {
	if (!since(api, '2026')) return true;
	const own = demoLabels(install);
	return (query.get('labels') ?? '')
		.split(',')
		.map(part => part.trim())
		.filter(Boolean)
		.every(part => {
			const [key, value = '*'] = part.includes(':') ? splitAt(part, ':') : splitAt(part, '=');
			return key! in own && (value === '*' || own[key!] === value);
		});
};

const splitAt = (part: string, separator: string): string[] => {
	const at = part.indexOf(separator);
	return at < 0 ? [part] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
};

const installDeploys = (scenario: Scenario, install: DemoInstall, t: number, api: DemoApi): Answer => ({
	list: scenario
		.installDeploys(install, t, api)
		.map(deploy => deployAsSent(api, deploy, scenario.deployPolicy(deploy.id!))),
});

export const ORG_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/general\/cli-config$/,
		() =>
			ok({
				dashboard_url: 'https://app.nuon.co',
				auth_domain: 'auth.nuon.co',
				auth_audience: 'api.nuon.co',
				auth_client_id: 'demo',
			}),
	],
	[/^\/v1\/apps$/, scenario => ({list: scenario.apps.map(app => scenario.app(app))})],
	[/^\/v1\/orgs$/, scenario => ({list: scenario.orgs()})],
	// orgs/service/get_org_accounts.go: the org-admin accounts, paged.
	[/^\/v1\/orgs\/current\/accounts$/, scenario => ({list: scenario.accounts()})],
	[
		/^\/v1\/installs$/,
		(scenario, {query, headers, t, api}) => ({
			list: scenario.installsOf(orgOf(headers)).filter(i => search(query)(i.name) && labelled(query, api)(i)),
			each: (i: DemoInstall) => scenario.listedInstall(i, t, api),
		}),
	],
	[
		/^\/v1\/apps\/([^/]+)\/installs$/,
		(scenario, {params, query, headers, t, api}) => {
			const app = scenario.apps.find(a => a.id === params[0] || a.catalog.name === params[0]);
			if (!app) return notFound(`app ${params[0]}`);
			return {
				list: scenario
					.installsOf(orgOf(headers))
					.filter(i => i.app === app && search(query)(i.name) && labelled(query, api)(i)),
				each: (i: DemoInstall) => scenario.install(i, t, api),
			};
		},
	],
	[
		/^\/v1\/apps\/([^/]+)\/components$/,
		(scenario, {params}) => {
			const app = scenario.apps.find(a => a.id === params[0] || a.catalog.name === params[0]);
			return app ? {list: app.components.map(c => scenario.component(c))} : notFound(`app ${params[0]}`);
		},
	],
	[
		/^\/v1\/installs\/([^/]+)$/,
		// get_install.go (findInstall): the drifted objects always, from December 2025.
		withInstall((scenario, install, {t, api}) =>
			ok({
				...scenario.install(install, t, api),
				...(since(api, '2025-12') ? {drifted_objects: scenario.driftedObjects(install, t, api)} : {}),
			}),
		),
	],
	[
		// get_drifted_objects.go (SDK 0.19.686, 2025-10-31): drifts_view_v2's rows of the install.
		/^\/v1\/installs\/([^/]+)\/drifted-objects$/,
		withInstall((scenario, install, {t, api}) =>
			since(api, '2025-12') ? ok(scenario.driftedObjects(install, t, api)) : notFound('route'),
		),
	],
	[
		// apps/service/get_app_branches.go: the demo org has no branches; since 2026 the route asks for the
		// org's `app-branches` feature first, which the demo org lacks.
		/^\/v1\/apps\/([^/]+)\/branches$/,
		(_scenario, {api}) => (since(api, '2026') ? featureNotEnabled('app-branches') : {list: []}),
	],
	[
		/^\/v1\/installs\/([^/]+)\/components$/,
		withInstall((scenario, install, {t, api}) => ({
			// get_install_components.go sets each component's drifted object (drifts_view_v2).
			list: install.components.map(ic => {
				const driftedObject = scenario.driftedObject(install, ic, t, api);
				return {
					...shaped(api, scenario.installComponent(install, ic, t), todays.installComponent),
					...(driftedObject ? {drifted_object: driftedObject} : {}),
				};
			}),
		})),
	],
	// Removed on 2025-11-17: today the path falls through to the component route below.
	[
		/^\/v1\/installs\/([^/]+)\/components\/summary$/,
		withInstall((scenario, install, {t, api}) =>
			since(api, '2025-12')
				? notFound('install component summary')
				: {list: install.components.map(ic => scenario.componentSummary(install, ic, t))},
		),
	],
	[
		// installs/service/get_install_deploys.go, GetInstallComponentsDeploys (since 2025-10-20): the
		// handler of the deprecated `/deploys`. Before, the path was an install component's, `deploys` its id.
		/^\/v1\/installs\/([^/]+)\/components\/deploys$/,
		withInstall((scenario, install, {t, api}) =>
			since(api, '2025-12') ? installDeploys(scenario, install, t, api) : notFound('install component'),
		),
	],
	[
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)$/,
		withInstall((scenario, install, {params, t, api}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const latest = scenario.latestDeploy(install, ic, t);
			return ok({
				...shaped(api, scenario.installComponent(install, ic, t), todays.installComponent),
				install_deploys: latest ? [latest] : [],
			});
		}),
	],
	[
		// Today's server ends this query with GORM's First: it answers the newest deploy only (404 if none).
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys$/,
		withInstall((scenario, install, {params, t, api}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const deploys = scenario.componentDeploys(ic, t);
			// Its query (get_install_component_deploys.go) preloads only the author and the build, as the latest
			// deploy's.
			const sent = (deploy: InstallDeploy) => deployAsSent(api, deploy, scenario.deployPolicy(deploy.id!));
			if (since(api, '2025-12'))
				return deploys.length
					? ok(deploys.slice(0, 1).map(todays.latestDeploy).map(sent))
					: notFound('install deploy');
			return {list: deploys.map(sent)};
		}),
	],
	[
		/^\/v1\/installs\/([^/]+)\/deploys$/,
		withInstall((scenario, install, {t, api}) => installDeploys(scenario, install, t, api)),
	],
	[
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys\/latest$/,
		withInstall((scenario, install, {params, t, api}) => {
			const ic = scenario.findInstallComponent(install, params[1]!);
			if (!ic) return notFound(`component ${params[1]}`);
			const deploy = scenario.latestDeploy(install, ic, t);
			return deploy
				? ok(deployAsSent(api, shaped(api, deploy, todays.latestDeploy), scenario.deployPolicy(deploy.id!)))
				: notFound('install deploy');
		}),
	],
	[
		/^\/v1\/installs\/([^/]+)\/deploys\/([^/]+)$/,
		withInstall((scenario, install, {params, t, api}) => {
			const deploy = scenario.deploy(params[1]!, t);
			return deploy && deploy.install_id === install.id
				? ok(deployAsSent(api, shaped(api, deploy, todays.deployById), scenario.deployPolicy(deploy.id!)))
				: notFound(`deploy ${params[1]}`);
		}),
	],
];

/** Today's route that the contract lacks (the contract's own is deprecated). */
export const TODAYS_ORG_ROUTES: Array<[RegExp, Handler]> = [
	[
		/^\/v1\/installs\/([^/]+)\/components\/([^/]+)\/deploys\/([^/]+)$/,
		withInstall((scenario, install, {params, t, api}) => {
			const deploy = scenario.deploy(params[2]!, t);
			if (!deploy || deploy.install_id !== install.id) return notFound(`deploy ${params[2]}`);
			return deploy.component_id === params[1]
				? ok(deployAsSent(api, todays.deployById(deploy), scenario.deployPolicy(deploy.id!)))
				: notFound(`deploy ${params[2]} does not belong to component ${params[1]}`);
		}),
	],
];
