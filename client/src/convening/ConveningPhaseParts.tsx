/**
 * What a convening adds at the end of the Phase section: the harvest from the first round on,
 * and from the second round the table's history (what earlier rounds left at this table).
 */
import { lazyPart } from '../components/Loading.js';
import type { TablePartProps } from '../session/useTableSession.js';

// Loaded when a convening's rounds start (issue #20).
const HarvestPanel = lazyPart(() => import('./HarvestPanel.js').then((m) => m.HarvestPanel));
const TableHistory = lazyPart(() => import('./TableHistory.js').then((m) => m.TableHistory));

/** The harvest and the table's history, in a convening. */
export function ConveningPhaseParts({ table }: TablePartProps) {
  const { state, connection, atPlenary, harvest } = table;
  const { docName } = table.place;
  if (!state?.convening) return null;
  return (
    <>
      {state.round > 0 && (
        <HarvestPanel
          state={state}
          docName={docName}
          plenary={table.plenary}
          cards={harvest}
          me={{ participantId: table.me.participantId, name: table.name, role: table.role }}
          nameOf={table.nameOf}
        />
      )}
      {state.round > 1 && !atPlenary && connection && <TableHistory state={state} doc={connection.doc} docName={docName} cards={harvest} />}
    </>
  );
}
