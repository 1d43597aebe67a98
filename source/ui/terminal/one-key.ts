// Whether a read from the terminal is one key. A person presses keys one at a time, and each reaches
// the explorer in a read of its own; several characters in one read are a paste (bracketed or not, a
// terminal without bracketed paste cannot mark it), keys typed ahead while the explorer was busy, or
// a burst over a slow link: none of them is an answer to a question that was on screen.

// One character (an emoji is one), or one escape sequence: CSI (arrows, F-keys, the kitty keyboard
// protocol's keys), SS3, or ESC before a character (Alt and a key); ESC alone is Esc.
const ONE_KEY = new RegExp(
	[
		String.raw`^(?:\u001B{1,2}(?:\[\[?[0-?]*[ -/]*[@-~]|O[\d;]*[@-~])`, // CSI, SS3
		String.raw`\u001B?[^\u001B]`, // a character, Alt and a character
		String.raw`\u001B)$`, // Esc
	].join('|'),
	'u',
);

/** Whether `read`, all that one read from the terminal brought, is a single key. */
export const isOneKey = (read: string): boolean => ONE_KEY.test(read);
