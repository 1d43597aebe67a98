// The demo's scenario as a test needs it: the install that failed, the one waiting for an approval,
// how many there are, a job's log stream. Each is found by what it is, through the scenario's public
// objects, so a test says what it needs and keeps working when the demo's data changes.
import type {ComponentKind} from '../../source/demo/catalog.js';
import {demoLabels} from '../../source/demo/install-2026.js';
import {Scenario} from '../../source/demo/scenario.js';
import type {DemoInstall, DemoInstallComponent} from '../../source/demo/world.js';

let cliDemo: Scenario | undefined;

/** The scenario `--demo` and `demo-server` build by default: what a built CLI under test shows. */
export function defaultScenario(): Scenario {
	cliDemo ??= new Scenario({startedAt: 0});
	return cliDemo;
}

/** The org's installs in the order its installs list has them. */
export const listedInstalls = (scenario = defaultScenario()): DemoInstall[] =>
	scenario.installsOf(scenario.orgId);

export const installCount = (scenario = defaultScenario()): number => listedInstalls(scenario).length;

/** The installs list's title once every install has loaded: `Installs (36)`. */
export const installsTitle = (scenario = defaultScenario()): string => `Installs (${installCount(scenario)})`;

/** The install the list opens on (selected first). */
export const firstInstall = (scenario = defaultScenario()): DemoInstall => listedInstalls(scenario)[0]!;

/** The install one row below it. */
export const secondInstall = (scenario = defaultScenario()): DemoInstall => listedInstalls(scenario)[1]!;

/** An install that is neither of the first two rows, for a test that opens one straight away. */
export const anotherInstall = (scenario = defaultScenario()): DemoInstall => listedInstalls(scenario)[2]!;

/** The installs whose name has `text` in it, in any case, as the `/` filter finds them. */
export const installsMatching = (scenario: Scenario, text: string): DemoInstall[] =>
	listedInstalls(scenario).filter(install => install.name.toLowerCase().includes(text.toLowerCase()));

/** A label the demo gives some installs and not others on 2026 (`tier:staging`), and the installs with it. */
export function aLabel(scenario: Scenario): {key: string; value: string; installs: DemoInstall[]} {
	const all = listedInstalls(scenario);
	const [key, value] = Object.entries(demoLabels(all.at(-1)!)).find(([k, v]) =>
		all.some(install => demoLabels(install)[k] !== v),
	)!;
	return {key, value, installs: all.filter(install => demoLabels(install)[key] === value)};
}

/** The installs of one app, by its catalog name (`relay-cdn`). */
export const installsOfApp = (scenario: Scenario, appName: string): DemoInstall[] =>
	listedInstalls(scenario).filter(install => install.app.catalog.name === appName);

/** The installs the rollout of the new release reaches. */
export const rolloutInstalls = (scenario = defaultScenario()): DemoInstall[] =>
	listedInstalls(scenario).filter(install => install.components.some(ic => ic.rollout));

const first = <T>(found: T | undefined, what: string): T => {
	if (found === undefined) throw new Error(`the demo has no ${what}`);
	return found;
};

/** The install whose rollout fails: a Helm chart's deploy ends in error, the components after it wait. */
export const failedInstall = (scenario = defaultScenario()): DemoInstall =>
	first(
		listedInstalls(scenario).find(install => install.components.some(ic => ic.rollout?.schedule.fails)),
		'install whose rollout fails',
	);

/** The rollout's deploy that fails. */
export const failedComponent = (install: DemoInstall): DemoInstallComponent =>
	first(
		install.components.find(ic => ic.rollout?.schedule.fails),
		`failed deploy on ${install.name}`,
	);

type ApprovalType = 'terraform_plan' | 'helm_approval';

/** The install whose rollout asks for an approval of this kind: a Terraform plan waits for a person
 * (a teammate answers it after five scenario minutes), a Helm diff a teammate approves after 25 s. */
export const installAwaitingApproval = (
	scenario = defaultScenario(),
	type: ApprovalType = 'terraform_plan',
): DemoInstall =>
	first(
		listedInstalls(scenario).find(install =>
			install.components.some(ic => ic.rollout?.schedule.approval?.type === type),
		),
		`install whose rollout asks for a ${type} approval`,
	);

/** The component of an install whose rollout deploy asks for an approval. */
export const componentAwaitingApproval = (install: DemoInstall): DemoInstallComponent =>
	first(
		install.components.find(ic => ic.rollout?.schedule.approval),
		`approval on ${install.name}`,
	);

/** An install the rollout does not reach, optionally one that `fits`. */
export const installOutsideRollout = (
	scenario = defaultScenario(),
	fits: (install: DemoInstall) => boolean = () => true,
): DemoInstall =>
	first(
		listedInstalls(scenario).find(install => !install.components.some(ic => ic.rollout) && fits(install)),
		'install outside the rollout',
	);

