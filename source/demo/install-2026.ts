// What an install carries on the 2026 server where `status` and `status_description` were (both gone
// since API 0.19.1006, SDK nuonco/nuon-python `app_install.py`): `labels` (0.19.894, pkg/labels: a map
// of strings), `lifecycle_phase` (0.19.1006, pkg/lifecyclephase: phase, description, updated_at in Unix
// seconds) and the composite health (0.19.1093, app/install.go AfterQuery: the install's
// `component_health_statuses` rolled up by CompositeComponentHealthStatus). `app_branch_id` is left
// out, as the server leaves it out of an install on no branch (a NullString, omitzero).
import type {Install} from '../api/resources.js';
import type {DemoInstall, Phase} from './world.js';

/** The demo's labels: the install's tier (from its name's environment) and its cloud region. */
export function demoLabels(install: DemoInstall): Record<string, string> {
	const tier = /-(staging|dev)$/.exec(install.name)?.[1] ?? 'prod';
	return {tier, region: install.region};
}

/** A component's live health from how its latest deploy stands (no deploy: no verdict, left out). */
function componentHealth(phase: Phase): string {
	if (phase === 'error') return 'unhealthy';
	if (phase === 'queued' || phase === 'planning' || phase === 'executing') return 'progressing';
	return 'healthy';
}

const ORDER = ['unhealthy', 'degraded', 'unknown', 'progressing'] as const;
const VERB: Record<(typeof ORDER)[number], string> = {
	unhealthy: 'unhealthy',
	degraded: 'degraded',
	unknown: 'in an unknown health state',
	progressing: 'progressing',
};

/** app/install.go CompositeComponentHealthStatus: the worst verdict and how many components have it. */
function composite(statuses: readonly string[]): {status?: string; description?: string} {
	if (statuses.length === 0) return {};
	for (const word of ORDER) {
		const n = statuses.filter(status => status === word).length;
		if (n)
			return {
				status: word,
				description: n === 1 ? `1 component is ${VERB[word]}` : `${n} components are ${VERB[word]}`,
			};
	}
	return {status: 'healthy', description: 'All components are healthy'};
}

export function since2026(
	install: DemoInstall,
	phases: ReadonlyMap<string, Phase>,
): Pick<
	Install,
	| 'labels'
	| 'lifecycle_phase'
	| 'component_health_statuses'
	| 'composite_health_status'
	| 'composite_health_status_description'
> {
	const health: Record<string, string> = {};
	for (const [componentId, phase] of phases) health[componentId] = componentHealth(phase);
	// One install in seven has a component whose pods restart: degraded, though its deploy went well.
	const first = install.components[0]?.component.id;
	if (first && health[first] === 'healthy' && install.name.length % 7 === 0) health[first] = 'degraded';
	const {status, description} = composite(Object.values(health));
	return {
		labels: demoLabels(install),
		lifecycle_phase: {
			phase: 'provisioned',
			description: 'install provisioned',
			updated_at: Math.floor(install.createdAt / 1000),
		},
		component_health_statuses: health,
		...(status ? {composite_health_status: status, composite_health_status_description: description} : {}),
	};
}
