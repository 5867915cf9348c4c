/**
 * The presenter's own notes while the group talks about their work (a listen-silently phase):
 * they may not post feedback or replies then, so they get a pad only they see, kept in this
 * browser, to read back in their reflection.
 */
import { useEffect, useId, useState } from 'react';

const keyOf = (owner: string) => `worktable:listening-notes:${owner}`;

function load(owner: string): string {
  try {
    return localStorage.getItem(keyOf(owner)) ?? '';
  } catch {
    return '';
  }
}

/** The pad (`owner`: the presenter's participant id, which is unique to the session). */
export function ListeningNotes({ owner }: { owner: string }) {
  const id = useId();
  const [text, setText] = useState(() => load(owner));
  useEffect(() => {
    const timer = window.setTimeout(() => {
      try {
        localStorage.setItem(keyOf(owner), text);
      } catch {
        // Storage full or off: the notes last as long as the page.
      }
    }, 300);
    return () => window.clearTimeout(timer);
  }, [owner, text]);
  return (
    <div className="listening-notes">
      <label htmlFor={id}>Your notes while you listen (only you see them)</label>
      <textarea id={id} rows={4} value={text} onChange={(event) => setText(event.target.value)} />
    </div>
  );
}
