// The terminal's size, re-rendering on a resize. Ink's useWindowSize sets a new object once it has
// mounted even when nothing changed, which renders the whole explorer a second time before its
// first frame is on screen; this one keeps the same object until the size really changes.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface TerminalSize {
	columns: number;
	rows: number;
}

const sizeOf = (stdout: Partial<TerminalSize>): TerminalSize => ({
	columns: stdout.columns || 80,
	rows: stdout.rows || 24,
});

export function useTerminalSize(): TerminalSize {
	const stdout: NodeJS.WritableStream & Partial<TerminalSize> = useStdout().stdout;
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () =>
			setSize(previous => {
				const next = sizeOf(stdout);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		stdout.on('resize', onResize);
		onResize();
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
