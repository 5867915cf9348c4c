/**
 * The host dashboard of a session the browser hosts: opens the control connection, shows the
 * controls (the agenda and its clock, seat, plenary, broadcast, the invite's QR code and the room
 * display), the agenda, and as tabs the tables, the roster and the plan, and announces what each
 * action did in a polite live region that also shows briefly on screen.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PlanSection } from '../plan/PlanSection.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { AgendaOutline } from './AgendaOutline.js';
import { inviteUrl } from '../router.js';
import { RosterSection } from '../roster/RosterSection.js';
import { ControlBar } from './ControlBar.js';
import { DashboardContext } from './DashboardContext.js';
import { DashboardHeader } from './DashboardHeader.js';
import { DashboardPanel, DashboardTabs, DashboardView } from './DashboardTabs.js';
import { TablesSection } from './TablesSection.js';
import { useControlChannel } from '../protocol/useControlChannel.js';
import './dashboard.css';
import './agenda.css';
import './tables.css';

/** Props of `Dashboard`. */
export interface DashboardProps {
  sessionId: string;
  title: string;
  /** The session's protocol id (null: the default). */
  protocolId: string | null;
  /** The host's bearer token. */
  token: string;
  /** The invite code, when this browser knows it (for the invite's QR code). */
  inviteCode: string | null;
}

/** How long an announcement stays on screen (it stays in the live region's history for screen readers). */
const TOAST_MS = 6_000;

/** The live dashboard. */
export function Dashboard({ sessionId, title, token, inviteCode, protocolId }: DashboardProps) {
  const send = useControlChannel(sessionId, token);
  const dashboard = useControlStore((s) => s.dashboard);
  const offsetMs = useControlStore((s) => s.offsetMs);
  const [said, setSaid] = useState<{ id: number; text: string } | null>(null);
  const [view, setView] = useState<DashboardView>(DashboardView.Tables);
  const announce = useCallback((text: string) => setSaid((previous) => ({ id: (previous?.id ?? 0) + 1, text })), []);
  const context = useMemo(
    () => ({ sessionId, inviteUrl: inviteCode ? inviteUrl(sessionId, inviteCode) : null, send, announce }),
    [sessionId, inviteCode, send, announce],
  );

  useEffect(() => {
    if (!said) return;
    const timer = window.setTimeout(() => setSaid((current) => (current?.id === said.id ? null : current)), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [said]);

  useEffect(() => {
    document.title = `Dashboard · ${title} · Worktable`;
  }, [title]);

  return (
    <DashboardContext.Provider value={context}>
      <div className="page page-dashboard">
        <DashboardHeader sessionId={sessionId} title={title} token={token} dashboard={dashboard} />
        {dashboard ? (
          <>
            <ControlBar dashboard={dashboard} offsetMs={offsetMs} protocolId={protocolId} />
            <AgendaOutline dashboard={dashboard} />
            <DashboardTabs view={view} onChange={setView} />
            <DashboardPanel view={view}>
              {view === DashboardView.Tables && <TablesSection dashboard={dashboard} offsetMs={offsetMs} />}
              {view === DashboardView.Roster && <RosterSection dashboard={dashboard} token={token} title={title} />}
              {view === DashboardView.Plan && <PlanSection dashboard={dashboard} title={title} />}
            </DashboardPanel>
          </>
        ) : (
          <p className="h-quiet" aria-busy="true">
            Waiting for the tables from the server…
          </p>
        )}
        <div className={`dash-toast${said ? ' is-shown' : ''}`} role="status" aria-live="polite" aria-atomic="true">
          {said && <p key={said.id}>{said.text}</p>}
        </div>
      </div>
    </DashboardContext.Provider>
  );
}
