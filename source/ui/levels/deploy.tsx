import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {loadFailure} from '../shell/failure-text.js';
import type {InstallDeploy} from '../../api/resources.js';
import {useDeploy, useLatestDeploy} from '../../state/data.js';
import type {DeployParams} from '../../state/locations.js';
import {DEPLOY_ACTIONS} from './destinations.js';
import {useExplorer, useLevelKeys} from '../shell/context.js';
import {CURSOR_KEYS, cursorMove, SHARE_KEYS, type CommandId} from '../keys/commands.js';
import type {ScreenKeys} from '../keys/keymap.js';
import {CHROME_ROWS, Frame} from '../shell/Frame.js';
import {LineView} from '../widgets/LineView.js';
import {Pane} from '../widgets/Pane.js';
import {deployFactLines, deployStatusLines} from './deploy-lines.js';
import {wrapLines, type Line} from '../widgets/lines.js';
import {ENDPOINTS} from '../../state/endpoints.js';
import {defineLevel} from './level.js';

/** Keys that open something from the deploy on screen (the board's cells use them too). */
const KEYS: ScreenKeys = {
	hints: [
		'down',
		'open',
		...(Object.keys(DEPLOY_ACTIONS) as CommandId[]),
		...['back', 'focus', 'refresh', 'help', 'quit'],
		...CURSOR_KEYS,
		...SHARE_KEYS,
	] as CommandId[],
};

/** The latest deploy of a component, or the one `deployId` names. */
const useShownDeploy = ({installId, componentId, deployId}: DeployParams) => {
	const latest = useLatestDeploy(installId, deployId ? undefined : componentId);
	const one = useDeploy(installId, deployId, componentId);
	return deployId ? one : latest;
};

export function DeployLevel(params: DeployParams) {
	const {installId, installName, componentId, componentName, deployId} = params;
	const {theme, columns, rows, dispatch, share} = useExplorer();
	const deploy = useShownDeploy(params);
	const which = deployId ? 'Deploy' : 'Latest deploy';
	const [focus, setFocus] = useState<0 | 1>(0);
	const [offsets, setOffsets] = useState<[number, number]>([0, 0]);
	const now = deploy.updatedAt ?? Date.now();
	const bodyHeight = rows - CHROME_ROWS;
	const leftWidth = Math.round(columns * 0.55);
	const widths = [leftWidth, columns - leftWidth] as const;
	const height = bodyHeight - 2;
	const lines = useMemo(
		() =>
			deploy.data
				? [
						wrapLines(deployStatusLines(deploy.data, now), widths[0] - 4),
						wrapLines(deployFactLines(deploy.data, now), widths[1] - 4),
					]
				: [[], []],
		[deploy.data, now, widths[0], widths[1]],
	);

	useLevelKeys(command => {
		const scroll = (delta: number) =>
			setOffsets(previous => {
				const next = [...previous] as [number, number];
				next[focus] = Math.max(
					0,
					Math.min(Math.max(0, lines[focus]!.length - height), previous[focus] + delta),
				);
				return next;
			});
		const move = cursorMove(command, height);
		if (move !== undefined) {
			scroll(move);
			return true;
		}
		switch (command) {
			case 'focus':
				setFocus(f => (f === 0 ? 1 : 0));
				return true;
			case 'refresh':
				deploy.refresh();
				return true;
			case 'open':
				if (deploy.data?.id)
					dispatch({
						type: 'push',
						location: {
							kind: 'activity',
							installId,
							installName,
							deployId: deploy.data.id,
							componentId,
							componentName,
						},
					});
				return true;
			case 'copyId':
			case 'copyLink':
			case 'openLink':
				share(command, {
					id: deploy.data?.id ?? undefined,
					target: {installId, componentId, deployId: deploy.data?.id},
					label: `deploy of ${componentName}`,
				});
				return true;
			default: {
				const action = command && DEPLOY_ACTIONS[command];
				const location = action?.(deploy.data ?? undefined, params);
				if (location) dispatch({type: 'push', location});
				return !!action;
			}
		}
	});

	const refresh = {...deploy, hasData: deploy.data !== undefined};
	if (!deploy.data) {
		const message =
			deploy.data === null
				? `${componentName} has never been deployed to ${installName}.`
				: deploy.error
					? loadFailure(which.toLowerCase(), deploy.error)
					: `Loading ${which.toLowerCase()}…`;
		return (
			<Frame refresh={refresh} keys={KEYS}>
				<Pane
					title={`${which} of ${componentName} in ${installName}`}
					focused
					width={columns}
					height={bodyHeight}
					theme={theme}
				>
					<Text color={deploy.error && deploy.data === undefined ? theme.error : theme.muted} wrap="wrap">
						{message}
					</Text>
					{deploy.data === null ? (
						<Text color={theme.muted}>Nothing to show yet: a deploy appears here once one is started.</Text>
					) : null}
				</Pane>
			</Frame>
		);
	}
	return (
		<Frame refresh={refresh} keys={KEYS}>
			<Box height={bodyHeight}>
				{([which, 'What was deployed'] as const).map((title, index) => (
					<Pane
						key={title}
						title={index === 0 ? `${title} of ${componentName} in ${installName}` : title}
						focused={focus === index}
						width={widths[index]!}
						height={bodyHeight}
						theme={theme}
					>
						<LineView
							rows={lines[index]!}
							offset={offsets[index]!}
							height={height}
							width={widths[index]! - 4}
							theme={theme}
						/>
					</Pane>
				))}
			</Box>
		</Frame>
	);
}

export const deploy = defineLevel<DeployParams>({
	View: DeployLevel,
	keys: KEYS,
	crumb: ({componentName, deployId, deployLabel}) =>
		`${componentName} › ${deployId ? (deployLabel ?? deployId) : 'latest deploy'}`,
	selectedBelow: ({componentId}) => componentId,
	example: {installId: 'inl1', installName: 'fuzz', componentId: 'cmp1', componentName: 'api'},
	parts: {
		load: (client, {installId, componentId}) =>
			ENDPOINTS.latestDeploy.fetch(client, {installId, componentId}),
		text: (deploy: InstallDeploy | null, _params, now) =>
			deploy
				? [
						...wrapLines(deployStatusLines(deploy, now), 51),
						...wrapLines(deployFactLines(deploy, now), 41),
					].map(row => row as Line)
				: [],
	},
});
