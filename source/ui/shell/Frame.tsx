import {useContext, useEffect, useState, type ReactNode} from 'react';
import {Box, Text} from 'ink';
import {failureLine, shownAsFailure} from './failure-text.js';
import {clock, formatSeconds} from '../../domain/time.js';
import {displayWidth, fitMessage, oneLine, truncate, truncateStart} from '../../domain/text.js';
import {keyText} from '../widgets/ascii.js';
import {commandHint, type CommandId} from '../keys/commands.js';
import {screenKeymap, type ScreenKeys} from '../keys/keymap.js';
import {COMMAND_HELP} from './command-line.js';
import {LevelPlaceContext, useExplorer, useMessageLine, useStackView} from './context.js';

export interface RefreshState {
	updatedAt?: number;
	isValidating: boolean;
	error?: unknown;
	hasData: boolean;
	/** What a level that combines several requests could not get (the rest is on screen). */
	partial?: string;
	/** What the screen is waiting for, said until it comes (a write Nuon has not acted on yet). */
	notice?: string;
}

export const CHROME_ROWS = 4;

/** A refresh must last this long before the header says so: quick ones then write nothing extra. */
export const BUSY_INDICATOR_DELAY_MS = 400;

/** `flag`, but only once it has stayed true for `delayMs`. */
function useDelayedFlag(flag: boolean, delayMs: number): boolean {
	const [shown, setShown] = useState(false);
	useEffect(() => {
		if (!flag) {
			setShown(false);
			return;
		}
		const timer = setTimeout(() => setShown(true), delayMs);
		return () => clearTimeout(timer);
	}, [flag, delayMs]);
	return flag && shown;
}

/** Renders again every `ms` while `on`. */
function useTicking(on: boolean, ms: number): void {
	const [, setTick] = useState(0);
	useEffect(() => {
		if (!on) return;
		const timer = setInterval(() => setTick(tick => tick + 1), ms);
		return () => clearInterval(timer);
	}, [on, ms]);
}

/** The screen around a level: header, breadcrumbs, body, status line and key hints. */
export function Frame({
	refresh: given,
	status,
	echo,
	keys,
	children,
}: {
	refresh: RefreshState;
	/** The status line while it is being typed in (a filter): nothing else shows there meanwhile. */
	status?: ReactNode;
	/** What the screen keeps in the status line (a kept filter): a message, a write's outcome or one
	 * Nuon has not acted on yet, shows above it. */
	echo?: ReactNode;
	/** The commands the screen binds, in the order of its hint line. */
	keys: ScreenKeys;
	children: ReactNode;
}) {
	const {theme, orgLabel: label, apiLabel, isDemo, columns, watch, screenKeys, readOnly} = useExplorer();
	const {crumbs, bottomId} = useStackView();
	const refresh = {...given, error: shownAsFailure(given.error)};
	// The screen's keys are what the dispatcher resolves keys against and what the help shows first.
	const place = useContext(LevelPlaceContext);
	const screen = screenKeymap(keys);
	const {hints} = screen;
	if (place?.active) screenKeys.current = screen;
	// At the bottom of the stack Esc has nowhere to go: the hint line does not offer it.
	const shownHints = place && bottomId === place.entry.id ? hints.filter(id => id !== 'back') : hints;
	const {commandLine} = useMessageLine();
	const orgLabel = oneLine(label); // an org's name comes from the server (:org)
	const busy = useDelayedFlag(refresh.isValidating, refresh.hasData ? BUSY_INDICATOR_DELAY_MS : 0);
	// STALE says how old the data is: it counts up while the screen is on top (a line a second).
	useTicking(Boolean(place?.active !== false && refresh.error && refresh.hasData && refresh.updatedAt), 1000);
	const state = describeRefresh({...refresh, isValidating: busy});
	const mode = watch.paused
		? 'PAUSED · '
		: watch.watching
			? `WATCH ${watch.fastMs / 1000}s/${watch.slowMs / 1000}s · `
			: '';
	const refreshText = {...state, text: mode + state.text};
	const left = `nuon-tui  org ${orgLabel}  ${readOnly ? 'READ-ONLY ' : ''}`;
	const apiWidth = Math.max(0, columns - displayWidth(left) - displayWidth(refreshText.text) - 1);
	return (
		<Box flexDirection="column" width={columns}>
			<Box width={columns} height={1} justifyContent="space-between">
				<Text wrap="truncate-end">
					<Text bold color={theme.accent}>
						nuon-tui
					</Text>
					<Text color={theme.muted}>{'  org '}</Text>
					<Text>{`${orgLabel}  `}</Text>
					{readOnly ? (
						<Text bold color={theme.warning}>
							{'READ-ONLY '}
						</Text>
					) : null}
					{isDemo ? (
						<Text>
							<Text bold inverse color={theme.demo}>
								{' DEMO '}
							</Text>
							{/* The demo's apiLabel names the server it plays when that is not today's. */}
							<Text color={theme.muted}>
								{apiLabel ? ` ${truncate(apiLabel, Math.max(0, apiWidth - 7))}` : ''}
							</Text>
						</Text>
					) : (
						<Text color={theme.muted}>{truncate(apiLabel, apiWidth)}</Text>
					)}
				</Text>
				{/* A space between them even when the left is cut (demo…WATCH read as one word). */}
				<Box flexShrink={0} marginLeft={1}>
					<Text
						wrap="truncate-start"
						color={
							refreshText.tone === 'error'
								? theme.error
								: refreshText.tone === 'warning'
									? theme.warning
									: refreshText.tone === 'busy'
										? theme.accent
										: theme.muted
						}
					>
						<Text bold inverse={watch.paused} color={watch.paused ? theme.warning : theme.accent}>
							{mode}
						</Text>
						{state.text}
					</Text>
				</Box>
			</Box>
			<Text bold>{truncateStart(crumbs.join(' › '), columns)}</Text>
			{children}
			<Box width={columns} height={1}>
				{commandLine ? (
					<Text>
						<Text color={theme.accent}>:</Text>
						{commandLine.text}
						<Text inverse> </Text>
					</Text>
				) : (
					(status ?? <ErrorLine refresh={refresh} echo={echo} />)
				)}
			</Box>
			<Text color={theme.muted}>
				{truncate(
					commandLine
						? commandLine.suggestions.length
							? `Tab: ${commandLine.suggestions.join('  ')}`
							: COMMAND_HELP
						: hintText(shownHints, columns),
					columns,
				)}
			</Text>
		</Box>
	);
}