/** The install's first component the rollout deploys, of a kind when given. */
export const rolloutComponent = (install: DemoInstall, kind?: ComponentKind): DemoInstallComponent =>
	first(
		install.components.find(ic => ic.rollout && (kind === undefined || ic.component.type === kind)),
		`${kind ?? 'component'} in the rollout on ${install.name}`,
	);

/** The latest deploy of the rollout's component on `install`, as a location to start the explorer at. */
export const rolloutDeployLocation = (install: DemoInstall) => {
	const ic = rolloutComponent(install);
	return {
		kind: 'deploy' as const,
		installId: install.id,
		installName: install.name,
		componentId: ic.component.id,
		componentName: ic.component.name,
	};
};

/**
 * The log stream of a rollout deploy, read from the deploy the demo serves once it has finished:
 * the deploy's own (`deploy`), its runner's plan job's (`plan`: a Terraform plan has over 250
 * records) or its image sync's (`sync`).
 */
export function logStreamOf(
	scenario: Scenario,
	ic: DemoInstallComponent,
	stream: 'deploy' | 'plan' | 'sync' = 'plan',
): string {
	const rollout = first(ic.rollout, `rollout deploy of ${ic.component.name}`);
	const deploy = first(scenario.deploy(rollout.id, rollout.schedule.doneAt), `deploy ${rollout.id}`);
	if (stream === 'deploy') return deploy.log_stream!.id!;
	const job = deploy.runner_jobs?.find(found =>
		stream === 'sync' ? found.group === 'sync' : found.operation === 'create-apply-plan',
	);
	return first(job?.log_stream_id, `${stream} job of ${ic.component.name}`);
}

/** The log stream of an install's health probe, the run in progress (or last) at scenario second `t`. */
export function healthProbeStream(scenario: Scenario, install: DemoInstall, t: number): string {
	const runs = scenario.latestRuns(install, t).flatMap(workflow => workflow.runs ?? []);
	const probe = runs.find(run => run.trigger_type === 'cron');
	return first(probe?.log_stream?.id, `health probe on ${install.name}`);
}

/** Moments of the rollout a write needs: the Terraform plan waits for its approval at scenario second 20;
 * the failed install's last step has failed by 200. */
export const AWAITING = {install: installAwaitingApproval, at: 20};
export const FAILED = {install: failedInstall, at: 200};

/** An install whose rollout workflow is still queued (`pending`) at scenario second 0. */
export const queuedInstall = (scenario = defaultScenario()): DemoInstall =>
	first(
		listedInstalls(scenario).find(
			install => scenario.workflow(install.workflowIds[0]!, 0)?.status?.status === 'pending',
		),
		'install whose rollout workflow is queued at the start',
	);

/** The installs a hotfix of the release reaches once they have the release (the first few of one app). */
export const hotfixInstalls = (scenario = defaultScenario()): DemoInstall[] =>
	listedInstalls(scenario).filter(install => install.components.some(ic => ic.hotfix));

/** When a rollout moves on an install: from its first deploy's queueing to its last one's end. */
const span = (install: DemoInstall, which: 'rollout' | 'hotfix') => {
	const schedules = install.components.flatMap(ic => (ic[which] ? [ic[which].schedule] : []));
	return {
		from: Math.min(...schedules.map(s => s.queuedAt)),
		to: Math.max(...schedules.map(s => s.doneAt)),
	};
};

/**
 * Two releases in flight on one app: a scenario second `at` at which the hotfix moves on `hotfixed`
 * while the release it fixes still moves on `onRelease`, an install of the same app it has not reached.
 */
export function twoReleasesInFlight(scenario = defaultScenario()): {
	at: number;
	hotfixed: DemoInstall;
	onRelease: DemoInstall;
} {
	for (const hotfixed of hotfixInstalls(scenario)) {
		const hotfix = span(hotfixed, 'hotfix');
		for (const onRelease of installsOfApp(scenario, hotfixed.app.catalog.name)) {
			if (!rolloutInstalls(scenario).includes(onRelease) || hotfixInstalls(scenario).includes(onRelease))
				continue;
			const release = span(onRelease, 'rollout');
			const at = Math.ceil(Math.max(hotfix.from, release.from)) + 1;
			if (at < Math.min(hotfix.to, release.to)) return {at, hotfixed, onRelease};
		}
	}
	throw new Error('the demo has no moment with two releases in flight on one app');
}

/** A workflow with more steps than a page of the steps route holds (10), and its install. */
export function workflowWithManySteps(
	scenario: Scenario,
	t: number,
): {install: DemoInstall; workflowId: string; name: string; steps: number} {
	for (const install of listedInstalls(scenario))
		for (const workflowId of install.workflowIds) {
			const steps = scenario.workflowSteps(workflowId, t)?.length ?? 0;
			if (steps > 10) return {install, workflowId, name: scenario.workflow(workflowId, t)!.name!, steps};
		}
	throw new Error('the demo has no workflow with more than 10 steps');
}
