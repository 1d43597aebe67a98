import {describe, expect, it} from 'vitest';
import {complete, parseCommandLine} from '../../source/ui/command-line.js';

describe('the : command line', () => {
	it('parses commands and their argument, and names unknown ones', () => {
		expect(parseCommandLine('install prod eu')).toEqual({kind: 'command', name: 'install', argument: 'prod eu'});
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
});
