/**
 * The dot vote at your table on a phone: the vote bar (question, dots left, reveal and close for
 * whoever runs it, the ranking once revealed) and, while it is open, each item with its own
 * − count + (the canvas's `DotControl`), since the canvas is not on screen. Announced like the
 * sidebar's: when it opens, is revealed and closes.
 */
import type * as Y from 'yjs';
import { VoteStatus } from '@worktable/shared';
import { getArtifact } from '../canvas/tableModel.js';
import { useArtifacts } from '../canvas/useArtifacts.js';
import { sendControl, useControlStore } from '../protocol/controlConnection.js';
import { canRunControls, type ProtocolMe } from '../protocol/people.js';
import { useAction } from '../protocol/useAction.js';
import { DotControl } from '../voting/DotControl.js';
import { itemTitle } from '../voting/itemTitle.js';
import { useTableVote } from '../voting/useTableVote.js';
import { useVoteAnnouncement } from '../voting/useVoteAnnouncement.js';
import { CanvasVoteRanking } from '../voting/CanvasVoteRanking.js';
import { VoteBar } from '../voting/VoteBar.js';
import '../voting/voting.css';

/** Props of `PhoneVote`. */
export interface PhoneVoteProps {
  /** Your table's document (the items' names), when open. */
  doc: Y.Doc | null;
  me: ProtocolMe;
}

/** The items of an open vote, each with its dots. */
function VoteItems({ doc, items }: { doc: Y.Doc; items: readonly string[] }) {
  const metas = useArtifacts(doc);
  return (
    <ul className="phone-vote-items">
      {items.map((itemId) => {
        const meta = metas.find((m) => m.id === itemId) ?? null;
        const artifact = getArtifact(doc, itemId);
        return (
          <li key={itemId} className="phone-vote-item">
            <p className="phone-vote-title">{itemTitle(artifact, meta)}</p>
            {meta && artifact && <DotControl meta={meta} artifact={artifact} selectedAlone={false} readOnly={false} />}
          </li>
        );
      })}
    </ul>
  );
}

/** The vote, when one is open or revealed at your table (the live region always). */
export function PhoneVote({ doc, me }: PhoneVoteProps) {
  const state = useControlStore((s) => s.state);
  const { vote, ballot, eligible } = useTableVote();
  const { run, busy, error } = useAction(sendControl);
  const said = useVoteAnnouncement(vote);
  return (
    <div className="phone-vote">
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {said && <p key={said.id}>{said.text}</p>}
      </div>
      {vote && (
        <>
          <VoteBar
            vote={vote}
            ballot={ballot}
            eligible={eligible}
            results={doc && <CanvasVoteRanking vote={vote} doc={doc} />}
            runs={state !== null && canRunControls(state, me)}
            run={run}
            busy={busy}
            error={error}
            howTo="Use − and + on the items below. Nobody sees anyone’s dots until the results are revealed."
          />
          {vote.status === VoteStatus.Open && doc && <VoteItems doc={doc} items={vote.items} />}
        </>
      )}
    </div>
  );
}
