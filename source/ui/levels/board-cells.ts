// What the board does with a cell: open its latest deploy, or the plan it waits to have approved,
// and the keys of the latest deploy's screen on the deploy in the cell.
import type {RefObject} from 'react';
import * as api from '../../api/resources.js';
import {describeError, NuonApiError} from '../../api/errors.js';
import {awaitsApproval} from '../../domain/status.js';
import {findPendingApproval} from '../../state/find-approval.js';
import type {DeployParams, Location} from '../../state/locations.js';
import {useClient} from '../../state/resource.js';
import {commandHint, type CommandId} from '../keys/commands.js';
import {useExplorer} from '../shell/context.js';
import {DEPLOY_ACTIONS} from './destinations.js';
import type {BoardRowItem} from './board-rows.js';
import {cellStatus} from '../../domain/cell-status.js';
import {installName} from '../../domain/install.js';
import type {Install} from '../../api/resources.js';
import type {Transition} from '../../domain/rollout.js';

/** What the latest deploy's screen offers, on the deploy in a cell. */
export const CELL_KEYS: CommandId[] = [
	'logs',
	'workflows',
	'history',
	'plan',
	'approve',
	'copyId',
	'copyLink',
	'openLink',
];

/** The board's hint line, in order, and every key it binds. */
export const BOARD_HINTS: CommandId[] = [
	'down',
	'columnLeft',
	'openCell',
	'back',
	'nextFailure',
	'nextApproval',
	'focus',
	'filter',
	'attentionFirst',
	'groupByRelease',
	'failuresOnly',
	'watch',
	'pause',
	'refresh',
	'help',
	'quit',
	'up',
	'columnRight',
	'previousFailure',
	'pageUp',
	'pageDown',
	'top',
	'bottom',
	'faster',
	'slower',
	...CELL_KEYS,
	'runner',
];

/** `U`: the runner of the install on the selected row, or why there is none to open. */
export function runnerLocation(item: BoardRowItem | undefined): Location | string {
	const install = item?.kind === 'install' ? item.install : undefined;
	if (!install) return 'on an install’s row';
	return install.runner_id
		? {kind: 'runner', runnerId: install.runner_id, installName: installName(install)}
		: `${installName(install)} names no runner`;
}
export interface SelectedCell {
	cell: DeployParams;
	status?: string;
}

/** The cell under the board's cursor: which deploy it shows, and its status. */
export function cellAt(item: BoardRowItem | undefined, column: number): SelectedCell | undefined {
	const install = item?.kind === 'install' ? item.install : undefined;
	const target = item?.columns[column];
	if (!install?.id || !target) return undefined;
	return {
		cell: {
			installId: install.id,
			installName: installName(install),
			componentId: target.id,
			componentName: target.name,
		},
		status: cellStatus(install, target.id),
	};
}

/** The cell a change of the activity pane is about, and the status it changed to. */
export function changedCell(
	change: Transition | undefined,
	installs: readonly Install[],
	names: ReadonlyMap<string, string>,
): SelectedCell | undefined {
	const changed = change && installs.find(install => install.id === change.installId);
	if (!change || !changed?.id) return undefined;
	return {
		cell: {
			installId: changed.id,
			installName: installName(changed),
			componentId: change.componentId,
			componentName: names.get(change.componentId) ?? change.componentId,
		},
		status: change.to,
	};
}

/** The cell actions; `onTop` says whether the board is still the level shown when an answer comes. */
export function useCellActions(onTop: RefObject<boolean>) {
	const {dispatch, say, readOnly, share} = useExplorer();
	const client = useClient();
	/** A cell waiting for approval opens the plan to approve, over its workflow's steps. */
	const openApproval = (deploy: Extract<Location, {kind: 'deploy'}>) => {
		say(`finding the approval of ${deploy.installName} › ${deploy.componentName}…`);
		findPendingApproval(client, deploy.installId, deploy.componentId).then(
			found => {
				if (!onTop.current) return; // the user went elsewhere meanwhile
				if (typeof found === 'string') {
					say(`${deploy.componentName}: ${found}; its latest deploy instead`);
					dispatch({type: 'push', location: deploy});
					return;
				}
				const {installId, installName} = deploy;
				dispatch({
					type: 'push',
					location: {
						kind: 'workflow',
						installId,
						installName,
						workflowId: found.workflowId,
						workflowName: found.workflowName,
					},
				});
				dispatch({type: 'select', id: found.stepId});
				dispatch({type: 'push', location: {kind: 'approval', installId, installName, ...found}});
				say(
					`${found.stepName} waits for approval: ` +
						(readOnly
							? 'read the plan (read-only: nuon-tui answers nothing)'
							: 'read the plan, then a approves, d answers otherwise'),
				);
			},
			error => say(`could not find the approval: ${describeError(error)}`),
		);
	};
	/** A deploy waiting for approval opens its plan; any other, the deploy. */
	const openDeploy = (cell: DeployParams, status: string | undefined) => {
		if (awaitsApproval(status)) openApproval({kind: 'deploy', ...cell});
		else dispatch({type: 'push', location: {kind: 'deploy', ...cell}});
	};

	/** A key the latest deploy's screen has, on the selected cell's deploy; it says why when it cannot. */
	const onCell = (command: CommandId, selected: SelectedCell | undefined): true => {
		if (!selected) return true;
		const {cell} = selected;
		const named = `${cell.installName} › ${cell.componentName}`;
		const hint = commandHint(command) ?? command;
		if (command === 'copyId' || command === 'copyLink' || command === 'openLink') {
			share(command, {
				id: cell.componentId,
				target: {installId: cell.installId, componentId: cell.componentId},
				label: `component ${named}`,
			});
		} else if (command === 'plan' || command === 'approve') {
			if (awaitsApproval(selected.status)) openApproval({kind: 'deploy', ...cell});
			else
				say(
					`${hint}: ${named} waits for no approval (! finds one; ⏎ opens the deploy, whose jobs have ` +
						`their plans)`,
				);
		} else {
			const action = DEPLOY_ACTIONS[command]!;
			const direct = action(undefined, cell);
			if (direct) dispatch({type: 'push', location: direct});
			else {
				say(`${hint}: reading the latest deploy of ${named}…`);
				api.getLatestDeploy(client, cell.installId, cell.componentId).then(
					deploy => {
						if (!onTop.current) return;
						const location = action(deploy, cell);
						if (location) dispatch({type: 'push', location});
						else say(`${hint}: the latest deploy of ${named} has none to open`);
					},
					(error: unknown) =>
						say(
							`${hint}: ` +
								(error instanceof NuonApiError && error.isNotFound
									? `${named} has never been deployed`
									: describeError(error)),
						),
				);
			}
		}
		return true;
	};
	return {openDeploy, onCell};
}
