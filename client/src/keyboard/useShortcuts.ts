/**
 * The table page's shortcuts at work: a key press becomes a click on the control that does the
 * same thing (the toolbar's buttons, the header's Feedback board, the facilitator's Next and
 * Pause/Resume), or the focus in the feedback form, so a shortcut can never do what the page
 * would not let you do by hand.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { showSection } from '../sidePanel/sidePanelStore.js';
import { shortcutOf, type ShortcutAction } from './shortcuts.js';

/** The button named `name` inside `scope` (its visible text or accessible name), if enabled. */
function buttonNamed(scope: ParentNode, name: string): HTMLButtonElement | null {
  for (const button of scope.querySelectorAll<HTMLButtonElement>('button')) {
    const label = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
    if (label === name && !button.disabled) return button;
  }
  return null;
}

/** Does what `action` asks on the page; false when it cannot here (nothing happens). */
function perform(action: ShortcutAction): boolean {
  const toolbar = document.querySelector('.canvas-toolbar');
  const phases = document.querySelector('[role="group"][aria-label="Phases"]');
  const timer = document.querySelector('.protocol-panel');
  switch (action) {
    case 'sticky':
      return click(toolbar && buttonNamed(toolbar, 'Sticky note'));
    case 'document':
      return click(toolbar && buttonNamed(toolbar, 'Document'));
    case 'board':
      return click(buttonNamed(document, 'Feedback board'));
    case 'next':
      return click(phases && buttonNamed(phases, 'Next'));
    case 'pause':
      return click(timer && (buttonNamed(timer, 'Pause') ?? buttonNamed(timer, 'Resume')));
    case 'feedback': {
      // The form of the selected item's feedback, in the side panel's Feedback section ("Your feedback").
      flushSync(() => showSection('feedback'));
      const label = [...document.querySelectorAll<HTMLLabelElement>('section[aria-label="Feedback"] label')].find(
        (l) => l.textContent?.trim() === 'Your feedback',
      );
      const field = label ? document.getElementById(label.htmlFor) : null;
      field?.focus();
      field?.scrollIntoView({ block: 'nearest' });
      return field !== null;
    }
    default:
      return false;
  }
}

function click(button: HTMLButtonElement | null | undefined | false | Element): boolean {
  if (!(button instanceof HTMLButtonElement)) return false;
  button.click();
  return true;
}

/** Listens for the page's shortcuts; returns whether the help sheet is open, and its setter. */
export function useShortcuts(): [boolean, (open: boolean) => void] {
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const typing =
        target !== null && (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null);
      const action = shortcutOf({
        key: event.key,
        code: event.code,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        typing,
      });
      if (!action || action === 'mute' || document.querySelector('dialog[open]')) return;
      if (action === 'help') {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (perform(action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [helpOpen, setHelpOpen];
}
