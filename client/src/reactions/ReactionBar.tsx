/**
 * The reactions of one item. In full, a group of toggle buttons (one per reaction, `aria-pressed`
 * when it is yours, named "Agree, 3 people" or "Agree (you and 2 others)", the count beside the
 * symbol), announcing each toggle politely; an anonymous reaction the server refused says why in
 * an alert. Compact (not selected, or a viewer who cannot react), the reactions given, as text.
 * Names of who reacted show in the tooltip only when reactions are not anonymous.
 */
import { useMemo, useState } from 'react';
import type { ReactionId } from '@worktable/shared';
import type { ReactionPress } from './reactionModel.js';
import {
  reactionButtonLabel,
  reactionSummary,
  reactionTitle,
  reactionViews,
  toggleAnnouncement,
  type ReactionView,
} from './reactionText.js';
import type { ReactionViewer } from './reactionViewer.js';
import { useReactionPress } from './useReactionPress.js';
import './reactions.css';

/** Props of `ReactionBar`. */
export interface ReactionBarProps {
  keys: readonly string[];
  viewer: ReactionViewer;
  /** Only the reactions given, without buttons (buttons also need a viewer who can react). */
  compact: boolean;
  /** Toggles the viewer's reaction; says what it did and asks of the server, or null when nothing could be done. */
  onToggle(reaction: ReactionId): ReactionPress | null;
  className?: string;
}

function classes(...names: string[]): string {
  return names.filter(Boolean).join(' ');
}

/** One item's reactions: buttons, or a compact summary. */
export function ReactionBar({ keys, viewer, compact, onToggle, className = '' }: ReactionBarProps) {
  const views = useMemo(() => reactionViews(keys, viewer), [keys, viewer]);
  const [said, setSaid] = useState<{ id: number; text: string } | null>(null);
  const { press, busy, error } = useReactionPress(viewer.self?.docName ?? null);
  if (compact || !viewer.self) return <ReactionSummary views={views} className={className} />;
  const toggle = (view: ReactionView) =>
    void press(() => onToggle(view.id)).then((result) => {
      if (!result) return;
      const count = view.count + (result === 'added' ? 1 : -1);
      setSaid((previous) => ({ id: (previous?.id ?? 0) + 1, text: toggleAnnouncement(view.label, result, count) }));
    });
  return (
    <div className={classes('reaction-bar', className)} role="group" aria-label="Reactions" aria-busy={busy} data-no-drag="">
      {views.map((view) => (
        <button
          key={view.id}
          type="button"
          className="reaction"
          aria-pressed={view.mine}
          aria-label={reactionButtonLabel(view.label, view.count, view.mine)}
          title={reactionTitle(view)}
          onClick={() => toggle(view)}
        >
          <span className="reaction-symbol" aria-hidden="true">
            {view.symbol}
          </span>
          {/* The count is drawn by CSS: the name says it in words ("you and 2 others"), which a digit in the text would contradict for checkers. */}
          {view.count > 0 && <span className="reaction-count" data-count={view.count} aria-hidden="true" />}
        </button>
      ))}
      <p className="visually-hidden" role="status">
        {said && <span key={said.id}>{said.text}</span>}
      </p>
      {error && (
        <p className="reaction-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The reactions given, as text (nothing when there are none). */
function ReactionSummary({ views, className }: { views: readonly ReactionView[]; className: string }) {
  const given = views.filter((view) => view.count > 0);
  if (given.length === 0) return null;
  return (
    <p className={classes('reaction-summary', className)}>
      <span className="visually-hidden">{reactionSummary(views)}</span>
      {given.map((view) => (
        <span
          key={view.id}
          className={view.mine ? 'reaction-chip is-mine' : 'reaction-chip'}
          title={reactionTitle(view)}
          aria-hidden="true"
        >
          <span className="reaction-symbol">{view.symbol}</span>
          <span className="reaction-count">{view.count}</span>
        </span>
      ))}
    </p>
  );
}
