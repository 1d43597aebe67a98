// The status line's short message: shown for a few seconds, then gone.
import {useCallback, useEffect, useState} from 'react';
import {oneLine} from '../../domain/text.js';

const FLASH_MS = 4000;

/** The message on show, and `say`, which shows one (on one line) for FLASH_MS. */
export function useFlash(): [string | undefined, (text: string) => void] {
	const [flash, setFlash] = useState<{text: string; at: number}>();
	useEffect(() => {
		if (!flash) return;
		const timer = setTimeout(() => setFlash(undefined), FLASH_MS);
		return () => clearTimeout(timer);
	}, [flash]);
	const say = useCallback((text: string) => setFlash({text: oneLine(text), at: Date.now()}), []);
	return [flash?.text, say];
}
