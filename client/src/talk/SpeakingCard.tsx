/**
 * Who speaks, in the sidebar: raise or lower your hand, the hands in order (anyone at the table
 * calls the next; the one called has the floor), and the talking piece of a go round — whose turn,
 * their time left (from the server's deadline), pass it on; the facilitator or host starts and ends
 * a go round. Changes are announced in a polite live region.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { EMPTY_QUEUE, pieceHolder, type SessionState, type SpeakingQueue } from '@worktable/shared';
import { formatClock } from '../protocol/clock.js';
import { nameOf, type ProtocolParticipant } from '../protocol/people.js';
import { sendControl } from '../protocol/controlConnection.js';
import { useAction } from '../protocol/useAction.js';
import { talkAnnouncement } from './talkWords.js';
import './talk.css';

/** Props of `SpeakingCard`. */
export interface SpeakingCardProps {
  state: SessionState;
  me: { participantId: string; role: string };
  participants: readonly ProtocolParticipant[];
  /** Server clock minus ours. */
  offsetMs: number;
}

const TURN_CHOICES = [30_000, 60_000, 120_000];

/** The speaking card. */
export function SpeakingCard({ state, me, participants, offsetMs }: SpeakingCardProps) {
  const id = useId();
  const { run, busy, error } = useAction(sendControl);
  const [turnMs, setTurnMs] = useState(60_000);
  const talk: SpeakingQueue = state.talk ?? EMPTY_QUEUE;
  const name = (participantId: string) => nameOf(participants, participantId, me.participantId);
  const leads = me.role === 'host' || state.roles.facilitator === me.participantId;
  const raised = talk.hands.some((h) => h.participantId === me.participantId);
  const holder = pieceHolder(talk);
  const left = usePieceTimeLeft(talk, offsetMs);
  const said = useTalkAnnouncement(talk, (participantId) => nameOf(participants, participantId, me.participantId));
  return (
    <section className="protocol-card speaking-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Who speaks</h2>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {said && <p key={said.id}>{said.text}</p>}
      </div>
      {talk.piece && holder && (
        <div className="speaking-piece">
          <p>
            <span className="speaking-piece-mark" aria-hidden="true">
              ●
            </span>{' '}
            <strong>{holder === me.participantId ? 'You hold' : `${name(holder)} holds`}</strong> the talking piece{' '}
            <span className={left === 0 ? 'speaking-time is-up' : 'speaking-time'}>
              {left === 0 ? 'time is up' : `${formatClock(left)} left`}
            </span>
          </p>
          <ol className="speaking-order" aria-label="The go round, in order">
            {talk.piece.order.map((participantId, index) => (
              <li
                key={participantId}
                className={index === talk.piece?.turn ? 'is-now' : index < (talk.piece?.turn ?? 0) ? 'is-done' : undefined}
                aria-current={index === talk.piece?.turn ? 'step' : undefined}
              >
                {name(participantId)}
              </li>
            ))}
          </ol>
          <div className="protocol-row">
            {(holder === me.participantId || leads) && (
              <button type="button" className="button primary" disabled={busy} onClick={() => void run({ action: 'passPiece' })}>
                {holder === me.participantId ? 'Pass the piece' : `Pass on from ${name(holder)}`}
              </button>
            )}
            {leads && (
              <button type="button" className="button ghost" disabled={busy} onClick={() => void run({ action: 'stopPiece' })}>
                End the go round
              </button>
            )}
          </div>
        </div>
      )}
      {talk.speaker && (
        <p className="speaking-floor">
          {talk.speaker.participantId === me.participantId ? 'You have the floor.' : `${name(talk.speaker.participantId)} has the floor.`}
        </p>
      )}
      {talk.hands.length > 0 ? (
        <ol className="speaking-hands" aria-label="Hands up, in order">
          {talk.hands.map((hand) => (
            <li key={hand.participantId}>{name(hand.participantId)}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">No hands up.</p>
      )}
      {me.role !== 'observer' && (
        <div className="protocol-row">
          <button
            type="button"
            className="button secondary"
            aria-pressed={raised}
            disabled={busy}
            onClick={() => void run({ action: 'raiseHand', up: !raised })}
          >
            {raised ? 'Lower my hand' : 'Raise my hand'}
          </button>
          {talk.hands.length > 0 && (
            <button type="button" className="button ghost" disabled={busy} onClick={() => void run({ action: 'callNext' })}>
              Call {name(talk.hands[0]?.participantId ?? '')}
            </button>
          )}
        </div>
      )}
      {leads && !talk.piece && (
        <div className="protocol-row speaking-start">
          <label htmlFor={`${id}-turn`}>Each turn</label>
          <select id={`${id}-turn`} value={turnMs} onChange={(e) => setTurnMs(Number(e.target.value))}>
            {TURN_CHOICES.map((ms) => (
              <option key={ms} value={ms}>
                {ms < 60_000 ? `${ms / 1000} seconds` : `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button ghost"
            disabled={busy}
            onClick={() => void run({ action: 'startPiece', perPersonMs: turnMs })}
          >
            Start a go round
          </button>
        </div>
      )}
      {error && (
        <p className="alert protocol-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Milliseconds left in the holder's turn, re-read every quarter second while a go round goes on. */
function usePieceTimeLeft(talk: SpeakingQueue, offsetMs: number): number {
  const [, setTick] = useState(0);
  const going = talk.piece !== null;
  useEffect(() => {
    if (!going) return;
    const timer = window.setInterval(() => setTick((n) => n + 1), 250);
    return () => window.clearInterval(timer);
  }, [going]);
  return talk.piece ? Math.max(0, talk.piece.endsAt - (Date.now() + offsetMs)) : 0;
}

/** The latest announcement of the queue's changes (`id` grows so the same words are said again). */
function useTalkAnnouncement(talk: SpeakingQueue, nameOfId: (participantId: string) => string): { id: number; text: string } | null {
  const previous = useRef<SpeakingQueue | null>(null);
  const counter = useRef(0);
  const [said, setSaid] = useState<{ id: number; text: string } | null>(null);
  const names = useRef(nameOfId);
  names.current = nameOfId;
  useEffect(() => {
    const text = previous.current === null ? null : talkAnnouncement(previous.current, talk, names.current);
    previous.current = talk;
    if (text) setSaid({ id: ++counter.current, text });
  }, [talk]);
  return said;
}
