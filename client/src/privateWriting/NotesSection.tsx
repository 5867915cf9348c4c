/**
 * The side panel's Notes section: private writing (the facilitator's controls to run it) and dot
 * votes (client/src/voting), or a word on what will show here when the facilitator starts them.
 */
import { lazyPart } from '../components/Loading.js';
import { canRunControls } from '../protocol/people.js';
import type { TablePartProps } from '../session/useTableSession.js';
import { VotePanel } from '../voting/VotePanel.js';

// Loaded for whoever runs the table's controls (issue #20).
const PrivateWritingControls = lazyPart(() => import('./PrivateWritingControls.js').then((m) => m.PrivateWritingControls));

/** Private writing and the dot vote at your table. */
export function NotesSection({ table }: TablePartProps) {
  const { state, me } = table;
  const runsControls = canRunControls(state, me);
  // Private writing runs at a table (`PrivateWritingControls` shows nothing to anyone else).
  const runsPrivateWriting = state !== null && state.tableId !== null && runsControls;
  return (
    <>
      {!runsControls && !state?.vote && !state?.privateWriting && (
        <p className="muted">Private writing and dot votes show here when the facilitator starts them.</p>
      )}
      {runsPrivateWriting && <PrivateWritingControls me={me} />}
      <VotePanel doc={table.connection?.doc ?? null} docName={table.place.docName} me={me} />
    </>
  );
}
