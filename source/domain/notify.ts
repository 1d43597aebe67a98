// A desktop notification through the terminal: the bell, OSC 9 (iTerm2, Windows Terminal, kitty)
// and OSC 777 (rxvt, foot, Konsole). Terminals ignore the ones they do not know.
import {sanitize} from './sanitize.js';

export function notification(title: string, body: string): string {
	// The text comes from the server: no control characters, and no ';' that would end a field.
	const clean = (text: string) =>
		sanitize(text)
			.replace(/[;\u0007]/g, ',')
			.slice(0, 200);
	return (
		`\u0007\u001B]9;${clean(title)}: ` +
		`${clean(body)}\u0007\u001B]777;notify;${clean(title)};${clean(body)}\u0007`
	);
}
