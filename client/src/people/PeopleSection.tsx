/**
 * The side panel's People section: who is here now (follow someone's view, see who speaks in the
 * call), the session's participants (the host removes people, client/src/removal), and for the
 * host the invite link and the session's settings (client/src/participation).
 */
import { useSpeaking } from '../call/useSpeaking.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import { lazyPart } from '../components/Loading.js';
import { PresenceList } from '../components/People.js';
import { InviteCard } from '../invite/InviteCard.js';
import { ParticipantsCard } from '../removal/ParticipantsCard.js';
import type { TablePartProps } from '../session/useTableSession.js';

// Loaded for the host only (issue #20).
const SessionSettings = lazyPart(() => import('../participation/SessionSettings.js').then((m) => m.SessionSettings));

/** The people at the table and in the session. */
export function PeopleSection({ table }: TablePartProps) {
  const { sessionId, token, role, inviteCode } = table;
  const youId = table.me.participantId;
  const speaking = useSpeaking(youId);
  const following = useCanvasUi((s) => s.following);
  const follow = useCanvasUi((s) => s.follow);
  return (
    <>
      <section className="card" aria-labelledby="here-heading">
        <h2 id="here-heading">Here now</h2>
        <PresenceList peers={table.peers} following={following} onFollow={follow} speaking={speaking} />
      </section>
      <ParticipantsCard
        participants={table.view.participants}
        youId={youId}
        online={table.online}
        removal={role === 'host' ? { sessionId, token, onRemoved: table.dropParticipant } : undefined}
      />
      {role === 'host' && inviteCode && (
        <InviteCard sessionId={sessionId} token={token} inviteCode={inviteCode} onNewCode={table.setInviteCode} />
      )}
      {role === 'host' && <SessionSettings />}
    </>
  );
}
