/**
 * The facilitator's seat offered to you ("The facilitator left. Will you facilitate?"), and a
 * one-time notice when you became the facilitator.
 */
import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '@worktable/shared';
import { ROLE_LABEL } from './labels.js';
import { becameFacilitator } from './people.js';
import { useAction, type SendAction } from './useAction.js';

/** Props of `OfferBanner`. */
export interface OfferBannerProps {
  state: SessionState;
  /** The viewer's participant id. */
  me: string;
  send: SendAction;
}

/** The offer to take over a role, and the notice after becoming the facilitator. */
export function OfferBanner({ state, me, send }: OfferBannerProps) {
  const { run, busy, error } = useAction(send);
  const previous = useRef<SessionState | null>(null);
  const [notice, setNotice] = useState(false);

  useEffect(() => {
    if (becameFacilitator(previous.current, state, me)) setNotice(true);
    else if (state.roles.facilitator !== me) setNotice(false);
    previous.current = state;
  }, [state, me]);

  const offer = state.offer;
  const offered = offer?.to.includes(me) === true && state.roles[offer.role] !== me;
  return (
    <>
      {offered && (
        <div className="protocol-offer" role="alert">
          <p>
            {offer.role === 'facilitator'
              ? 'The facilitator left. Will you facilitate?'
              : `The ${ROLE_LABEL[offer.role]} left. Will you take over?`}
          </p>
          <button type="button" className="button primary" disabled={busy} onClick={() => void run({ action: 'accept' })}>
            {offer.role === 'facilitator' ? 'I’ll facilitate' : 'I’ll take it'}
          </button>
          {error && <p className="protocol-error">{error}</p>}
        </div>
      )}
      {notice && (
        <div className="protocol-offer protocol-notice">
          <p>You are now the facilitator</p>
          <button type="button" className="button ghost" onClick={() => setNotice(false)}>
            Got it
          </button>
        </div>
      )}
    </>
  );
}
