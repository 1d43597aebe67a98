import React from 'react';
import {Text} from 'ink';
import {statusView} from '../../domain/status.js';
import {fit} from '../../domain/text.js';
import type {Theme} from '../theme.js';

/** "✓ active" in the status's colour; `width` pads it to a column. */
export function StatusBadge({status, theme, width}: {status: string | undefined | null; theme: Theme; width?: number}) {
	const view = statusView(status);
	const label = `${view.glyph} ${view.label}`;
	return <Text color={theme.phase[view.phase]}>{width ? fit(label, width) : label}</Text>;
}
