/**
 * The protocol panel of the table page, with the protocol's wiring at the table: the people who
 * can hold a role (present and not observers), the scribe's notes kept in the table's document,
 * following the presenter's view while they present, and opening the run's notes.
 */
import { useMemo, type ReactNode } from 'react';
import { useTableStore } from '../session/tableConnection.js';
import type { TablePartProps } from '../session/useTableSession.js';
import { ProtocolPanel } from './ProtocolPanel.js';
import { useFollowPresenter } from './useFollowPresenter.js';
import { useOpenNotes } from './useOpenNotes.js';
import { useScribeNotes } from './useScribeNotes.js';

/** Props of `TableProtocolPanel`: the table, and what the page puts in the panel's places (see `ProtocolPanel`). */
export interface TableProtocolPanelProps extends TablePartProps {
  sectioned: boolean;
  phaseFirst?: ReactNode;
  phaseLast?: ReactNode;
  afterBanner: ReactNode;
}

/** The protocol panel for the table shown. */
export function TableProtocolPanel({ table, sectioned, phaseFirst, phaseLast, afterBanner }: TableProtocolPanelProps) {
  const { connection, view, online, me, name } = table;
  const synced = useTableStore((s) => s.synced);
  const openNotes = useOpenNotes(connection?.doc ?? null);
  useFollowPresenter(table.state, table.peers, me.participantId);
  useScribeNotes(connection?.doc ?? null, synced, { participantId: me.participantId, name }, connection?.docName);
  // People at the table who can hold a protocol role: present (in presence) and not observers.
  const roleHolders = useMemo(
    () =>
      view.participants
        .filter((p) => p.role !== 'observer' && (online.has(p.participantId) || p.participantId === me.participantId))
        .map((p) => ({ participantId: p.participantId, name: p.name })),
    [view.participants, online, me.participantId],
  );
  return (
    <ProtocolPanel
      sessionId={table.sessionId}
      token={table.token}
      me={me}
      participants={roleHolders}
      openNotes={openNotes}
      sectioned={sectioned}
      phaseFirst={phaseFirst}
      phaseLast={phaseLast}
      afterBanner={afterBanner}
    />
  );
}
