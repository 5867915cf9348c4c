/** The small menu of an artifact: Open, Bring to front, the owner's draft toggle, Delete. */
import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from './icons.js';

/** Props of `ArtifactMenu`. */
export interface ArtifactMenuProps {
  label: string;
  readOnly: boolean;
  /** Only the person who put it on the table marks it draft. */
  isOwner: boolean;
  draft: boolean;
  onOpen(): void;
  onFront(): void;
  onDraft(draft: boolean): void;
  onDelete(): void;
}

/** A "…" button opening the artifact's actions. */
export function ArtifactMenu({ label, readOnly, isOwner, draft, onOpen, onFront, onDraft, onDelete }: ArtifactMenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close, true);
    return () => document.removeEventListener('pointerdown', close, true);
  }, [open]);
  const act = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };
  return (
    <div
      className="artifact-menu"
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          ref.current?.querySelector('button')?.focus();
        }
        if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
          event.preventDefault();
          event.stopPropagation();
          const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      <button
        type="button"
        className="artifact-menu-button"
        aria-label={`Actions for ${label}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="more" />
      </button>
      {open && (
        <div className="menu" role="menu" id={id} aria-label="Artifact actions">
          <button type="button" role="menuitem" onClick={act(onOpen)}>
            Open
          </button>
          {!readOnly && (
            <button type="button" role="menuitem" onClick={act(onFront)}>
              Bring to front
            </button>
          )}
          {!readOnly && isOwner && (
            <button type="button" role="menuitem" onClick={act(() => onDraft(!draft))}>
              {draft ? 'Remove draft mark' : 'Mark as draft'}
            </button>
          )}
          {!readOnly && (
            <button type="button" role="menuitem" className="danger" onClick={act(onDelete)}>
              Delete
            </button>
          )}
        </div>
      )}
    </div>
  );
}
