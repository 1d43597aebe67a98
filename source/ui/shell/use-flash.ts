// The status line's short message: shown for a few seconds, then gone. It belongs to the level on top
// when it is first drawn (a message said as a key opens a level is that level's): another level
// opening, or going back, takes it away rather than showing one screen's message on another.
import {useCallback, useEffect, useRef, useState} from 'react';
import {oneLine} from '../../domain/text.js';
import {keyText} from '../widgets/ascii.js';

const FLASH_MS = 4000;

interface Flash {
	text: string;
	at: number;
}

/**
 * The message on show (and when it was said) on the level `topId`, and `say`, which shows one (on
 * one line) for FLASH_MS.
 */
export function useFlash(topId: number): [Flash | undefined, (text: string) => void] {
	const [flash, setFlash] = useState<Flash>();
	useEffect(() => {
		if (!flash) return;
		const timer = setTimeout(() => setFlash(undefined), FLASH_MS);
		return () => clearTimeout(timer);
	}, [flash]);
	// Its level: the one on top when it is first drawn.
	const owner = useRef<{flash?: Flash; level: number}>({level: topId});
	if (owner.current.flash !== flash) owner.current = {flash, level: topId};
	const shown = flash && owner.current.level === topId ? flash : undefined;
	useEffect(() => {
		if (flash && !shown) setFlash(undefined); // gone for good: not back when its level is
	}, [flash, shown]);
	// say('') clears the message; with none shown it changes nothing (no render).
	const say = useCallback(
		(text: string) =>
			setFlash(current =>
				!text && !current?.text ? current : {text: oneLine(keyText(text)), at: Date.now()},
			),
		[],
	);
	return [shown, say];
}
