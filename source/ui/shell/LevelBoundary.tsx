// Every level renders inside this boundary: if something the server sent cannot be shown, the
// level's pane says what and why, the rest of the app goes on, `v` shows the data as raw JSON, and
// the level is tried again at each refresh (or with `r`).
import {useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import {Text} from 'ink';
import {sanitize} from '../../domain/sanitize.js';
import {RawDataContext, type RawData} from '../../state/raw-data.js';
import {levelOf} from '../levels/registry.js';
import type {Location} from '../../state/locations.js';
import {Boundary} from '../widgets/Boundary.js';
import {CHROME_ROWS, Frame} from './Frame.js';
import {Pane} from '../widgets/Pane.js';
import {useExplorer, useLevelKeys} from './context.js';

/** A screen that could not be drawn: its data as raw JSON, another try, or back. */
const KEYS = {hints: ['view', 'refresh', 'back', 'help', 'quit']} as const;

export function LevelBoundary({location, children}: {location: Location; children: ReactNode}) {
	const raw = useRef<RawData>(new Map());
	const [attempt, setAttempt] = useState(0);
	const retry = useCallback(() => setAttempt(n => n + 1), []);
	return (
		<RawDataContext.Provider value={raw.current}>
			<Boundary
				key={attempt}
				fallback={error => <LevelFailure location={location} error={error} raw={raw.current} retry={retry} />}
			>
				{children}
			</Boundary>
		</RawDataContext.Provider>
	);
}

function LevelFailure({
	location,
	error,
	raw,
	retry,
}: {
	location: Location;
	error: Error;
	raw: RawData;
	retry: () => void;
}) {
	const {theme, columns, rows, dispatch, watch, say} = useExplorer();
	const what = levelOf(location).crumb(location);
	const retryMs = watch.watching ? watch.slowMs : watch.refreshMs;
	useEffect(() => {
		if (watch.paused) return;
		const timer = setTimeout(retry, retryMs);
		return () => clearTimeout(timer);
	}, [retry, retryMs, watch.paused]);
	useLevelKeys(command => {
		if (command === 'view') {
			if (raw.size === 0) say('v: no data arrived for this screen');
			else
				dispatch({
					type: 'push',
					location: {
						kind: 'document',
						title: `raw data of ${what}`,
						source: {type: 'value', value: Object.fromEntries(raw)},
					},
				});
			return true;
		}
		if (command === 'refresh') {
			retry();
			return true;
		}
		return false;
	});
	const bodyHeight = rows - CHROME_ROWS;
	return (
		<Frame refresh={{isValidating: false, hasData: false}} keys={KEYS}>
			<Pane title={what} focused width={columns} height={bodyHeight} theme={theme}>
				<Text color={theme.error} wrap="wrap">
					{`Could not show ${what}: the API sent something this screen cannot read ` +
						`(${sanitize(error.message).replace(/\s+/g, ' ').slice(0, 200)}).`}
				</Text>
				<Text color={theme.muted} wrap="wrap">
					{`v shows the data as raw JSON · r tries again (also every ${Math.round(retryMs / 1000)} s) · ` +
						`Esc goes back`}
				</Text>
			</Pane>
		</Frame>
	);
}
