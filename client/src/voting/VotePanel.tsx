/**
 * Dot voting in the table page's sidebar, for the people at the table the page shows: the
 * facilitator (or host) starts a vote on the items selected on the canvas ("Dot vote on N
 * selected" → a small dialog); while a vote is open or revealed everyone sees the vote bar.
 * A polite live region says when a vote opens, its results are revealed, and it closes.
 * Votes are run by the server over the control connection (`sendControl`).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useCanvasUi } from '../canvas/uiStore.js';
import { sendControl, useControlStore } from '../protocol/controlConnection.js';
import { canRunControls, type ProtocolMe } from '../protocol/people.js';
import { useAction } from '../protocol/useAction.js';
import { CanvasVoteRanking } from './CanvasVoteRanking.js';
import { votingAt } from './ballot.js';
import { useTableVote } from './useTableVote.js';
import { useVoteAnnouncement } from './useVoteAnnouncement.js';
import { VoteBar } from './VoteBar.js';
import { lazyPart, preloadWhenIdle, useShownOnce } from '../components/Loading.js';
import './voting.css';

// The form to open a vote loads the first time it opens.
const OpenVoteDialog = lazyPart(() => import('./OpenVoteDialog.js').then((m) => m.OpenVoteDialog));

/** Props of `VotePanel`. */
export interface VotePanelProps {
  /** The table's document (for the items' names), when open. */
  doc: Y.Doc | null;
  /** The document the page shows: votes show only on your own table. */
  docName: string;
  me: ProtocolMe;
}

/** The voting part of the sidebar. */
export function VotePanel({ doc, docName, me }: VotePanelProps) {
  const id = useId();
  const state = useControlStore((s) => s.state);
  const { vote, ballot, eligible } = useTableVote();
  const selection = useCanvasUi((s) => s.selection);
  const { run, busy, error, clearError } = useAction(sendControl);
  const [dialogOpen, setDialogOpen] = useState(false);
  const said = useVoteAnnouncement(vote);
  const barRef = useRef<HTMLDivElement>(null);
  const runs = state !== null && canRunControls(state, me);
  const dialogMounted = useShownOnce(dialogOpen);
  // Whoever may open a vote has the form's code before they ask for it.
  useEffect(() => (runs ? preloadWhenIdle(OpenVoteDialog) : undefined), [runs]);

  // A vote that opens (from here or elsewhere) closes the dialog.
  useEffect(() => {
    if (vote) setDialogOpen(false);
  }, [vote]);
  // The button just pressed (Open, Reveal, Close it) goes away with the change: keep the
  // keyboard here, on the panel's heading, instead of losing it to the page.
  const stage = vote ? `${vote.id}:${vote.status}` : 'none';
  const lastStage = useRef(stage);
  useEffect(() => {
    if (lastStage.current === stage) return;
    lastStage.current = stage;
    if (document.activeElement === document.body) barRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [stage]);
  const openDialog = useCallback(() => {
    clearError();
    setDialogOpen(true);
  }, [clearError]);
  const closeDialog = useCallback(() => setDialogOpen(false), []);

  const count = selection.length;
  if (!votingAt(state, docName)) return null;
  return (
    <div className="vote-panel" ref={barRef}>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {said && <p key={said.id}>{said.text}</p>}
      </div>
      {vote ? (
        <VoteBar
          vote={vote}
          ballot={ballot}
          eligible={eligible}
          results={doc && <CanvasVoteRanking vote={vote} doc={doc} />}
          runs={runs}
          run={run}
          busy={busy}
          error={error}
        />
      ) : (
        runs && (
          <section className="protocol-card vote-start" aria-labelledby={`${id}-h`}>
            <h2 id={`${id}-h`} tabIndex={-1}>
              Dot vote
            </h2>
            <p className="hint" id={`${id}-hint`}>
              {count === 0
                ? 'Select stickies or other items on the table (shift-click or drag with the select tool), then let everyone place dots.'
                : 'Everyone at the table places dots on the selected items.'}
            </p>
            <div className="protocol-row">
              <button
                type="button"
                className="button secondary"
                disabled={count === 0}
                aria-describedby={`${id}-hint`}
                onClick={openDialog}
              >
                Dot vote on {count} selected
              </button>
            </div>
            {dialogMounted && (
              <OpenVoteDialog open={dialogOpen} items={selection} doc={doc} run={run} busy={busy} error={error} onClose={closeDialog} />
            )}
          </section>
        )
      )}
    </div>
  );
}
