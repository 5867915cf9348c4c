/** The side panel's Feedback section: the feedback on the item you select on the table. */
import type { TablePartProps } from '../session/useTableSession.js';
import { SelectedFeedback } from './SelectedFeedback.js';

/** The selected item's feedback, or what shows here. */
export function FeedbackSection({ table }: TablePartProps) {
  const { connection } = table;
  if (!connection || table.timeline.shown) return <p className="muted">Feedback shows here for the item you select on the table.</p>;
  const author = { participantId: table.me.participantId, name: table.name };
  return <SelectedFeedback doc={connection.doc} author={author} readOnly={table.readOnly} />;
}
