/**
 * The end summary at the top of the Phase section once a one-table session's protocol is done
 * (a convening has its harvest instead): what the table did, with the export when you may.
 */
import { builtInProtocol } from '@worktable/shared';
import { lazyPart } from '../components/Loading.js';
import { ExportButton } from '../export/ExportButton.js';
import type { TablePartProps } from '../session/useTableSession.js';

// Loaded when a protocol ends (issue #20).
const EndSummary = lazyPart(() => import('./EndSummary.js').then((m) => m.EndSummary));

/** The summary, when the table's protocol is done; else nothing. */
export function TableEndSummary({ table }: TablePartProps) {
  const { connection, state, sessionId, token } = table;
  if (!connection || state?.status !== 'done' || state.convening) return null;
  return (
    <EndSummary
      doc={connection.doc}
      focus={state.focus}
      protocol={builtInProtocol(state.protocolId)}
      me={{ participantId: table.me.participantId, name: table.name }}
      readOnly={table.readOnly}
      exportButton={table.canExport ? <ExportButton sessionId={sessionId} token={token} /> : undefined}
    />
  );
}
