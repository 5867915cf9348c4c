/** The "?" help sheet: every keyboard shortcut of the table page, in a modal dialog (Escape closes it). */
import { useId } from 'react';
import { useModalDialog } from '../components/useModalDialog.js';
import { SHORTCUTS } from './shortcuts.js';
import './keyboard.css';

/** The keyboard shortcuts dialog. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useModalDialog(open);
  const id = useId();
  return (
    <dialog ref={ref} className="dialog shortcuts-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <header className="shortcuts-header">
        <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
        <button type="button" className="button ghost" onClick={onClose}>
          Close
        </button>
      </header>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <td>
                <kbd>{shortcut.keys}</kbd>
              </td>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts-note">Single letters work when you are not typing in a text field. Escape leaves a text field first.</p>
    </dialog>
  );
}
