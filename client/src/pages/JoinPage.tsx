/**
 * `/join/:sessionId?code=…`: join a session by name, as a participant or a read-only observer.
 * A browser that already joined this session goes straight to the table with its stored identity.
 * While the form is shown, the table's code is fetched, so joining does not wait for it.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { INVITE_CODE_LENGTH, MAX_NAME_LENGTH, MAX_ORGANIZATION_LENGTH, SessionRole } from '@worktable/shared';
import { joinSession, userMessage } from '../api.js';
import { TextField } from '../components/TextField.js';
import { keepJoinedView, loadIdentity, saveIdentity } from '../identity.js';
import { navigate, sessionPath } from '../router.js';
import { SessionTable } from './lazyPages.js';

/** Roles people in our networks often hold, offered as suggestions (anything may be typed). */
const SYSTEM_ROLE_SUGGESTIONS = [
  'teacher',
  'school leader',
  'district leader',
  'coach',
  'researcher',
  'community partner',
  'student',
  'parent',
];

/** Props of `JoinPage`. */
export interface JoinPageProps {
  sessionId: string;
  /** From `?code=`; when missing the page asks for it. */
  inviteCode: string | null;
}

/** The join page. */
export function JoinPage({ sessionId, inviteCode }: JoinPageProps) {
  const [alreadyJoined] = useState(() => loadIdentity(sessionId) !== null);

  useEffect(() => {
    document.title = 'Join a session · Worktable';
    if (alreadyJoined) navigate(sessionPath(sessionId), { replace: true });
  }, [alreadyJoined, sessionId]);

  if (alreadyJoined) {
    return (
      <div className="page page-narrow">
        <p className="muted">Opening your table…</p>
      </div>
    );
  }
  return <JoinForm sessionId={sessionId} inviteCode={inviteCode} />;
}

function JoinForm({ sessionId, inviteCode }: JoinPageProps) {
  const id = useId();
  // The table's code is fetched while the person types, once the form is on screen.
  useEffect(() => {
    const timer = window.setTimeout(() => SessionTable.preload().catch(() => undefined), 0);
    return () => window.clearTimeout(timer);
  }, []);
  const [name, setName] = useState('');
  const [code, setCode] = useState(inviteCode ?? '');
  const [observer, setObserver] = useState(false);
  const [organization, setOrganization] = useState('');
  const [systemRole, setSystemRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const trimmedName = name.trim();
    const trimmedCode = code.trim().toUpperCase();
    if (!trimmedName) {
      setError('Enter your name, so the others know who is at the table.');
      return;
    }
    if (!trimmedCode) {
      setError('Enter the invite code from your invite link, or open the link the host sent you.');
      return;
    }
    const role = observer ? SessionRole.Observer : SessionRole.Participant;
    setBusy(true);
    setError(null);
    try {
      const about = {
        ...(organization.trim() ? { organization: organization.trim() } : {}),
        ...(systemRole.trim() ? { systemRole: systemRole.trim() } : {}),
      };
      const joined = await joinSession(sessionId, { name: trimmedName, inviteCode: trimmedCode, role, ...about });
      saveIdentity(sessionId, {
        participantId: joined.participantId,
        token: joined.token,
        name: trimmedName,
        role,
        inviteCode: trimmedCode,
      });
      if (joined.session) keepJoinedView(sessionId, joined.session);
      navigate(sessionPath(sessionId));
    } catch (caught) {
      setError(userMessage(caught));
      setBusy(false);
    }
  };

  return (
    <div className="page page-narrow">
      <header className="page-header">
        <p className="eyebrow">You are invited</p>
        <h1 tabIndex={-1}>Join the session</h1>
        <p className="lead">Tell the others who you are. You can take part, or just observe.</p>
      </header>
      <form className="card form" onSubmit={(event) => void submit(event)}>
        <TextField
          id={`${id}-name`}
          label="Your name"
          name="name"
          required
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onValue={setName}
          autoComplete="name"
          autoFocus
        />
        <div className="field-pair">
          <TextField
            id={`${id}-org`}
            label="Organization"
            optional
            name="organization"
            maxLength={MAX_ORGANIZATION_LENGTH}
            value={organization}
            onValue={setOrganization}
            autoComplete="organization"
          />
          <div className="field">
            <label htmlFor={`${id}-system-role`}>
              Your role <span className="optional">(optional)</span>
            </label>
            <input
              id={`${id}-system-role`}
              name="systemRole"
              type="text"
              list={`${id}-system-roles`}
              maxLength={MAX_NAME_LENGTH}
              value={systemRole}
              onChange={(event) => setSystemRole(event.target.value)}
              aria-describedby={`${id}-system-role-hint`}
              autoComplete="organization-title"
            />
            <datalist id={`${id}-system-roles`}>
              {SYSTEM_ROLE_SUGGESTIONS.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          </div>
        </div>
        <p className="hint" id={`${id}-system-role-hint`}>
          In your system, e.g. teacher, school leader, researcher. Hosts use these to mix tables across organizations and roles.
        </p>
        {!inviteCode && (
          <div className="field">
            <label htmlFor={`${id}-code`}>Invite code</label>
            <input
              id={`${id}-code`}
              name="inviteCode"
              type="text"
              required
              minLength={INVITE_CODE_LENGTH}
              maxLength={INVITE_CODE_LENGTH}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-describedby={`${id}-code-hint`}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className="code-input"
            />
            <p className="hint" id={`${id}-code-hint`}>
              The {INVITE_CODE_LENGTH} characters after <code>?code=</code> in the invite link.
            </p>
          </div>
        )}
        <div className="field field-check">
          <input
            id={`${id}-observer`}
            name="observer"
            type="checkbox"
            checked={observer}
            onChange={(event) => setObserver(event.target.checked)}
            aria-describedby={`${id}-observer-hint`}
          />
          <div>
            <label htmlFor={`${id}-observer`}>Join as observer (read-only)</label>
            <p className="hint" id={`${id}-observer-hint`}>
              Observers follow everything live but cannot change the table.
            </p>
          </div>
        </div>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Joining…' : 'Join the table'}
          </button>
        </div>
      </form>
    </div>
  );
}
