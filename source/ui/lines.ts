// The detail pane and the deploy view are lists of lines, so any of them can scroll.
export type Line =
	| {kind: 'heading'; text: string}
	| {kind: 'field'; label: string; value: string; status?: string}
	| {kind: 'text'; text: string; status?: string; muted?: boolean}
	| {kind: 'blank'};

export const heading = (text: string): Line => ({kind: 'heading', text});
export const field = (label: string, value: string | number | undefined | null, status?: string): Line => ({
	kind: 'field',
	label,
	value: value == null || value === '' ? '—' : String(value),
	status,
});
export const text = (value: string, options: {status?: string; muted?: boolean} = {}): Line => ({kind: 'text', text: value, ...options});
export const blank: Line = {kind: 'blank'};
