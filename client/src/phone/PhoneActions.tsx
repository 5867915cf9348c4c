/**
 * What a phone can do during a convening, shown right under the phase and its timer in the phone
 * layout (the session page under 400 px, see `SessionTable`; `PhonePlace` above says where you
 * are): place your dots when a vote is open at your table, add a sticky note to your table, and
 * post a harvest card when you report (or read who does). One column, in reading order, so the
 * keyboard and screen readers take it top to bottom.
 */
import type * as Y from 'yjs';
import { PLENARY_DOC, type HarvestCard } from '@worktable/shared';
import type { LocalUser } from '../artifacts/types.js';
import type { CanvasLayer } from '../canvas/canvasLayer.js';
import { HarvestPanel } from '../convening/HarvestPanel.js';
import { tableNameOf } from '../convening/place.js';
import type { PlenaryDoc } from '../convening/usePlenaryDoc.js';
import type { ProtocolMe } from '../protocol/people.js';
import { PhoneSticky } from './PhoneSticky.js';
import { PhoneVote } from './PhoneVote.js';
import './phone.css';
import type { SessionView } from '../protocol/sessionView.js';

/** Props of `PhoneActions`. */
export interface PhoneActionsProps {
  /** The state as the server sent it, and as it concerns your own seat (see `ownPlace`). */
  state: SessionView | null;
  ownState: SessionView | null;
  /** The document the page has open (your table, or the plenary) and its Y.Doc. */
  docName: string;
  doc: Y.Doc | null;
  plenary: PlenaryDoc | null;
  cards: readonly HarvestCard[];
  user: LocalUser;
  me: ProtocolMe;
  /** Private writing's layer, when it takes new stickies. */
  layer: CanvasLayer | undefined;
  /** Nothing done here can reach the table (removed, or the session deleted): only the harvest to read. */
  readOnly: boolean;
  nameOf(participantId: string): string;
}

/** The phone's actions. */
export function PhoneActions({ state, ownState, docName, doc, plenary, cards, user, me, layer, readOnly, nameOf }: PhoneActionsProps) {
  const atOwnTable = docName !== PLENARY_DOC && (ownState === null || ownState.tableId === docName);
  const tableName = state ? tableNameOf(state, docName) : 'your table';
  return (
    <div className="phone-actions">
      {!readOnly && <PhoneVote doc={doc} me={me} />}
      {atOwnTable && !readOnly && <PhoneSticky doc={doc} layer={layer} user={user} tableName={tableName} />}
      {state && (
        <HarvestPanel state={state} docName={docName} plenary={plenary} cards={cards} me={{ ...me, name: user.name }} nameOf={nameOf} />
      )}
    </div>
  );
}
