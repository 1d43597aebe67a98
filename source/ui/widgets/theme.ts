// Semantic colour tokens. The no-colour theme (NO_COLOR) leaves every token undefined: statuses stay
// readable by glyph and word, the selection by inverse video.
import type {Phase} from '../../domain/status.js';

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
	phase: {
		success: 'green',
		failure: 'red',
		approval: 'yellowBright',
		warning: 'yellow',
		progress: 'cyan',
		neutral: 'gray',
		unknown: 'magenta',
	},
	accent: 'cyan',
	muted: 'gray',
	border: 'gray',
	focusBorder: 'cyan',
	error: 'red',
	warning: 'yellow',
	demo: 'magenta',
};

export const noColorTheme: Theme = {
	phase: {
		success: undefined,
		failure: undefined,
		approval: undefined,
		warning: undefined,
		progress: undefined,
		neutral: undefined,
		unknown: undefined,
	},
};

/** For light terminal backgrounds: no yellow or gray text that fades into white. */
export const lightTheme: Theme = {
	phase: {
		success: 'green',
		failure: 'red',
		approval: 'magentaBright',
		warning: 'magenta',
		progress: 'blue',
		neutral: 'blackBright',
		unknown: 'magenta',
	},
	accent: 'blue',
	muted: 'blackBright',
	border: 'blackBright',
	focusBorder: 'blue',
	error: 'red',
	warning: 'magenta',
	demo: 'magenta',
};

export const THEMES = {dark: darkTheme, light: lightTheme, 'no-color': noColorTheme} as const;
export type ThemeName = keyof typeof THEMES;

export function isThemeName(name: string): name is ThemeName {
	return name in THEMES;
}

/** --theme, else NUON_TUI_THEME, else dark; NO_COLOR always wins (https://no-color.org). */
export function themeFor(env: NodeJS.ProcessEnv, name?: string): Theme {
	if (env.NO_COLOR) return noColorTheme;
	const chosen = name ?? env.NUON_TUI_THEME ?? 'dark';
	return isThemeName(chosen) ? THEMES[chosen] : darkTheme;
}
