// Action workflow runs as pure functions of scenario time: the post-deploy smoke test and the cron
// health probe, their steps in order.
import type {Window} from './activity.js';

export interface StepWindow extends Window {
	id: string;
	name: string;
	idx: number;
	fails: boolean;
	command?: string;
	inlineContents?: string;
	repo?: {repo: string; branch: string; directory: string};
	envVars: Record<string, string>;
}

export interface RunWindow extends Window {
	id: string;
	workflowId: string;
	workflowName: string;
	trigger: 'post-deploy-component' | 'cron';
	steps: StepWindow[];
	fails: boolean;
	logStreamId: string;
	jobId: string;
}

interface StepTemplate {
	name: string;
	share: number;
	command?: string;
	inlineContents?: string;
	repo?: StepWindow['repo'];
	envVars: Record<string, string>;
}

export const WORKFLOWS: Record<RunWindow['trigger'], {name: string; steps: StepTemplate[]}> = {
	'post-deploy-component': {
		name: 'smoke-test',
		steps: [
			{
				name: 'wait for rollout',
				share: 0.3,
				command: 'kubectl rollout status deploy/$COMPONENT --timeout=120s',
				envVars: {COMPONENT: '', NAMESPACE: ''},
			},
			{
				name: 'http health check',
				share: 0.5,
				inlineContents:
					'#!/bin/sh\nset -e\nfor i in 1 2 3; do\n  curl -fsS "https://$HOST/healthz"\n  sleep 1\ndone\n',
				envVars: {HOST: '', RETRIES: ''},
			},
			{
				name: 'report',
				share: 0.2,
				command: './scripts/report.sh',
				repo: {repo: 'ledgerly/ops-actions', branch: 'main', directory: 'smoke'},
				envVars: {SLACK_CHANNEL: ''},
			},
		],
	},
	cron: {
		name: 'health-probe',
		steps: [
			{
				name: 'collect metrics',
				share: 0.35,
				command: 'nuon-probe collect --window 5m',
				envVars: {PROBE_WINDOW: '', REGION: ''},
			},
			{
				name: 'check certificates',
				share: 0.25,
				inlineContents:
					'#!/bin/sh\nopenssl s_client -connect "$HOST:443" </dev/null | openssl x509 -noout -dates\n',
				envVars: {HOST: ''},
			},
			{
				name: 'upload report',
				share: 0.4,
				command: 'make upload',
				repo: {repo: 'ledgerly/ops-actions', branch: 'main', directory: 'probe'},
				envVars: {BUCKET: '', AWS_REGION: ''},
			},
		],
	},
};

/** Cron runs: every PERIOD seconds, each lasting DURATION, offset per install. */
export const CRON_PERIOD = 90;
export const CRON_DURATION = 40;

export function actionRun(
	id: string,
	trigger: RunWindow['trigger'],
	from: number,
	duration: number,
	fails = false,
): RunWindow {
	const workflow = WORKFLOWS[trigger];
	let at = from;
	const steps = workflow.steps.map((template, idx) => {
		const step: StepWindow = {
			id: `aws${id.slice(3, 24)}${idx}`,
			name: template.name,
			idx,
			from: at,
			to: at + template.share * duration,
			fails: fails && idx === workflow.steps.length - 1,
			command: template.command,
			inlineContents: template.inlineContents,
			repo: template.repo,
			envVars: template.envVars,
		};
		at = step.to;
		return step;
	});
	return {
		id,
		workflowId: `awf${trigger === 'cron' ? 'cronhealthprobe' : 'postdeploysmoke'}00000000`.slice(0, 26),
		workflowName: workflow.name,
		trigger,
		from,
		to: from + duration,
		steps,
		fails,
		logStreamId: `${trigger === 'cron' ? 'lgc' : 'lgr'}${id.slice(3)}`,
		jobId: `${trigger === 'cron' ? 'rjc' : 'rja'}${id.slice(3)}`,
	};
}

export type StepStatus = 'pending' | 'in-progress' | 'finished' | 'error';

export function stepStatus(step: StepWindow, t: number): StepStatus {
	if (t < step.from) return 'pending';
	if (t < step.to) return 'in-progress';
	return step.fails ? 'error' : 'finished';
}
