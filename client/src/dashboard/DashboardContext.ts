/** What every dashboard control needs: the session, its invite link, the control connection's `send` and the page's live region. */
import { createContext, useContext } from 'react';
import type { SendSessionAction } from '../protocol/useControlChannel.js';

/** The dashboard's connection and announcer. */
export interface DashboardContextValue {
  sessionId: string;
  /** The full invite link, when this browser knows the invite code. */
  inviteUrl: string | null;
  send: SendSessionAction;
  /** Shows and announces (politely) what just happened, e.g. "Ana moved to Table 4". */
  announce(text: string): void;
}

/** Provided by `Dashboard`. */
export const DashboardContext = createContext<DashboardContextValue | null>(null);

/** The dashboard's context; only inside `Dashboard`. */
export function useDashboardContext(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('useDashboardContext must be used inside the Dashboard');
  return value;
}
