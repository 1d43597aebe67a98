// What the explorer's root is given: the theme, the org and API it shows, where it starts, its size,
// watch mode and its intervals, how it shares links, --read-only.
import type {Location} from '../../state/navigation.js';
import type {ShareEnvironment} from '../terminal/share.js';
import type {Theme} from '../widgets/theme.js';

export interface AppProps {
	theme: Theme;
	orgLabel: string;
	apiLabel: string;
	isDemo: boolean;
	/** The levels to start with, top level first (start flags); the installs list by default. */
	start?: Location[];
	/** Id of the row to select first (install_id from the settings). */
	initialSelection?: string;
	/** Fixed size for tests; otherwise the terminal's. */
	size?: {columns: number; rows: number};
	/** Start in watch mode (`nuon-tui watch`). */
	watch?: boolean;
	/** The normal refresh interval; watch mode adapts between its fast and slow intervals. */
	refreshMs?: number;
	notify?: (title: string, body: string) => void;
	/** The org id, for dashboard links (the header shows orgLabel). */
	orgId?: string;
	/** Watch mode's fast and slow intervals (from the preferences file). */
	poll?: {fastMs: number; slowMs: number};
	/** How y, Y and o reach the terminal and the browser (tests pass their own). */
	shareEnvironment?: ShareEnvironment;
	/** --read-only: no action that changes something in Nuon is offered. */
	readOnly?: boolean;
	/** How long after a confirmation opens or closes its keys are not taken (tests that type at once pass 0).
	 * */
	keyGuardMs?: number;
	/** Ctrl-Z stops the process until `fg` (the CLI; never in tests, where it would stop the runner). */
	jobControl?: boolean;
}