function describeRefresh({updatedAt, isValidating, error, hasData, partial}: RefreshState): {
	text: string;
	tone: 'ok' | 'busy' | 'error' | 'warning';
} {
	if (error && hasData && updatedAt) {
		return {
			text: `STALE · data from ${clock(updatedAt)} (${formatSeconds((Date.now() - updatedAt) / 1000)} old)`,
			tone: 'error',
		};
	}
	if (isValidating) return {text: hasData ? '⟳ refreshing' : '⟳ loading', tone: 'busy'};
	if (error) return {text: 'no data', tone: 'error'};
	// Part of what the screen combines is missing (the status line, or the board's, says what).
	if (partial && updatedAt) return {text: `PARTIAL · updated ${clock(updatedAt)}`, tone: 'warning'};
	return {text: updatedAt ? `updated ${clock(updatedAt)}` : '', tone: 'ok'};
}

function ErrorLine({refresh, echo}: {refresh: RefreshState; echo?: ReactNode}) {
	const {theme, columns} = useExplorer();
	const {flash} = useMessageLine();
	if (flash) return <Text color={theme.accent}>{fitMessage(flash, columns)}</Text>;
	if (!refresh.error && refresh.notice)
		return <Text color={theme.accent}>{fitMessage(refresh.notice, columns)}</Text>;
	if (echo) return echo;
	if (!refresh.error) {
		return refresh.partial ? (
			<Text color={theme.warning} wrap="truncate-end">
				{truncate(`⚠ not shown: ${refresh.partial}`, columns)}
			</Text>
		) : (
			<Text> </Text>
		);
	}
	return (
		<Text color={theme.error} wrap="truncate-end">
			{fitMessage(failureLine(refresh.error, refresh.hasData ? 'last good data' : undefined), columns)}
		</Text>
	);
}

/**
 * The key hints that fit in `width`: when they do not all fit, hints are dropped from the end of
 * the screen's own ones, so that `? help` and `q quit` (always last) stay on the line.
 */
export function hintText(ids: readonly CommandId[], width: number): string {
	const hints = ids
		.map(commandHint)
		.filter((hint): hint is string => !!hint)
		.map(keyText);
	const kept = hints.filter(hint => hint === commandHint('help') || hint === commandHint('quit'));
	const others = hints.filter(hint => !kept.includes(hint));
	while (others.length > 0 && displayWidth([...others, ...kept].join('  ')) > width) others.pop();
	return [...others, ...kept].join('  ');
}
