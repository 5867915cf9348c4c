/** The table host's prompt to brief the people new to the table this round (role=status). */
import { useState } from 'react';
import type { SessionState } from '@worktable/shared';
import { awayFromTables } from './agendaView.js';
import { newcomerPrompt } from './place.js';
import './convening.css';

/** Props of `NewcomerBanner`. */
export interface NewcomerBannerProps {
  state: SessionState;
  /** The viewer's participant id. */
  me: string;
  nameOf: (participantId: string) => string;
}

/** "Welcome Ana and Ben: brief them on what this table discussed", until "Done" for this round. */
export function NewcomerBanner({ state, me, nameOf }: NewcomerBannerProps) {
  const [doneRound, setDoneRound] = useState<number | null>(null);
  // Only while the round goes on at the tables: not during a plenary part or after the agenda.
  const prompt = awayFromTables(state) || state.gathering !== 'tables' ? null : newcomerPrompt(state, me, nameOf);
  if (!prompt || doneRound === state.round) return null;
  return (
    <div className="banner banner-newcomers" role="status">
      <p>
        <strong>{prompt}</strong>
      </p>
      <p className="hint">The notes of earlier rounds are under “Before you arrived”.</p>
      <button type="button" className="button ghost banner-dismiss" onClick={() => setDoneRound(state.round)}>
        Done
      </button>
    </div>
  );
}
