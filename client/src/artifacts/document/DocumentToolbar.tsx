/**
 * The document's compact formatting toolbar: text style, lists, checklist, link and table
 * buttons, each with an accessible name and `aria-pressed` for the toggles. Buttons keep the
 * editor's selection (no focus theft on mouse down) and are reachable with Tab.
 */
import { useCallback, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useEditorState, type Editor, type EditorStateSnapshot } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type { UndoManager } from 'yjs';
import { normalizeLink } from './linkPolicy.js';
import { selectedPassage } from './passageAnchors.js';
import { setPendingPassage } from '../../feedback/passageStore.js';
import { showSection } from '../../sidePanel/sidePanelStore.js';

/** Props of `DocumentToolbar`. */
export interface DocumentToolbarProps {
  editor: Editor;
  /** The document artifact's id, for "Comment on selection". */
  artifactId: string;
}

interface ToolButtonProps {
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}

function ToolButton({ label, pressed, disabled, onClick, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="wt-doc-tool"
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {/* The name is the hidden label, not an aria-label: a visible "H1" that the accessible name
          ("Heading 1") does not contain fails WCAG 2.5.3 (label in name) for speech users. */}
      <span aria-hidden="true">{children}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
}

/** Inline form for a link's address (empty removes the link). */
function LinkForm({ editor, onDone }: { editor: Editor; onDone(): void }) {
  const [value, setValue] = useState(() => String(editor.getAttributes('link').href ?? ''));
  const [error, setError] = useState(false);
  const apply = () => {
    const chain = editor.chain().focus().extendMarkRange('link');
    if (value.trim() === '') {
      chain.unsetLink().run();
      onDone();
      return;
    }
    const href = normalizeLink(value);
    if (!href) {
      setError(true);
      return;
    }
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onDone();
  };
  return (
    <form
      className="wt-doc-linkform"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <input
        type="url"
        aria-label="Link address (http or https)"
        aria-invalid={error}
        placeholder="https://…"
        value={value}
        autoFocus
        onChange={(event) => {
          setValue(event.target.value);
          setError(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            editor.commands.focus();
            onDone();
          }
        }}
      />
      <button type="submit" className="wt-doc-tool">
        Apply
      </button>
      {error && (
        <span className="wt-doc-linkerror" role="alert">
          Only http and https links.
        </span>
      )}
    </form>
  );
}

/** What the toolbar's buttons show. */
interface ToolbarState {
  bold: boolean;
  italic: boolean;
  h1: boolean;
  h2: boolean;
  h3: boolean;
  bullet: boolean;
  ordered: boolean;
  task: boolean;
  link: boolean;
  table: boolean;
  selection: boolean;
}

/** The inputs `ToolbarState` is computed from, per editor: while they stay the same, so does the state. */
const lastComputed = new WeakMap<Editor, { inputs: readonly unknown[]; result: ToolbarState }>();

/**
 * The formatting buttons' state. It runs on every transaction of the editor (each keystroke, each
 * remote change, each caret of someone else that moves), so it is recomputed only when the
 * document, the selection or the stored marks changed (not for a transaction that only redraws
 * other people's carets). Undo and redo are followed separately (`useHistory`).
 */
function selectToolbarState({ editor: e }: EditorStateSnapshot<Editor>): ToolbarState {
  const { state } = e;
  const inputs = [state.doc, state.selection, state.storedMarks] as const;
  const last = lastComputed.get(e);
  if (last?.inputs.every((input, i) => input === inputs[i])) return last.result;
  const result: ToolbarState = {
    bold: e.isActive('bold'),
    italic: e.isActive('italic'),
    h1: e.isActive('heading', { level: 1 }),
    h2: e.isActive('heading', { level: 2 }),
    h3: e.isActive('heading', { level: 3 }),
    bullet: e.isActive('bulletList'),
    ordered: e.isActive('orderedList'),
    task: e.isActive('taskList'),
    link: e.isActive('link'),
    table: e.isActive('table'),
    selection: !state.selection.empty,
  };
  lastComputed.set(e, { inputs, result });
  return result;
}

/** Re-render the toolbar only when something it shows changed. */
function sameToolbarState(a: ToolbarState, b: ToolbarState | null): boolean {
  if (a === b) return true;
  if (!b) return false;
  for (const key of Object.keys(a) as Array<keyof ToolbarState>) if (a[key] !== b[key]) return false;
  return true;
}

/** The undo manager events after which the stacks may have grown or shrunk. */
const HISTORY_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

/**
 * Whether undo and redo are possible: whether the editor's Yjs undo manager (the Collaboration
 * extension's history) has something on its stacks — what its `undo`/`redo` commands check —
 * rather than `editor.can()`, which builds a whole command chain and transaction on every
 * transaction. Follows the manager's own events: an undo pushes onto the redo stack after the
 * editor's transaction for it, so reading the stacks on editor transactions would lag one behind.
 */
function useHistory(editor: Editor): { canUndo: boolean; canRedo: boolean } {
  const manager = (yUndoPluginKey.getState(editor.state) as { undoManager?: UndoManager } | undefined)?.undoManager ?? null;
  const subscribe = useCallback(
    (listener: () => void) => {
      for (const event of HISTORY_EVENTS) manager?.on(event, listener);
      return () => {
        for (const event of HISTORY_EVENTS) manager?.off(event, listener);
      };
    },
    [manager],
  );
  const flags = useSyncExternalStore(subscribe, () =>
    manager ? Number(manager.undoStack.length > 0) + 2 * Number(manager.redoStack.length > 0) : 0,
  );
  return { canUndo: (flags & 1) !== 0, canRedo: (flags & 2) !== 0 };
}

/** Formatting toolbar of a document editor. */
export function DocumentToolbar({ editor, artifactId }: DocumentToolbarProps) {
  const [linking, setLinking] = useState(false);
  const state = useEditorState({ editor, selector: selectToolbarState, equalityFn: sameToolbarState });
  const { canUndo, canRedo } = useHistory(editor);
  const chain = () => editor.chain().focus();

  return (
    <div className="wt-doc-toolbar" role="toolbar" aria-label="Formatting" data-no-drag="">
      <ToolButton label="Undo" disabled={!canUndo} onClick={() => chain().undo().run()}>
        ↶
      </ToolButton>
      <ToolButton label="Redo" disabled={!canRedo} onClick={() => chain().redo().run()}>
        ↷
      </ToolButton>
      <span className="wt-doc-sep" aria-hidden="true" />
      <ToolButton label="Bold" pressed={state.bold} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </ToolButton>
      <ToolButton label="Italic" pressed={state.italic} onClick={() => chain().toggleItalic().run()}>
        <i>I</i>
      </ToolButton>
      <ToolButton label="Heading 1" pressed={state.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
        H1
      </ToolButton>
      <ToolButton label="Heading 2" pressed={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        H2
      </ToolButton>
      <ToolButton label="Heading 3" pressed={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H3
      </ToolButton>
      <span className="wt-doc-sep" aria-hidden="true" />
      <ToolButton label="Bulleted list" pressed={state.bullet} onClick={() => chain().toggleBulletList().run()}>
        •≡
      </ToolButton>
      <ToolButton label="Numbered list" pressed={state.ordered} onClick={() => chain().toggleOrderedList().run()}>
        1.
      </ToolButton>
      <ToolButton label="Checklist" pressed={state.task} onClick={() => chain().toggleTaskList().run()}>
        ☑
      </ToolButton>
      <ToolButton label="Link" pressed={state.link || linking} onClick={() => setLinking((on) => !on)}>
        Link
      </ToolButton>
      {state.table ? (
        <>
          <ToolButton label="Add table row" onClick={() => chain().addRowAfter().run()}>
            +Row
          </ToolButton>
          <ToolButton label="Add table column" onClick={() => chain().addColumnAfter().run()}>
            +Col
          </ToolButton>
          <ToolButton label="Delete table row" onClick={() => chain().deleteRow().run()}>
            −Row
          </ToolButton>
          <ToolButton label="Delete table column" onClick={() => chain().deleteColumn().run()}>
            −Col
          </ToolButton>
          <ToolButton label="Delete table" onClick={() => chain().deleteTable().run()}>
            −Table
          </ToolButton>
        </>
      ) : (
        <ToolButton label="Insert table" onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
          Table
        </ToolButton>
      )}
      {state.selection && (
        <>
          <span className="wt-doc-sep" aria-hidden="true" />
          <button
            type="button"
            className="wt-doc-tool wt-doc-comment"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              // The feedback panel picks the passage up for its next thread (and takes the focus).
              const passage = selectedPassage(editor.state);
              if (passage) {
                showSection('feedback');
                setPendingPassage(artifactId, passage);
              }
            }}
          >
            Comment on selection
          </button>
        </>
      )}
      {linking && <LinkForm editor={editor} onDone={() => setLinking(false)} />}
    </div>
  );
}
