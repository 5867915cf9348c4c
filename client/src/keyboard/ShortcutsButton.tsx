/** "Shortcuts (?)" in the table's header: listens for the page's shortcuts and opens their help sheet. */
import { lazyPart, useShownOnce } from '../components/Loading.js';
import { useShortcuts } from './useShortcuts.js';

// The help sheet loads the first time it opens.
const ShortcutsDialog = lazyPart(() => import('./ShortcutsDialog.js').then((m) => m.ShortcutsDialog));

/** The header button and the shortcuts it stands for. */
export function ShortcutsButton() {
  const [open, setOpen] = useShortcuts();
  const mounted = useShownOnce(open);
  return (
    <>
      <button
        type="button"
        className="button secondary"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (press ? anywhere)"
        onClick={() => setOpen(true)}
      >
        Shortcuts (?)
      </button>
      {mounted && <ShortcutsDialog open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
