/**
 * Who is looking at reactions on this page, provided once by the session page: the participant
 * id and pseudonym (the ids that are "you"), whether the session makes reactions anonymous (then
 * new reactions are written under the pseudonym and nobody's name is shown), whether the viewer
 * may react at all, and people's names. Without a provider nothing shows reactions.
 */
import { createContext, useContext, useMemo } from 'react';
import { useControlStore } from '../protocol/controlConnection.js';
import type { ReactionSelf } from './reactionModel.js';
import type { ReactionLens } from './reactionText.js';

/** The viewer of reactions. */
export interface ReactionViewer extends ReactionLens {
  /** The ids to write under, or null when the viewer cannot react now (an observer; anonymous before the pseudonym arrived). */
  self: ReactionSelf | null;
}

/** The page's reaction viewer, or null (no reactions shown). */
export const ReactionViewerContext = createContext<ReactionViewer | null>(null);

/** The reaction viewer provided to this part of the page, or null. */
export function useReactionViewer(): ReactionViewer | null {
  return useContext(ReactionViewerContext);
}

/** The ids and write permission of a viewer (pure; `useSessionReactionViewer` feeds it). */
export function viewerOf(participantId: string, pseudonym: string | null, anonymous: boolean, canReact: boolean, nameOf: (id: string) => string | null): ReactionViewer {
  const selves = pseudonym ? [participantId, pseudonym] : [participantId];
  const who = anonymous ? pseudonym : participantId;
  return { selves, anonymous, nameOf, self: canReact && who ? { who, selves } : null };
}

/** The viewer for a session page: the control connection's pseudonym and setting, the session's names. */
export function useSessionReactionViewer(participantId: string, canReact: boolean, participants: readonly { participantId: string; name: string }[]): ReactionViewer {
  const pseudonym = useControlStore((s) => s.pseudonym);
  const anonymous = useControlStore((s) => s.state?.anonymousReactions ?? false);
  return useMemo(() => {
    const names = new Map(participants.map((p) => [p.participantId, p.name]));
    return viewerOf(participantId, pseudonym, anonymous, canReact, (id) => names.get(id) ?? null);
  }, [participantId, pseudonym, anonymous, canReact, participants]);
}
