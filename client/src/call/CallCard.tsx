/**
 * The table's call in the sidebar: join (audio on, camera optional), mute (Ctrl+D), camera,
 * leave; your microphone's level; who is in the call with speaking rings, muted marks and "asks
 * to speak"; "Moving to Table 5…" after a reseat; devices to choose; and what went wrong with
 * what to do. Changes that matter (moving, the protocol muting you, someone asking to speak) are
 * announced in a polite live region. Audio and video go browser to browser; nothing is recorded.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { nameOf, type ProtocolParticipant } from '../protocol/people.js';
import { useCallStore, type CallPeerView } from './callStore.js';
import { meshCall } from './meshCall.js';
import type { TableCall } from './useTableCall.js';
import type { SessionView } from '../protocol/sessionView.js';
import { tableNameOf } from '../convening/place.js';
import './call.css';

/** Props of `CallCard`. */
export interface CallCardProps {
  state: SessionView;
  me: { participantId: string; role: string };
  participants: readonly ProtocolParticipant[];
  call: TableCall;
}

/** The name of a table by id ("Table 5"). */
function tableName(state: SessionView, tableId: string | null): string {
  return tableId ? tableNameOf(state, tableId) : 'your table';
}

/** Why there is no table call where you are now. */
function placeNote(state: SessionView): string {
  if (state.callLink && state.tableId !== null)
    return 'Everyone is together in the plenary: join it through the call link above. Your table’s call comes back with the next round.';
  return state.callLink
    ? 'Everyone is together in the plenary: join it through the call link above.'
    : 'Calls are per table: you are not at a table now (the host joins a table’s call by visiting it).';
}

