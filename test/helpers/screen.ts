// What is on a test's screen, read the same way everywhere: colour codes stripped, the selected
// row found, the bytes that must never come from the data.

/** Ink writes SGR colour codes itself (and log bodies keep theirs). */
export const stripAnsi = (text: string): string => text.replace(/\u001B\[[0-9;]*m/g, '');

/** Control bytes and bidi overrides left after the colour codes: anything here came from the data. */
export function foreignControls(text: string): string[] {
	return [
		...stripAnsi(text).matchAll(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g),
	].map(m => JSON.stringify(m[0]));
}

/** The selected row of a list pane ("┃ › name …"), or undefined. */
export const selectedRow = (frame: string): string | undefined =>
	stripAnsi(frame)
		.split('\n')
		.find(line => line.includes('┃ › '));
