/**
 * `/`: start a session, then share its invite link (copy it, or let the room scan its QR code) and
 * keep the host link (and the notice a previous page left, e.g. "Session deleted").
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Protocol } from '@worktable/shared';
import {
  CreateSessionSecretError,
  DEFAULT_PROTOCOL_ID,
  MAX_NAME_LENGTH,
  MAX_TITLE_LENGTH,
  SessionRole,
  type CreateSessionResponse,
} from '@worktable/shared';
import { ApiRequestError, createSession, userMessage } from '../api.js';
import { ProtocolPicker, useProtocols } from '../components/ProtocolPicker.js';
import { CopyField } from '../components/CopyField.js';
import { TextField } from '../components/TextField.js';
import { Link } from '../components/Link.js';
import { PageNotice } from '../components/PageNotice.js';
import { hostLinkFragment, saveIdentity } from '../identity.js';
import { InviteQr } from '../invite/InviteQr.js';
import { sessionPath } from '../router.js';
import { CustomProtocolCard } from '../protocolEditor/CustomProtocolCard.js';
import { copyProtocol } from '../protocolEditor/editProtocol.js';
import { ImportProtocolButton } from '../protocolEditor/ImportProtocolButton.js';
import { ProtocolEditor } from '../protocolEditor/ProtocolEditor.js';
import { useCustomProtocol } from '../protocolEditor/useCustomProtocol.js';

interface Created {
  title: string;
  session: CreateSessionResponse;
  hostLink: string;
}

/** The home page. */
export function HomePage() {
  const [created, setCreated] = useState<Created | null>(null);
  useEffect(() => {
    document.title = 'Worktable';
  }, []);
  return (
    <div className="page page-narrow">
      <PageNotice />
      {created ? <SessionReady created={created} onReset={() => setCreated(null)} /> : <StartForm onCreated={setCreated} />}
    </div>
  );
}

function StartForm({ onCreated }: { onCreated: (created: Created) => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [hostName, setHostName] = useState('');
  const [protocol, setProtocol] = useState(DEFAULT_PROTOCOL_ID);
  const protocols = useProtocols();
  const [custom, setCustom] = useCustomProtocol();
  const [editing, setEditing] = useState<Protocol | null>(null);
  const [focusCard, setFocusCard] = useState(false);
  const chooseBuiltIn = () => {
    setCustom(null);
    requestAnimationFrame(() => document.getElementById(`${id}-protocol`)?.focus());
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown once the server says it asks for the organization's secret (CREATE_SESSION_SECRET).
  const [askSecret, setAskSecret] = useState(false);
  const [secret, setSecret] = useState('');
  // Each refusal for the secret moves focus to its field, once the field is rendered and enabled.
  const [secretRefusals, setSecretRefusals] = useState(0);
  useEffect(() => {
    if (secretRefusals > 0) document.getElementById(`${id}-secret`)?.focus();
  }, [secretRefusals, id]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const trimmedTitle = title.trim();
    const trimmedName = hostName.trim();
    if (!trimmedTitle) {
      setError('Give the session a title, for example “Tuning: Grade 9 essay unit”.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const chosen = custom ? { customProtocol: custom } : { protocol };
      const session = await createSession(
        trimmedName ? { title: trimmedTitle, ...chosen, hostName: trimmedName } : { title: trimmedTitle, ...chosen },
        secret.trim(),
      );
      saveIdentity(session.sessionId, {
        participantId: session.participantId,
        token: session.hostToken,
        name: trimmedName || 'Host',
        role: SessionRole.Host,
        inviteCode: session.inviteCode,
      });
      const hostLink = `${window.location.origin}${sessionPath(session.sessionId)}${hostLinkFragment(session.hostToken, session.inviteCode)}`;
      onCreated({ title: trimmedTitle, session, hostLink });
    } catch (caught) {
      setError(userMessage(caught));
      setBusy(false);
      if (isSecretRefusal(caught)) {
        setAskSecret(true);
        setSecretRefusals((n) => n + 1);
      }
    }
  };

  return (
    <>
      <header className="page-header">
        <h1 tabIndex={-1}>Start a session</h1>
        <p className="lead">Put work on the table and examine it together. You host; everyone you invite joins with a link.</p>
      </header>
      <form className="card form" onSubmit={(event) => void submit(event)}>
        <TextField
          id={`${id}-title`}
          label="Session title"
          name="title"
          required
          maxLength={MAX_TITLE_LENGTH}
          value={title}
          onValue={setTitle}
          placeholder="Tuning: Grade 9 essay unit"
          autoComplete="off"
        />
        <TextField
          id={`${id}-name`}
          label="Your name"
          optional
          name="hostName"
          maxLength={MAX_NAME_LENGTH}
          value={hostName}
          onValue={setHostName}
          autoComplete="name"
          hint="Shown to the people you invite. Leave it empty to appear as “Host”."
        />
        {custom ? (
          <CustomProtocolCard protocol={custom} focusOnMount={focusCard} onEdit={() => setEditing(custom)} onClear={chooseBuiltIn} />
        ) : (
          <ProtocolPicker
            id={`${id}-protocol`}
            protocols={protocols}
            value={protocol}
            onChange={setProtocol}
            actions={
              <>
                <button
                  type="button"
                  className="button ghost"
                  onClick={() => {
                    const builtin = protocols.find((p) => p.id === protocol);
                    if (builtin) setEditing(copyProtocol(builtin));
                  }}
                >
                  Customize…
                </button>
                <ImportProtocolButton
                  onImport={(imported) => {
                    setFocusCard(true);
                    setCustom(imported);
                  }}
                />
              </>
            }
          />
        )}
        {editing && (
          <ProtocolEditor
            initial={editing}
            onCancel={() => setEditing(null)}
            onSave={(saved) => {
              setFocusCard(true);
              setCustom(saved);
              setEditing(null);
            }}
          />
        )}
        {askSecret && (
          <TextField
            id={`${id}-secret`}
            label="Your organization’s secret"
            name="createSessionSecret"
            secret
            value={secret}
            onValue={setSecret}
            autoComplete="off"
            hint="This server starts sessions only for its organization. Whoever runs Worktable for you has the secret; people you invite never need it."
          />
        )}
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Starting…' : 'Start session'}
          </button>
        </div>
      </form>
    </>
  );
}

/** Whether the server refused to start a session for want of the organization's secret (missing or wrong). */
function isSecretRefusal(error: unknown): boolean {
  return (
    error instanceof ApiRequestError && (error.code === CreateSessionSecretError.Required || error.code === CreateSessionSecretError.Wrong)
  );
}

function SessionReady({ created, onReset }: { created: Created; onReset: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { session } = created;
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">Session created</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {created.title}
        </h1>
        <p className="lead">Your session is ready. Share the invite link, then open the table.</p>
      </header>
      <section className="card stack" aria-label="Links">
        <CopyField
          label="Invite link"
          value={session.inviteUrl}
          description="Send this to the people who join. Anyone with it can join as a participant or observer."
        />
        <InviteQr url={session.inviteUrl} />
        <CopyField
          label="Host link"
          value={created.hostLink}
          description="Opens the table as host, from any browser. Keep it to yourself."
        />
        <div className="actions">
          <Link className="button primary" href={sessionPath(session.sessionId)}>
            Open the table
          </Link>
          <button type="button" className="button ghost" onClick={onReset}>
            Start another session
          </button>
        </div>
      </section>
    </>
  );
}
