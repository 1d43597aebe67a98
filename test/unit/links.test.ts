import {describe, expect, it} from 'vitest';
import {copySequence, dashboardLink, hyperlink} from '../../source/domain/links.js';
import {hasLocalDisplay, onPath, share} from '../../source/ui/terminal/share.js';

describe('dashboard links', () => {
	const base = 'https://app.nuon.co/';
	it('follow the dashboard routes', () => {
		expect(dashboardLink(base, 'org1', {})).toBe('https://app.nuon.co/org1/installs');
		expect(dashboardLink(base, 'org1', {installId: 'inl1'})).toBe('https://app.nuon.co/org1/installs/inl1');
		expect(dashboardLink(base, 'org1', {installId: 'inl1', componentId: 'cmp1'})).toBe(
			'https://app.nuon.co/org1/installs/inl1/components/cmp1',
		);
		expect(dashboardLink(base, 'org1', {installId: 'inl1', componentId: 'cmp1', deployId: 'ind1'})).toBe(
			'https://app.nuon.co/org1/installs/inl1/components/cmp1/deploys/ind1',
		);
		expect(dashboardLink(base, 'org1', {installId: 'inl1', actionWorkflowId: 'awf1', runId: 'awr1'})).toBe(
			'https://app.nuon.co/org1/installs/inl1/actions/awf1/awr1',
		);
	});
});

describe('terminal sequences', () => {
	it('OSC 52 copies, wrapped for tmux and screen', () => {
		expect(copySequence('inl123', {})).toBe('\u001B]52;c;aW5sMTIz\u0007');
		expect(copySequence('inl123', {TMUX: '/tmp/tmux-0/default,1,0'})).toBe(
			'\u001B]52;c;aW5sMTIz\u0007\u001BPtmux;\u001B\u001B]52;c;aW5sMTIz\u0007\u001B\\',
		);
		expect(copySequence('inl123', {STY: '123.pts-0'})).toBe('\u001BP\u001B]52;c;aW5sMTIz\u0007\u001B\\');
	});

	it('OSC 8 makes a hyperlink', () => {
		expect(hyperlink('https://x.example/a')).toBe(
			'\u001B]8;;https://x.example/a\u0007https://x.example/a\u001B]8;;\u0007',
		);
	});
});

describe('y, Y and o', () => {
	const written: string[] = [];
	const opened: string[] = [];
	const environment = (env: NodeJS.ProcessEnv) => ({
		env,
		platform: 'linux' as const,
		writeTerminal: (s: string) => written.push(s),
		openUrl: (url: string) => {
			opened.push(url);
			return true;
		},
	});
	const what = {id: 'inl1', target: {installId: 'inl1'}, label: 'install prod'};
	const context = {dashboardUrl: 'https://app.nuon.co', orgId: 'org1'};

	it('copies the id and the link, and says so', () => {
		expect(share('copyId', what, context, environment({}))).toBe('copied install prod id inl1');
		expect(share('copyLink', what, context, environment({}))).toBe(
			'copied link https://app.nuon.co/org1/installs/inl1',
		);
		expect(written).toEqual([
			copySequence('inl1', {}),
			copySequence('https://app.nuon.co/org1/installs/inl1', {}),
		]);
	});

	it('inside tmux copies through tmux itself, and says which tmux setting is missing', () => {
		const calls: string[][] = [];
		const tmux = (answers: Record<string, string | undefined>) => (args: string[]) => {
			calls.push(args);
			return answers[args.join(' ')];
		};
		const inTmux = (answers: Record<string, string | undefined>) => ({
			...environment({TMUX: '/tmp/tmux-0/default,1,0'}),
			runTmux: tmux(answers),
		});
		written.length = 0;
		expect(
			share(
				'copyId',
				what,
				context,
				inTmux({'load-buffer -w -': '', 'show-options -gv set-clipboard': 'external\n'}),
			),
		).toBe('copied install prod id inl1');
		expect(written).toEqual([]); // tmux did it: no sequence of ours
		expect(
			share(
				'copyId',
				what,
				context,
				inTmux({'load-buffer -w -': '', 'show-options -gv set-clipboard': 'off\n'}),
			),
		).toMatch(/into tmux’s paste buffer \(`set -g set-clipboard external` sends it to the clipboard too\)$/);
		// An old tmux without load-buffer -w: the wrapped sequence, and what it needs unless it is set.
		expect(share('copyId', what, context, inTmux({'show-options -gv allow-passthrough': 'off\n'}))).toMatch(
			/needs `set -g allow-passthrough on` or `set -g set-clipboard on` to arrive\)$/,
		);
		expect(written).toEqual([copySequence('inl1', {TMUX: 'x'})]);
		expect(share('copyId', what, context, inTmux({'show-options -gv allow-passthrough': 'on\n'}))).toBe(
			'copied install prod id inl1',
		);
		expect(calls[0]).toEqual(['load-buffer', '-w', '-']);
	});

	it('opens the link with a local display, and shows it (clickable) over SSH', () => {
		expect(share('openLink', what, context, environment({DISPLAY: ':0'}))).toBe(
			'opened https://app.nuon.co/org1/installs/inl1',
		);
		expect(opened).toEqual(['https://app.nuon.co/org1/installs/inl1']);
		expect(share('openLink', what, context, environment({DISPLAY: ':0', SSH_CONNECTION: '1 2 3 4'}))).toBe(
			`open ${hyperlink('https://app.nuon.co/org1/installs/inl1')}`,
		);
		const noOpener = {...environment({DISPLAY: ':0'}), openUrl: () => false};
		expect(share('openLink', what, context, noOpener)).toBe(
			`no opener found (xdg-open): open ${hyperlink('https://app.nuon.co/org1/installs/inl1')}`,
		);
		expect(onPath('xdg-open', {PATH: '/a:/b'}, path => path === '/b/xdg-open')).toBe(true);
		expect(onPath('xdg-open', {PATH: '/a:/b'}, () => false)).toBe(false);
		expect(onPath('xdg-open', {}, () => true)).toBe(false);
		expect(hasLocalDisplay({}, 'linux')).toBe(false);
		expect(hasLocalDisplay({}, 'darwin')).toBe(true);
	});
});
