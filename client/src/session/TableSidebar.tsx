/**
 * The table page's side panel, composed of the features' parts: the protocol panel on top (it
 * holds the control connection, so it keeps its place in both layouts and never reopens when the
 * layout changes), then on a large screen the sections each feature owns, in tab order; on a
 * phone, the actions you can take there instead of the tabs.
 */
import type { ComponentType } from 'react';
import { lazyPart } from '../components/Loading.js';
import { ConveningPhaseParts } from '../convening/ConveningPhaseParts.js';
import { FeedbackSection } from '../feedback/FeedbackSection.js';
import { useThreadCount } from '../feedback/useThreads.js';
import { PeopleSection } from '../people/PeopleSection.js';
import { NotesSection } from '../privateWriting/NotesSection.js';
import { TableProtocolPanel } from '../protocol/TableProtocolPanel.js';
import { SideSectionPanel, SideTabs } from '../sidePanel/SideSections.js';
import type { SideSection } from '../sidePanel/sidePanelStore.js';
import { useSectionFollows } from '../sidePanel/useSectionFollows.js';
import { TableEndSummary } from '../summary/TableEndSummary.js';
import type { TablePartProps } from './useTableSession.js';

// On a phone only (issue #20).
const PhoneActions = lazyPart(() => import('../phone/PhoneActions.js').then((m) => m.PhoneActions));

/** The side sections after Phase, in tab order, each a feature's part. */
const TABLE_SIDE_SECTIONS: readonly { section: SideSection; Part: ComponentType<TablePartProps> }[] = [
  { section: 'feedback', Part: FeedbackSection },
  { section: 'notes', Part: NotesSection },
  { section: 'people', Part: PeopleSection },
];

/** What a phone shows under the phase: what you can add, vote on and write. */
function PhoneBar({ table }: TablePartProps) {
  const { state, place, connection } = table;
  return (
    <PhoneActions
      state={state}
      ownState={place.ownState}
      docName={place.docName}
      doc={connection?.doc ?? null}
      plenary={table.plenary}
      cards={table.harvest}
      user={table.localUser}
      me={table.me}
      layer={table.privateLayer}
      readOnly={table.readOnly}
      nameOf={table.nameOf}
    />
  );
}

/** The side panel of the table page. */
export function TableSidebar({ table }: TablePartProps) {
  const { phone } = table.layout;
  const threadCount = useThreadCount(table.connection?.doc ?? null);
  useSectionFollows(table.state, !phone);
  return (
    <aside
      className={phone ? 'sidebar' : 'sidebar is-sectioned'}
      tabIndex={-1}
      aria-label={phone ? 'Timer and what you can add' : 'Protocol, feedback and people'}
    >
      <TableProtocolPanel
        table={table}
        sectioned={!phone}
        phaseFirst={phone ? undefined : <TableEndSummary table={table} />}
        phaseLast={phone ? undefined : <ConveningPhaseParts table={table} />}
        afterBanner={phone ? <PhoneBar table={table} /> : <SideTabs counts={{ feedback: threadCount, people: table.peers.length }} />}
      />
      {!phone &&
        TABLE_SIDE_SECTIONS.map(({ section, Part }) => (
          <SideSectionPanel key={section} section={section}>
            <Part table={table} />
          </SideSectionPanel>
        ))}
    </aside>
  );
}
