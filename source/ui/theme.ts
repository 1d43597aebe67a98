// Semantic colour tokens. The no-colour theme (NO_COLOR) leaves every token undefined: statuses stay
// readable by glyph and word, the selection by inverse video.
import type {Phase} from '../domain/status.js';

export interface Theme {
	phase: Record<Phase, string | undefined>;
	accent?: string;
	muted?: string;
	border?: string;
	focusBorder?: string;
	error?: string;
	warning?: string;
	demo?: string;
}

export const darkTheme: Theme = {
	phase: {success: 'green', failure: 'red', warning: 'yellow', progress: 'cyan', neutral: 'gray', unknown: 'magenta'},
	accent: 'cyan',
	muted: 'gray',
	border: 'gray',
	focusBorder: 'cyan',
	error: 'red',
	warning: 'yellow',
	demo: 'magenta',
};

export const noColorTheme: Theme = {
	phase: {success: undefined, failure: undefined, warning: undefined, progress: undefined, neutral: undefined, unknown: undefined},
};

export function themeFor(env: NodeJS.ProcessEnv): Theme {
	return env['NO_COLOR'] ? noColorTheme : darkTheme;
}
