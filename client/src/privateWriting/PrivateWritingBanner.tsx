/**
 * Everyone at the table sees a banner while private writing is on, and hears (politely) when it
 * starts and when the notes are revealed. The live region is always there, so both are said.
 */
import { useEffect, useRef, useState } from 'react';
import type { PrivateWriting } from '@worktable/shared';
import { useControlStore } from '../protocol/controlConnection.js';
import { privateAnnouncement, privateBannerText, privateChange } from './privateWriting.js';
import './privateWriting.css';

/** Props of `PrivateWritingBanner`. */
export interface PrivateWritingBannerProps {
  /** Observers read about other people's notes. */
  canWrite: boolean;
}

/** The private-writing banner and announcements of the table page. */
export function PrivateWritingBanner({ canWrite }: PrivateWritingBannerProps) {
  const writing = useControlStore((s) => s.state?.privateWriting ?? null);
  const hasState = useControlStore((s) => s.state !== null);
  const previous = useRef<PrivateWriting | null | undefined>(undefined);
  const counter = useRef(0);
  const [said, setSaid] = useState<{ id: number; text: string } | null>(null);
  useEffect(() => {
    // The first state after loading the page is where things are, not a change.
    if (!hasState) return;
    const before = previous.current;
    previous.current = writing;
    if (before === undefined) return;
    const text = privateAnnouncement(privateChange(before, writing), writing);
    if (text) setSaid({ id: ++counter.current, text });
  }, [writing, hasState]);

  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {said && <p key={said.id}>{said.text}</p>}
      </div>
      {writing && (
        <div className="banner banner-private">
          <p>
            <strong>{privateBannerText(writing, canWrite)}</strong>
          </p>
        </div>
      )}
    </>
  );
}
