/**
 * The TipTap extensions of a document: headings, lists, bold/italic (StarterKit, without its own
 * undo history — the Collaboration extension brings a Yjs-aware one), http(s)-only links opening
 * in a new tab, checklists and tables, bound to the artifact's Y.XmlFragment. Carets of other
 * people are added when an awareness is given (see `caretAwareness.ts` for how its fields are
 * shared with the canvas).
 */
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Link from '@tiptap/extension-link';
import TaskList from '@tiptap/extension-task-list';
import TaskItem from '@tiptap/extension-task-item';
import { TableKit } from '@tiptap/extension-table';
import Placeholder from '@tiptap/extension-placeholder';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { caretAwareness } from './caretAwareness.js';
import { isAllowedLink } from './linkPolicy.js';

/** Where a document's content lives and who is typing. */
export interface DocumentExtensionOptions {
  fragment: Y.XmlFragment;
  /** The table's awareness; without it no carets are shown or published (tests). */
  awareness?: Awareness;
  /** Name and colour shown on this person's caret to others. */
  user?: { name: string; color: string };
  placeholder?: string;
}

/** Renders another person's caret: a coloured bar with their name above it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#555555';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' && user.name ? user.name : 'Someone';
  caret.append(label);
  return caret;
}

/** The extensions of a document editor. */
export function documentExtensions({ fragment, awareness, user, placeholder }: DocumentExtensionOptions): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      undoRedo: false,
      link: false,
      heading: { levels: [1, 2, 3] },
      codeBlock: false,
      code: false,
    }),
    Link.configure({
      autolink: true,
      linkOnPaste: true,
      openOnClick: false,
      defaultProtocol: 'https',
      HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer nofollow' },
      isAllowedUri: (url) => isAllowedLink(url),
      shouldAutoLink: (url) => isAllowedLink(url),
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    Collaboration.configure({ fragment }),
  ];
  if (placeholder) extensions.push(Placeholder.configure({ placeholder }));
  if (awareness) {
    extensions.push(
      CollaborationCaret.configure({
        provider: { awareness: caretAwareness(awareness) },
        user: user ?? {},
        render: renderCaret,
      }),
    );
  }
  return extensions;
}
