/** A message from the host to every table (at most `MAX_BROADCAST_CHARS` characters), with what was sent last. */
import { useId, useState, type FormEvent } from 'react';
import { MAX_BROADCAST_CHARS } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { useHostAction } from './useHostAction.js';

const timeOfDay = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The broadcast group of the control bar. */
export function BroadcastForm() {
  const id = useId();
  const broadcast = useHostAction();
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<{ message: string; at: number } | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    if (text.length === 0) {
      setInvalid('Write a message first.');
      return;
    }
    setInvalid(null);
    if (await broadcast.run({ action: 'broadcast', message: text }, 'Message sent to every table.')) {
      setSent({ message: text, at: Date.now() });
      setMessage('');
    }
  };

  return (
    <form className="dash-group dash-broadcast" aria-label="Broadcast" onSubmit={(e) => void send(e)} noValidate>
      <h2 id={`${id}-h`} className="dash-group-title">
        <label htmlFor={`${id}-msg`}>Message to every table</label>
      </h2>
      <div className="dash-broadcast-row">
        <textarea
          id={`${id}-msg`}
          rows={1}
          maxLength={MAX_BROADCAST_CHARS}
          value={message}
          aria-describedby={`${id}-left`}
          onChange={(e) => setMessage(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={broadcast.busy}>
          {broadcast.busy ? 'Sending…' : 'Send to every table'}
        </button>
      </div>
      <p id={`${id}-left`} className="hint">
        {message.length} / {MAX_BROADCAST_CHARS} characters
        {sent && (
          <span className="dash-sent">
            {' '}
            · Sent at {timeOfDay(sent.at)}: “{sent.message}”
          </span>
        )}
      </p>
      <ActionAlert error={invalid ?? broadcast.error} />
    </form>
  );
}
