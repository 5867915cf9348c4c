/**
 * Whether the table page uses the stacked phone layout: a participant's phone (≤ 400 px) in a
 * convening gets it instead of the canvas, also while the first state is on its way; observers and
 * one-table sessions keep the canvas, and "Show the canvas" opens it anyway.
 */
import { useCallback, useState } from 'react';
import type { SessionState } from '@worktable/shared';
import { useNarrowScreen } from './useNarrowScreen.js';

/** The page's layout on a phone. */
export interface PhoneLayout {
  /** The phone layout applies here (the header offers to switch). */
  offered: boolean;
  /** The person chose to see the canvas anyway. */
  canvasOnPhone: boolean;
  /** Switches between the phone view and the canvas. */
  toggleCanvas(): void;
  /** The stacked layout is what shows now. */
  phone: boolean;
}

/** The layout for a viewer who is `observing` or not, in `state`. */
export function usePhoneLayout(observing: boolean, state: SessionState | null): PhoneLayout {
  const narrow = useNarrowScreen();
  const offered = narrow && !observing && (state === null || state.convening);
  const [canvasOnPhone, setCanvasOnPhone] = useState(false);
  const toggleCanvas = useCallback(() => setCanvasOnPhone((shown) => !shown), []);
  return { offered, canvasOnPhone, toggleCanvas, phone: offered && !canvasOnPhone };
}
