import {describe, expect, it} from 'vitest';
import {bestMatch, parseCommandLine, tab} from '../../source/ui/shell/command-line.js';

const complete = (text: string, candidates: readonly string[]) => tab(undefined, text, candidates).text;

describe('the : command line', () => {
	it('parses commands and their argument, and names unknown ones', () => {
		expect(parseCommandLine('install prod eu')).toEqual({
			kind: 'command',
			name: 'install',
			argument: 'prod eu',
		});
		expect(parseCommandLine(':q')).toEqual({kind: 'command', name: 'q', argument: ''});
		expect(parseCommandLine('quit')).toEqual({kind: 'command', name: 'q', argument: ''});
		expect(parseCommandLine('deploy x')).toEqual({kind: 'unknown', name: 'deploy'});
		expect(parseCommandLine('   ')).toEqual({kind: 'empty'});
	});

	it('completes command names, then names from the server', () => {
		expect(complete('ins', [])).toBe('install ');
		expect(complete('comp', [])).toBe('component ');
		expect(complete('install hoo', ['hooli-prod', 'hooli-staging'])).toBe('install hooli-prod');
		expect(complete('install staging', ['hooli-prod', 'hooli-staging'])).toBe('install hooli-staging');
		expect(complete('install zzz', ['hooli-prod'])).toBe('install zzz');
	});

	it('cycles through the options with Tab pressed again, and starts over once something is typed', () => {
		const options = ['relay-cdn', 'relay-edge', 'beacon-relay'];
		let step = tab(undefined, 'app rel', options);
		expect(step.text).toBe('app relay-cdn');
		step = tab(step.completion, step.text, ['relay-cdn']); // the server's new suggestions do not matter
		expect(step.text).toBe('app relay-edge');
		step = tab(step.completion, step.text, []);
		expect(step.text).toBe('app beacon-relay');
		step = tab(step.completion, step.text, []);
		expect(step.text).toBe('app relay-cdn');
		expect(tab(step.completion, 'app relay-cdnx', ['relay-cdnx']).text).toBe('app relay-cdnx');
	});

	it('finds what a typed name means: exact, then prefix, then part, in any case', () => {
		const apps = [
			{name: 'ledgerly', display_name: 'Ledgerly'},
			{name: 'relay-cdn', display_name: 'Relay CDN'},
			{name: 'beacon-auth', display_name: 'Beacon Auth'},
		];
		const names = (app: (typeof apps)[number]) => [app.name, app.display_name];
		expect(bestMatch(apps, 'Led', names)?.name).toBe('ledgerly');
		expect(bestMatch(apps, 'Rel', names)?.name).toBe('relay-cdn');
		expect(bestMatch(apps, 'auth', names)?.name).toBe('beacon-auth');
		expect(bestMatch(apps, 'Relay CDN', names)?.name).toBe('relay-cdn');
		expect(bestMatch(apps, 'zzz', names)).toBeUndefined();
		expect(bestMatch(apps, '', names)).toBeUndefined();
	});
});
