// The status line's short message: shown for a few seconds, then gone.
import {useCallback, useEffect, useState} from 'react';
import {oneLine} from '../../domain/text.js';
import {keyText} from '../widgets/ascii.js';

const FLASH_MS = 4000;

/** The message on show (and when it was said), and `say`, which shows one (on one line) for FLASH_MS. */
export function useFlash(): [{text: string; at: number} | undefined, (text: string) => void] {
	const [flash, setFlash] = useState<{text: string; at: number}>();
	useEffect(() => {
		if (!flash) return;
		const timer = setTimeout(() => setFlash(undefined), FLASH_MS);
		return () => clearTimeout(timer);
	}, [flash]);
	// say('') clears the message; with none shown it changes nothing (no render).
	const say = useCallback(
		(text: string) =>
			setFlash(current =>
				!text && !current?.text ? current : {text: oneLine(keyText(text)), at: Date.now()},
			),
		[],
	);
	return [flash, say];
}
