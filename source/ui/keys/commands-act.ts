// The key table, part two: workflows and approvals, menus and confirmations, the `:` line, watching,
// and the keys of every screen.
import {defineCommands} from './command.js';

export const ACT = defineCommands([
	// A workflow's step and the plan to approve; the writes are absent under --read-only.
	{
		id: 'approvalPlan',
		keys: ['P'],
		help: 'the plan of the step’s approval',
		scope: 'workflow',
		hint: 'plan',
		doc: 'the plan the selected step’s approval asks about',
	},
	{id: 'rawJson', keys: ['v'], help: 'the plan as raw JSON', scope: 'workflow', hint: 'raw'},
	{
		id: 'mark',
		keys: ['Space'],
		help: 'approvals queue: mark or unmark the approval (a then approves every marked one)',
		scope: 'workflow',
		hint: 'mark',
		forWrite: true,
		doc:
			'approvals queue: mark or unmark the approval; `a` then approves every marked one, after one ' +
			'confirmation',
	},
	{
		id: 'approve',
		keys: ['a'],
		help: 'approve the plan (asks first)',
		scope: 'workflow',
		hint: 'approve',
		write: true,
		pair: 'deny',
		doc:
			'on a step waiting for approval, or its plan: approve / choose another answer (deny, deny and ' +
			'skip, deny and skip what depends on it, plan again; `1`–`4`, then a note), after `y` (on the ' +
			'board: the plan the cell’s deploy waits on)',
	},
	{
		id: 'deny',
		keys: ['d'],
		help: 'deny, deny and skip, or plan again, with a note (asks first)',
		scope: 'workflow',
		hint: 'deny…',
		write: true,
	},
	{
		id: 'approveAll',
		keys: ['A'],
		help: 'approve every plan of the workflow (asks first)',
		scope: 'workflow',
		hint: 'approve all',
		write: true,
		doc: 'approve every plan of the workflow, after `y`',
	},
	{
		id: 'retryStep',
		keys: ['R'],
		help: 'retry the failed step (asks first)',
		scope: 'workflow',
		hint: 'retry',
		write: true,
		pair: 'skipStep',
		doc: 'on a failed step (status `error`) that allows it: retry / skip, after `y`',
	},
	{
		id: 'skipStep',
		keys: ['S'],
		help: 'skip the failed step (asks first)',
		scope: 'workflow',
		hint: 'skip',
		write: true,
	},
	{
		id: 'cancelWorkflow',
		keys: ['C'],
		help: 'cancel the running workflow (asks first)',
		scope: 'workflow',
		hint: 'cancel',
		write: true,
		doc: 'cancel the running or queued workflow, after `y`',
	},
	{
		id: 'confirm',
		keys: ['y'],
		help: 'yes: send it',
		scope: 'menu',
		hint: 'yes',
		pair: 'decline',
		doc:
			'in a confirmation: send it once / send nothing (keys within 300 ms of it opening are not its ' +
			'answer)',
	},
	{
		id: 'decline',
		keys: ['n', 'Esc'],
		help: 'no: send nothing',
		scope: 'menu',
		hint: {text: 'no', keys: ['n', 'Esc']},
	},
	{
		id: 'choose',
		keys: ['Enter'],
		help: 'choose',
		scope: 'menu',
		hint: 'choose',
		doc: 'choose the item under the cursor',
	},
	{
		id: 'pick',
		keys: ['1…9'],
		help: 'choose the item with that number',
		scope: 'menu',
		doc: 'in a menu (`a`, `F`) or a choice of answers: choose the item with that number',
	},
	{
		id: 'close',
		keys: ['Esc'],
		help: 'close the menu',
		scope: 'menu',
		hint: 'close',
		doc: 'close the menu or the help',
	},
	{
		id: 'typed',
		keys: ['Enter'],
		help: 'a note or a word being typed: done',
		scope: 'menu',
		hint: 'done',
		doc: 'in a note or a word a confirmation asks for: done (`y`, `n` and `q` are letters there)',
	},
	{
		id: 'sendNothing',
		keys: ['Esc'],
		help: 'close the confirmation: send nothing',
		scope: 'menu',
		hint: 'send nothing',
	},
	{
		id: 'complete',
		keys: ['Tab'],
		help: 'complete the name',
		scope: 'commandLine',
		doc: 'complete the command or the name (from a server-side search); pressed again, the next option',
	},
	{
		id: 'historyBack',
		keys: ['↑'],
		help: 'earlier command',
		scope: 'commandLine',
		pair: 'historyForward',
		doc: 'walk the history: an earlier / a later command',
	},
	{id: 'historyForward', keys: ['↓'], help: 'later command', scope: 'commandLine'},
	{
		id: 'board',
		keys: ['B'],
		help: 'rollout board',
		scope: 'watch',
		hint: 'board',
		app: true,
		doc: 'the rollout board (when one is on the stack already, back down to it rather than another on top)',
	},
	{
		id: 'approvals',
		keys: ['Q'],
		help: 'approvals queue: every plan waiting across the org',
		scope: 'watch',
		hint: 'approvals',
		app: true,
	},
	{
		id: 'watch',
		keys: ['W'],
		help: 'watch mode on/off',
		scope: 'watch',
		hint: 'watch',
		app: true,
		doc:
			'watch mode on/off (any level): poll every 2 s while anything shown is in progress, every 15 s ' +
			'once settled; the status line says which (`:watch` only turns it on)',
	},
	{
		id: 'pause',
		keys: ['p'],
		help: 'pause/resume refreshing',
		scope: 'watch',
		hint: 'pause',
		app: true,
		doc: 'pause and resume refreshing (the header says PAUSED)',
	},
	{
		id: 'faster',
		keys: ['+', '='],
		help: 'watch: poll more often',
		scope: 'watch',
		app: true,
		pair: 'slower',
		doc:
			'watch mode: poll more or less often (1 to 30 s; the status line says the new interval); outside ' +
			'watch mode they say that `W` turns it on',
	},
	{id: 'slower', keys: ['-'], help: 'watch: poll less often', scope: 'watch', app: true},
	{
		id: 'copyId',
		keys: ['y'],
		help: 'copy the id',
		scope: 'global',
		hint: 'copy',
		doc:
			'copy the selection’s id (OSC 52: works over SSH; wrapped for screen; inside tmux through tmux ' +
			'itself, `load-buffer -w`, into its paste buffer and the clipboard, and the status line names the ' +
			'tmux setting when one is missing)',
	},
	{
		id: 'copyLink',
		keys: ['Y'],
		help: 'copy the dashboard link',
		scope: 'global',
		doc: 'copy the selection’s dashboard link',
	},
	{
		id: 'openLink',
		keys: ['o'],
		help: 'open in the dashboard',
		scope: 'global',
		hint: 'open',
		doc:
			'open the selection in the Nuon dashboard (with a local display), or show its link (OSC 8, ' +
			'clickable where the terminal supports it)',
	},
	{
		id: 'command',
		keys: [':'],
		help: 'jump: :install, :app, :component…',
		scope: 'global',
		hint: 'jump',
		app: true,
		doc:
			'the command line: `:install NAME`, `:app NAME`, `:component NAME` (in the current install: the ' +
			'stack becomes installs › the install › the deploy, as `--install` and `--component` open it), ' +
			'`:org ID|NAME` (switch org), `:logs`, `:watch`, `:board`, `:q`; a name can be partial, in any ' +
			'case (the exact name wins, then one that starts with it, then one that contains it); Esc closes it',
	},
	{id: 'refresh', keys: ['r'], help: 'refresh now', scope: 'global', hint: 'refresh'},
	{
		id: 'help',
		keys: ['?'],
		help: 'this help',
		scope: 'global',
		hint: 'help',
		app: true,
		doc:
			'show or hide the help overlay: generated from the same key table, the keys of the screen you ' +
			'are on first, then every other key by topic, in as many columns as fit whole descriptions; ' +
			'`↑`/`↓` scroll it when it is taller than the terminal',
	},
	{
		id: 'quit',
		keys: ['q', 'Ctrl-c'],
		help: 'quit',
		scope: 'global',
		hint: 'quit',
		app: true,
		doc: 'quit (Ctrl-C from anywhere: while typing a filter, a search, a `:` command or a note too)',
	},
	{
		id: 'suspend',
		keys: ['Ctrl-z'],
		help: 'suspend to the shell',
		scope: 'global',
		app: true,
		doc: 'suspend to the shell (the terminal is given back); `fg` brings the explorer back, redrawn',
	},
]);
