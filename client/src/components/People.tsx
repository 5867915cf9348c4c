/** Who is at the table: the people connected right now, and everyone who joined the session. */
import type { ParticipantView, SessionRole } from '@worktable/shared';
import { colorFor } from '../session/colors.js';
import type { PresentPeer } from '../session/tableConnection.js';

const ROLE_LABELS: Readonly<Record<SessionRole, string>> = {
  host: 'Host',
  participant: 'Participant',
  observer: 'Observer',
};

/** The label of a role, for people. */
export function roleLabel(role: SessionRole): string {
  return ROLE_LABELS[role];
}

/** A name's initials: the first letters of its first and last words that start with a letter. */
export function initials(name: string): string {
  // Words that start with a letter ("Hana (host)" → H, not "H(").
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word));
  if (words.length === 0) return '';
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters
    .map((word) =>
      [...(word ?? '')]
        .filter((c) => /\p{L}/u.test(c))
        .slice(0, words.length > 1 ? 1 : 2)
        .join(''),
    )
    .join('')
    .toUpperCase();
}

/** A round badge with a person's initials in their presence colour. */
export function Avatar({ name, color }: { name: string; color: string }) {
  return (
    <span className="avatar" style={{ backgroundColor: color }} aria-hidden="true">
      {initials(name) || '?'}
    </span>
  );
}

/** Props of `PresenceList`. */
export interface PresenceListProps {
  peers: readonly PresentPeer[];
  /** Client id of the person whose view you follow, or null. */
  following?: number | null;
  /** Participant ids speaking in the call right now (a ring around their avatar). */
  speaking?: ReadonlySet<string>;
  /** Starts (client id) or stops (null) following someone; without it there are no Follow buttons. */
  onFollow?: (clientId: number | null) => void;
}

/** The people connected to the table now, one entry per person even with several tabs open. */
export function PresenceList({ peers, following = null, onFollow, speaking }: PresenceListProps) {
  const seen = new Set<string>();
  const people = peers.filter((peer) => {
    const key = peer.participantId || `client:${peer.clientId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (people.length === 0) return <p className="muted">Nobody is connected yet.</p>;
  return (
    <ul className="people" aria-label="Connected now">
      {people.map((peer) => (
        <li key={peer.clientId} className={speaking?.has(peer.participantId) ? 'person is-speaking' : 'person'}>
          <Avatar name={peer.name} color={peer.color} />
          <span className="person-name">{peer.name}</span>
          {speaking?.has(peer.participantId) && <span className="visually-hidden">speaking</span>}
          {peer.isLocal && <span className="muted">(you)</span>}
          {!peer.isLocal && onFollow && (
            <button
              type="button"
              className={following === peer.clientId ? 'follow-button is-following' : 'follow-button'}
              aria-pressed={following === peer.clientId}
              aria-label={following === peer.clientId ? `Stop following ${peer.name}` : `Follow ${peer.name}`}
              onClick={() => onFollow(following === peer.clientId ? null : peer.clientId)}
            >
              {following === peer.clientId ? 'Following' : 'Follow'}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Props of `ParticipantList`. */
export interface ParticipantListProps {
  participants: readonly ParticipantView[];
  youId: string;
  /** Participant ids connected right now. */
  online: ReadonlySet<string>;
  /** Asks to remove someone (the host's list); without it there are no Remove buttons. Never offered for yourself or the host. */
  onRemove?: (participant: ParticipantView) => void;
}

/** Everyone who joined the session, with their role and whether they are here. */
export function ParticipantList({ participants, youId, online, onRemove }: ParticipantListProps) {
  return (
    <ul className="people" aria-label="Participants">
      {participants.map((p) => {
        const here = online.has(p.participantId);
        return (
          <li key={p.participantId} className={here ? 'person' : 'person is-away'}>
            <span className="avatar-wrap">
              <Avatar name={p.name} color={colorFor(p.participantId, participants)} />
              <span className={here ? 'status-dot status-here' : 'status-dot'} aria-hidden="true" />
            </span>
            <span className="person-text">
              <span>
                <span className="person-name">{p.name}</span>
                {p.participantId === youId && <span className="muted"> (you)</span>}
              </span>
              {(p.systemRole || p.organization) && (
                <span className="person-about">{[p.systemRole, p.organization].filter(Boolean).join(' · ')}</span>
              )}
            </span>
            <span className="visually-hidden">{here ? ', here now' : ', away'}</span>
            {p.role !== 'participant' && <span className={`badge badge-${p.role}`}>{roleLabel(p.role)}</span>}
            {onRemove && p.participantId !== youId && p.role !== 'host' && (
              <button type="button" className="remove-button" aria-label={`Remove ${p.name}`} onClick={() => onRemove(p)}>
                Remove
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
