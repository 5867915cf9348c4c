/**
 * Personal links: `<origin>/s/<sessionId>#token=<token>`, a fresh token for each rostered person.
 * The token travels in the fragment, which browsers never send, so it never reaches request logs
 * or Referer headers (the page adopts it and clears the address bar, as with the host link).
 */
import type { RosterPersonView, RosterView } from '@worktable/shared';
import type { TokenSigner } from '../auth/tokens.js';
import type { ParticipantRecord } from '../storage/port.js';

/** The roster of a session: its rostered participants, in join order, each with a freshly signed link. */
export function rosterView(
  signer: TokenSigner,
  origin: string,
  sessionId: string,
  participants: readonly ParticipantRecord[],
  now = Date.now(),
): RosterView {
  const people: RosterPersonView[] = participants
    .filter((p) => p.rostered === true)
    .map((p) => {
      const token = signer.sign({ sid: sessionId, pid: p.participantId, role: p.role });
      return {
        participantId: p.participantId,
        name: p.name,
        organization: p.organization ?? null,
        systemRole: p.systemRole ?? null,
        link: `${origin}/s/${encodeURIComponent(sessionId)}#${new URLSearchParams({ token }).toString()}`,
      };
    });
  return { people, linksExpireAt: new Date(now + signer.ttlSeconds * 1000).toISOString() };
}
