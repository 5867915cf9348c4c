/**
 * The session page on a phone (≤ 400 px wide), instead of the canvas and its sidebar: your table
 * (who hosts it, who else sits there) or the plenary, the question, the phase and its timer (the
 * protocol panel, which also announces phase changes), then right under the timer what you can do
 * from a phone — place your dots when a vote is open, add a sticky note to your table, post a
 * harvest card when you report — and after them your role and the protocol's other controls.
 * One column, in reading order, so the keyboard and screen readers take it top to bottom.
 */
import type * as Y from 'yjs';
import { PLENARY_DOC, type HarvestCard, type SessionState } from '@worktable/shared';
import type { LocalUser } from '../artifacts/types.js';
import type { CanvasLayer } from '../canvas/canvasLayer.js';
import { HarvestPanel } from '../convening/HarvestPanel.js';
import { tableNameOf } from '../convening/place.js';
import type { PlenaryDoc } from '../convening/usePlenaryDoc.js';
import type { ProtocolMe, ProtocolParticipant } from '../protocol/people.js';
import { ProtocolPanel } from '../protocol/ProtocolPanel.js';
import { PhonePlace } from './PhonePlace.js';
import { PhoneSticky } from './PhoneSticky.js';
import { PhoneVote } from './PhoneVote.js';
import './phone.css';

/** Props of `PhoneSession`. */
export interface PhoneSessionProps {
  sessionId: string;
  token: string;
  /** The state as the server sent it, and as it concerns your own seat (see `ownPlace`). */
  state: SessionState | null;
  ownState: SessionState | null;
  /** The document the page has open (your table, or the plenary) and its Y.Doc. */
  docName: string;
  doc: Y.Doc | null;
  plenary: PlenaryDoc | null;
  cards: readonly HarvestCard[];
  user: LocalUser;
  me: ProtocolMe;
  /** People at the table who can hold roles (the protocol panel's). */
  roleHolders: readonly ProtocolParticipant[];
  /** Private writing's layer, when it takes new stickies. */
  layer: CanvasLayer | undefined;
  readOnly: boolean;
  nameOf(participantId: string): string;
}

/** The stacked phone layout. */
export function PhoneSession(props: PhoneSessionProps) {
  const { sessionId, token, state, ownState, docName, doc, plenary, cards, user, me, roleHolders, layer, readOnly, nameOf } = props;
  const atOwnTable = docName !== PLENARY_DOC && (ownState === null || !ownState.convening || ownState.tableId === docName);
  const tableName = state?.convening ? tableNameOf(state, docName) : 'the table';
  return (
    <div className="phone-session">
      {ownState && <PhonePlace state={ownState} me={me.participantId} nameOf={nameOf} />}
      <ProtocolPanel
        sessionId={sessionId}
        token={token}
        me={me}
        participants={roleHolders}
        afterBanner={
          <div className="phone-actions">
            {!readOnly && <PhoneVote doc={doc} me={me} />}
            {atOwnTable && !readOnly && <PhoneSticky doc={doc} layer={layer} user={user} tableName={tableName} />}
            {state && <HarvestPanel state={state} docName={docName} plenary={plenary} cards={cards} me={{ ...me, name: user.name }} nameOf={nameOf} />}
          </div>
        }
      />
    </div>
  );
}
