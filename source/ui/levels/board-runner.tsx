// The board's reading of runner health: a mark after an install's name when its runner is not
// healthy, and the counts line's "3 installs waiting on a runner" (domain/runner-health.ts).
import {Text} from 'ink';
import type {Install} from '../../api/resources.js';
import {HEALTH_GLYPH, HEALTH_TONE, runnerHealth, waitingOnRunnerText} from '../../domain/runner-health.js';
import type {Theme} from '../widgets/theme.js';

const markShown = (install: Install) => ['degraded', 'disconnected'].includes(runnerHealth(install));

/** The columns the mark takes from the install's name: none unless its runner is down. */
export const runnerMarkWidth = (install: Install) => (markShown(install) ? 2 : 0);

/** A space and the glyph of a runner that is down, at the end of the name's place; nothing otherwise. */
export function RunnerMark({install, theme}: {install: Install; theme: Theme}) {
	const health = runnerHealth(install);
	return markShown(install) ? (
		<Text color={theme.phase[HEALTH_TONE[health]]}>{` ${HEALTH_GLYPH[health]}`}</Text>
	) : null;
}

/** " · ○ 3 installs waiting on a runner", after the counts; nothing when no install waits on one. */
export function WaitingOnRunner({installs, theme}: {installs: readonly Install[]; theme: Theme}) {
	const text = waitingOnRunnerText(installs);
	return text ? (
		<Text color={theme.phase.failure} bold>
			{` · ${HEALTH_GLYPH.disconnected} ${text}`}
		</Text>
	) : null;
}
