/**
 * The host's invite link in the People section, with "New invite link": the server draws a new
 * code and the old link stops joining (after removing someone, so they cannot come back with the
 * link they kept). One confirmation first, since people who have not joined yet need the new link.
 * The page keeps the code (and stores it with this browser's identity: `useInviteCode`).
 */
import { useCallback, useRef, useState } from 'react';
import { newInviteCode, userMessage } from '../api.js';
import { CopyField } from '../components/CopyField.js';
import { saveIdentity, type StoredIdentity } from '../identity.js';
import { inviteUrl } from '../router.js';

/** Props of `InviteCard`. */
export interface InviteCardProps {
  sessionId: string;
  /** The host's bearer token. */
  token: string;
  /** The current invite code. */
  inviteCode: string;
  /** Told the new code once the server made it. */
  onNewCode(inviteCode: string): void;
}

/**
 * The invite code a host's page shows: the stored one until "New invite link" replaces it, which
 * is then remembered with this browser's identity (where the dashboard and the room display read it).
 */
export function useInviteCode(sessionId: string, identity: StoredIdentity): [string | undefined, (inviteCode: string) => void] {
  const [code, setCode] = useState(identity.inviteCode);
  const replace = useCallback(
    (inviteCode: string) => {
      saveIdentity(sessionId, { ...identity, inviteCode });
      setCode(inviteCode);
    },
    [sessionId, identity],
  );
  return [code, replace];
}

type Step = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; message: string };

/** The invite link card with its "New invite link" button. */
export function InviteCard({ sessionId, token, inviteCode, onNewCode }: InviteCardProps) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const opener = useRef<HTMLButtonElement>(null);

  const rotate = async () => {
    // The confirmation goes away: keep the keyboard focus on the button that opened it.
    opener.current?.focus();
    setStep({ kind: 'busy' });
    try {
      const fresh = await newInviteCode(sessionId, token);
      onNewCode(fresh.inviteCode);
      setStep({ kind: 'done' });
    } catch (error) {
      setStep({ kind: 'failed', message: userMessage(error) });
    }
  };

  return (
    <section className="card" aria-label="Invite">
      <CopyField label="Invite link" value={inviteUrl(sessionId, inviteCode)} description="Send this to the people who join." />
      <button
        ref={opener}
        type="button"
        className="button ghost"
        aria-expanded={step.kind === 'confirm'}
        aria-disabled={step.kind === 'busy'}
        onClick={() => step.kind !== 'busy' && setStep(step.kind === 'confirm' ? { kind: 'idle' } : { kind: 'confirm' })}
      >
        {step.kind === 'busy' ? 'Making a new link…' : 'New invite link'}
      </button>
      {step.kind === 'confirm' && (
        <div className="actions" role="group" aria-label="Make a new invite link">
          <p className="hint">The current link stops working for anyone who has not joined yet; people at the table stay.</p>
          <button type="button" className="button secondary" onClick={() => void rotate()}>
            Make a new link
          </button>
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              opener.current?.focus();
              setStep({ kind: 'idle' });
            }}
          >
            Cancel
          </button>
        </div>
      )}
      <p className={step.kind === 'failed' ? 'alert' : 'visually-hidden'} role="status">
        {step.kind === 'done' && 'New invite link made: the old one no longer works.'}
        {step.kind === 'failed' && step.message}
      </p>
    </section>
  );
}
