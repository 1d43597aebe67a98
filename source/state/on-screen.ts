// Whether the level a resource belongs to is the one on screen. A covered level keeps its data but
// does not poll; when it is on screen again its resources ask at once instead of showing data as
// old as the time it was covered until the next poll.
import {createContext, useContext, useEffect, useEffectEvent, useRef} from 'react';

export const OnScreenContext = createContext(true);

/** Calls `refresh` when the level comes back on screen (not on its first showing). */
export function useRefreshWhenUncovered(refresh: () => void): void {
	const onScreen = useContext(OnScreenContext);
	const wasCovered = useRef(false);
	const refreshNow = useEffectEvent(refresh);
	useEffect(() => {
		if (!onScreen) wasCovered.current = true;
		else if (wasCovered.current) {
			wasCovered.current = false;
			refreshNow();
		}
	}, [onScreen]);
}
