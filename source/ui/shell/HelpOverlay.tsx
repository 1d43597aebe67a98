import {Box, Text} from 'ink';
import {COMMANDS, commandById, READ_ONLY_ABSENT, type Command} from '../keys/commands.js';
import type {Keymap} from '../keys/keymap.js';
import {SCOPE_TITLES, type Scope} from '../keys/command.js';
import {fit, truncate} from '../../domain/text.js';
import type {Theme} from '../widgets/theme.js';

type Entry = {title: string} | {keys: string; help: string};

/** Room for the keys: the longest ("PgUp Ctrl-b Ctrl-u") where the column allows. */
const keysWidth = (columnWidth: number) => Math.min(21, Math.floor(columnWidth * 0.42));
/** Narrower than this, descriptions would be cut to nothing: fewer columns instead, and scrolling. */
const MIN_COLUMN_WIDTH = 52;

/** The help's entries: the keys of the screen on top first, then every other key by topic. */
export function helpEntries(screen: Keymap, readOnly = false): Entry[] {
	const entry = (c: Command) => ({keys: c.keys.join(' '), help: c.help});
	// On this screen each key is listed with the command it means here (on the board, h is a column).
	const screenEntry = (c: Command) => {
		const keys = screen.keysOf(c.id);
		return keys.length ? [{keys: keys.join(' '), help: c.help}] : [];
	};
	const here = new Set(screen.commands);
	return [
		...(screen.hints.length
			? [{title: 'On this screen'}, ...screen.commands.map(commandById).flatMap(screenEntry)]
			: []),
		...(Object.entries(SCOPE_TITLES) as Array<[Scope, string]>).flatMap(([scope, title]) => {
			const rest = COMMANDS.filter(
				c => c.scope === scope && !here.has(c.id) && !(readOnly && READ_ONLY_ABSENT.has(c.id)),
			);
			return rest.length ? [{title}, ...rest.map(entry)] : [];
		}),
	];
}

/** How the help lays out at this size: its columns, rows per column and how far it can scroll. */
export function helpLayout(width: number, height: number, entryCount: number) {
	const rows = Math.max(1, height - 3);
	const columnCount = Math.max(
		1,
		Math.min(Math.floor((width - 4) / MIN_COLUMN_WIDTH), Math.ceil(entryCount / rows)),
	);
	const perColumn = Math.ceil(entryCount / columnCount);
	return {rows, columnCount, perColumn, maxOffset: Math.max(0, perColumn - rows)};
}

/** Generated from the key registry, so it always matches what the keys do. Flows into balanced columns;
 * scrolls when taller than the screen. */
export function HelpOverlay({
	width,
	height,
	theme,
	screenKeys,
	offset,
	readOnly,
}: {
	width: number;
	height: number;
	theme: Theme;
	screenKeys: Keymap;
	offset: number;
	readOnly: boolean;
}) {
	const entries = helpEntries(screenKeys, readOnly);
	const {rows, columnCount, perColumn, maxOffset} = helpLayout(width, height, entries.length);
	const top = Math.min(offset, maxOffset);
	const columns: Entry[][] = [];
	for (let index = 0; index < entries.length; index += perColumn)
		columns.push(entries.slice(index, index + perColumn).slice(top, top + rows));
	const columnWidth = Math.floor((width - 4) / columnCount);
	const lastShown = Math.min(perColumn, top + rows);
	const more = perColumn > rows ? ` · ↑↓ scroll (${top + 1}–${lastShown} of ${perColumn})` : '';
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={theme.focusBorder}
			paddingX={1}
		>
			<Text bold color={theme.accent} wrap="truncate-end">
				{`Keys — press ? or Esc to close${more}`}
			</Text>
			<Box>
				{columns.map((column, columnIndex) => (
					<Box key={columnIndex} flexDirection="column" width={columnWidth}>
						{column.map((entry, index) =>
							'title' in entry ? (
								<Text key={index} bold>
									{truncate(entry.title, columnWidth - 1)}
								</Text>
							) : (
								<Text key={index}>
									<Text color={theme.accent}>{fit(` ${entry.keys}`, keysWidth(columnWidth))}</Text>
									{truncate(entry.help, Math.max(0, columnWidth - keysWidth(columnWidth) - 1))}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
