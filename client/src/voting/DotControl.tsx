/**
 * One item's dots while a vote is open at your table, overlaid on its frame (the canvas's
 * `ArtifactAddon`): − count +, a group named "Your dots on <title>: 2 here, 1 of 3 left"; Tab
 * reaches the buttons, Enter or Space presses them. A press that cannot count says why (visibly,
 * and to screen readers); the server's refusals show in a `role="alert"`. After the reveal the
 * item shows its result instead. Before it, nobody's dots but your own are known here.
 */
import { useEffect, useState } from 'react';
import type { ArtifactAddonProps } from '../canvas/artifactAddon.js';
import { sendControl } from '../protocol/controlConnection.js';
import { useAction } from '../protocol/useAction.js';
import { dotControlLabel, dotsLabel, itemDots } from './ballot.js';
import { itemTitle } from './itemTitle.js';
import { useTableVote } from './useTableVote.js';
import './voting.css';

/** How long a "why not" note stays on screen. */
const NOTE_MS = 4_000;

/** The dot control (or result badge) of one voted item; nothing for items not in the vote. */
export function DotControl({ meta, artifact }: ArtifactAddonProps) {
  const { vote, ballot } = useTableVote();
  const { run, busy, error } = useAction(sendControl);
  const [note, setNote] = useState<{ id: number; text: string; shown: boolean } | null>(null);
  useEffect(() => {
    if (!note?.shown) return;
    const timer = window.setTimeout(
      () => setNote((current) => (current?.id === note.id ? { ...current, shown: false } : current)),
      NOTE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [note]);

  if (!vote?.items.includes(meta.id)) return null;
  if (vote.results) {
    const dots = vote.results[meta.id] ?? 0;
    return (
      <p className={`vote-result${dots === 0 ? ' is-zero' : ''}`} data-no-drag="">
        <span className="vote-pip" aria-hidden="true" />
        {dotsLabel(dots)}
      </p>
    );
  }

  const title = itemTitle(artifact, meta);
  const dots = itemDots(vote, ballot, meta.id);
  const say = (text: string, shown: boolean) => setNote((previous) => ({ id: (previous?.id ?? 0) + 1, text, shown }));
  const change = (delta: 1 | -1) => {
    const check = delta > 0 ? dots.add : dots.remove;
    if (!check.ok) return say(check.reason, true);
    if (busy) return;
    const count = dots.mine + delta;
    void run({ action: 'vote', itemId: meta.id, count }).then((applied) => {
      if (applied) say(`${count} here, ${dots.left - delta} of ${vote.dots} left`, false);
    });
  };
  const pips = Array.from({ length: vote.maxPerItem }, (_, i) => i < dots.mine);
  return (
    <div className="vote-dots" role="group" aria-label={dotControlLabel(title, dots, vote.dots)} aria-busy={busy} data-no-drag="">
      <button
        type="button"
        className="vote-step"
        aria-label="Remove a dot"
        aria-disabled={!dots.remove.ok}
        title={dots.remove.ok ? 'Take a dot off' : dots.remove.reason}
        onClick={() => change(-1)}
      >
        −
      </button>
      <span className="vote-mine" aria-hidden="true">
        {pips.map((filled, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: pips are interchangeable dots with no identity or state
          <span key={i} className={filled ? 'vote-pip' : 'vote-pip is-empty'} />
        ))}
        <span className="vote-count">{dots.mine}</span>
      </span>
      <button
        type="button"
        className="vote-step"
        aria-label="Add a dot"
        aria-disabled={!dots.add.ok}
        title={dots.add.ok ? 'Put a dot here' : dots.add.reason}
        onClick={() => change(1)}
      >
        +
      </button>
      <p className={note?.shown ? 'vote-note' : 'visually-hidden'} role="status">
        {note && <span key={note.id}>{note.text}</span>}
      </p>
      {error && (
        <p className="vote-note vote-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
