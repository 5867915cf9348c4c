/**
 * Who is looking at reactions on this page, provided once by the session page: the participant
 * id and pseudonym (the ids that are "you"), whether the session makes reactions anonymous (then
 * new reactions are given through the server under the pseudonym and nobody's name is shown),
 * whether the viewer may react at all, the document shown, and people's names. Without a
 * provider nothing shows reactions.
 */
import { createContext, useContext, useMemo } from 'react';
import { useControlStore } from '../protocol/controlConnection.js';
import type { ReactionSelf } from './reactionModel.js';
import type { ReactionLens } from './reactionText.js';

/** The viewer of reactions. */
export interface ReactionViewer extends ReactionLens {
  /** Who reacts and where, or null when the viewer cannot react now (an observer; anonymous before the pseudonym arrived). */
  self: ReactionSelf | null;
}

/** The page's reaction viewer, or null (no reactions shown). */
export const ReactionViewerContext = createContext<ReactionViewer | null>(null);

/** The reaction viewer provided to this part of the page, or null. */
export function useReactionViewer(): ReactionViewer | null {
  return useContext(ReactionViewerContext);
}

/** Who looks at reactions, where, and what the session allows them (`viewerOf`'s input). */
export interface ViewerPlace {
  participantId: string;
  /** The pseudonym from `session:welcome`, or null before it. */
  pseudonym: string | null;
  /** The session makes reactions anonymous. */
  anonymous: boolean;
  /** The viewer may react (not an observer, still in the session). */
  canReact: boolean;
  /** The document the page shows (a table or the plenary). */
  docName: string;
}

/** The ids and write permission of a viewer (pure; `useSessionReactionViewer` feeds it). */
export function viewerOf(
  { participantId, pseudonym, anonymous, canReact, docName }: ViewerPlace,
  nameOf: (id: string) => string | null,
): ReactionViewer {
  const selves = pseudonym ? [participantId, pseudonym] : [participantId];
  const ready = canReact && (pseudonym !== null || !anonymous);
  return { selves, anonymous, nameOf, self: ready ? { participantId, pseudonym, anonymous, docName } : null };
}

/** The viewer for a session page showing `docName`: the control connection's pseudonym and setting, the session's names. */
export function useSessionReactionViewer(
  participantId: string,
  canReact: boolean,
  participants: readonly { participantId: string; name: string }[],
  docName: string,
): ReactionViewer {
  const pseudonym = useControlStore((s) => s.pseudonym);
  const anonymous = useControlStore((s) => s.state?.anonymousReactions ?? false);
  return useMemo(() => {
    const names = new Map(participants.map((p) => [p.participantId, p.name]));
    return viewerOf({ participantId, pseudonym, anonymous, canReact, docName }, (id) => names.get(id) ?? null);
  }, [participantId, pseudonym, anonymous, canReact, participants, docName]);
}