/** What the live region says after a change of the call, or null. */
function useCallAnnouncement(state: SessionView, participants: readonly ProtocolParticipant[], me: string): string | null {
  const movingTo = useCallStore((s) => s.movingTo);
  const policyNote = useCallStore((s) => s.policyNote);
  const askers = useCallStore((s) =>
    s.peers
      .filter((p) => p.asksToSpeak)
      .map((p) => p.participantId)
      .join(','),
  );
  const [said, setSaid] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the moment of moving is news, not a new state
  useEffect(() => {
    if (movingTo) setSaid(`Moving to ${tableName(state, movingTo)}…`);
  }, [movingTo]);
  useEffect(() => {
    if (policyNote) setSaid(policyNote);
  }, [policyNote]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: someone new asking to speak is the news, not a change of names
  useEffect(() => {
    if (askers)
      setSaid(
        `${askers
          .split(',')
          .map((id) => nameOf(participants, id, me))
          .join(', ')} asks to speak.`,
      );
  }, [askers]);
  return said;
}

/** The call card. */
export function CallCard({ state, me, participants, call }: CallCardProps) {
  const id = useId();
  const store = useCallStore();
  const said = useCallAnnouncement(state, participants, me.participantId);
  const name = (participantId: string) => nameOf(participants, participantId, me.participantId);
  const inCall = store.status === 'in';
  const here = call.place;
  const where = here?.scope === 'plenary' ? 'the plenary' : tableName(state, here?.tableId ?? null);
  let body: ReactNode;
  if (here === null) {
    body = <p className="call-note">{placeNote(state)}</p>;
  } else if (store.status === 'off' || store.status === 'error') {
    body = (
      <>
        {store.error && (
          <p className="alert" role="alert">
            {store.error}
          </p>
        )}
        <p className="call-note">
          {here.scope === 'plenary'
            ? 'Everyone is together: join the plenary’s call (audio only; you arrive muted, unmute to speak).'
            : `Talk with the people at ${where}. The call follows you when you change tables.`}
        </p>
        <button type="button" className="button primary" onClick={call.start}>
          {store.status === 'error' ? 'Try the call again' : 'Join the call'}
        </button>
      </>
    );
  } else if (store.status === 'starting') {
    body = (
      <p className="call-note" role="status">
        Starting your microphone… (your browser may ask you to allow it)
      </p>
    );
  } else {
    body = (
      <>
        {store.movingTo && (
          <p className="call-moving" role="status">
            Moving to {tableName(state, store.movingTo)}…
          </p>
        )}
        {store.error && <p className="alert">{store.error}</p>}
        <div className="call-controls">
          <button
            type="button"
            className={`button ${store.muted ? 'secondary call-muted' : 'secondary'}`}
            aria-keyshortcuts="Control+D Meta+D"
            title="Mute or unmute (Ctrl+D)"
            onClick={() => meshCall.setMuted(!store.muted)}
          >
            {store.muted ? 'Unmute' : 'Mute'}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={store.videoCapped && !store.video}
            onClick={() => void meshCall.setVideo(!store.video)}
          >
            {store.video ? 'Camera off' : 'Camera on'}
          </button>
          <button type="button" className="button ghost" onClick={call.stop}>
            Leave the call
          </button>
        </div>
        {store.listening && store.muted && (
          <div className="call-listening">
            <p>{store.policyNote}</p>
            <button type="button" className="button primary" onClick={() => meshCall.setMuted(false)}>
              I need to speak
            </button>
          </div>
        )}
        {store.listening && !store.muted && store.asksToSpeak && <p className="call-note">Your table sees that you asked to speak.</p>}
        {!store.listening && store.policyNote && store.muted && <p className="call-note">{store.policyNote}</p>}
        <label className="call-level">
          <span>{store.muted ? 'Your microphone (muted)' : 'Your microphone'}</span>
          <meter min={0} max={1} low={0.15} high={0.85} optimum={0.5} value={store.level} />
        </label>
        {store.videoError && <p className="alert">{store.videoError}</p>}
        {store.videoCapped && (
          <p className="call-note">
            {store.scope === 'plenary'
              ? 'The plenary’s call is audio only: unmute when you speak.'
              : 'Video is off: the call has more people than a table’s call carries with video. Audio goes on.'}
          </p>
        )}
        <Videos peers={store.peers} local={store.localVideo} name={name} />
        <PeerList
          peers={store.peers}
          name={name}
          me={me.participantId}
          speaking={store.speaking}
          muted={store.muted}
          asksToSpeak={store.asksToSpeak}
        />
        <Devices />
      </>
    );
  }
  return (
    <section className="protocol-card call-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Call{inCall && here ? ` · ${here.scope === 'plenary' ? 'Plenary' : where}` : ''}</h3>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {said && <p>{said}</p>}
      </div>
      {body}
      <p className="call-privacy">
        Audio and video go directly between the browsers at the table. Worktable records nothing; it only measures how long each person
        speaks.
      </p>
    </section>
  );
}

/** Who is in the call: you, then the others, with speaking rings and marks. */
function PeerList({
  peers,
  name,
  me,
  speaking,
  muted,
  asksToSpeak,
}: {
  peers: CallPeerView[];
  name: (id: string) => string;
  me: string;
  speaking: boolean;
  muted: boolean;
  asksToSpeak: boolean;
}) {
  return (
    <ul className="call-peers" aria-label="In the call">
      <li className={`call-peer${speaking ? ' is-speaking' : ''}`} data-participant={me}>
        <span className="call-avatar" aria-hidden="true">
          {initial(name(me) === 'you' ? 'You' : name(me))}
        </span>
        <span className="call-peer-name">You</span>
        {muted && <span className="call-mark">muted</span>}
        {asksToSpeak && <span className="call-mark call-asks">asks to speak</span>}
      </li>
      {peers.map((p) => (
        <li
          key={p.peerId}
          className={`call-peer${p.speaking ? ' is-speaking' : ''}`}
          data-participant={p.participantId}
          data-link={p.link}
          data-inbound-bytes={p.stats?.inboundAudioBytes ?? 0}
          data-candidate={p.stats?.localCandidateType ?? ''}
        >
          <span className="call-avatar" aria-hidden="true">
            {initial(name(p.participantId))}
          </span>
          <span className="call-peer-name">{name(p.participantId)}</span>
          {p.speaking && <span className="visually-hidden">speaking</span>}
          {p.muted && <span className="call-mark">muted</span>}
          {p.asksToSpeak && <span className="call-mark call-asks">asks to speak</span>}
          {p.link !== 'connected' && (
            <span className="call-mark">
              {p.link === 'failed' ? 'no connection' : p.link === 'reconnecting' ? 'reconnecting…' : 'connecting…'}
            </span>
          )}
        </li>
      ))}
      {peers.length === 0 && <li className="call-note">Nobody else is in the call yet.</li>}
    </ul>
  );
}

/** The first letter of a name, for the avatar. */
function initial(text: string): string {
  return (text.match(/\p{L}/u)?.[0] ?? '?').toUpperCase();
}

/** The cameras that are on, yours first. */
function Videos({ peers, local, name }: { peers: CallPeerView[]; local: MediaStream | null; name: (id: string) => string }) {
  const shown = peers.filter((p) => p.stream !== null);
  if (!local && shown.length === 0) return null;
  return (
    <div className="call-videos">
      {local && <VideoTile stream={local} label="You" muted />}
      {shown.map((p) => p.stream && <VideoTile key={p.peerId} stream={p.stream} label={name(p.participantId)} speaking={p.speaking} />)}
    </div>
  );
}

function VideoTile({
  stream,
  label,
  muted = false,
  speaking = false,
}: {
  stream: MediaStream;
  label: string;
  muted?: boolean;
  speaking?: boolean;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <figure className={`call-video${speaking ? ' is-speaking' : ''}`}>
      {/* Sound plays through the call's own audio elements; the tile is picture only. */}
      <video ref={ref} autoPlay playsInline muted={muted || true} aria-label={`${label}’s camera`} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** Microphone and camera choice. */
function Devices() {
  const { microphones, cameras, microphoneId, cameraId } = useCallStore();
  if (microphones.length <= 1 && cameras.length <= 1) return null;
  return (
    <details className="call-devices">
      <summary>Microphone and camera</summary>
      <label>
        Microphone
        <select value={microphoneId ?? ''} onChange={(e) => void meshCall.switchMicrophone(e.target.value)}>
          {microphones.map((d, i) => (
            <option key={d.deviceId || i} value={d.deviceId}>
              {d.label || `Microphone ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
      {cameras.length > 0 && (
        <label>
          Camera
          <select value={cameraId ?? ''} onChange={(e) => void meshCall.switchCamera(e.target.value)}>
            <option value="" disabled>
              Choose a camera
            </option>
            {cameras.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || `Camera ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </details>
  );
}
