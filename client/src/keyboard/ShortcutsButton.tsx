/** "Shortcuts (?)" in the table's header: listens for the page's shortcuts and opens their help sheet. */
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { useShortcuts } from './useShortcuts.js';

/** The header button and the shortcuts it stands for. */
export function ShortcutsButton() {
  const [open, setOpen] = useShortcuts();
  return (
    <>
      <button type="button" className="button secondary" aria-keyshortcuts="?" title="Keyboard shortcuts (press ? anywhere)" onClick={() => setOpen(true)}>
        Shortcuts (?)
      </button>
      <ShortcutsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
