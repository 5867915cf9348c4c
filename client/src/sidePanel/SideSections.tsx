/**
 * The side panel's tabs (WAI-ARIA tabs: arrow keys, Home and End move between them, the tab
 * itself is one Tab stop) and the panels they show. Hidden panels stay mounted, so a draft, a
 * call or a form keeps its state while another section is open.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { SIDE_SECTIONS, SIDE_SECTION_LABEL, adjacentSection, useSidePanel, type SideSection } from './sidePanelStore.js';
import './sidePanel.css';

const tabId = (section: SideSection) => `side-tab-${section}`;
const panelId = (section: SideSection) => `side-panel-${section}`;

/** Props of `SideTabs`. */
export interface SideTabsProps {
  /** A number shown beside a tab's name (feedback threads, people here now). */
  counts?: Partial<Record<SideSection, number>>;
}

/** The row of section tabs. */
export function SideTabs({ counts = {} }: SideTabsProps) {
  const section = useSidePanel((s) => s.section);
  const show = useSidePanel((s) => s.show);
  const list = useRef<HTMLDivElement>(null);
  // A section opens at its top (the panel scrolls under the sticky phase and tabs).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new section is the trigger to scroll to the top
  useEffect(() => {
    list.current?.closest('.sidebar')?.scrollTo({ top: 0 });
  }, [section]);
  const go = (next: SideSection) => {
    show(next);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(next)}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const next =
      event.key === 'ArrowRight'
        ? adjacentSection(section, 1)
        : event.key === 'ArrowLeft'
          ? adjacentSection(section, -1)
          : event.key === 'Home'
            ? SIDE_SECTIONS[0]
            : event.key === 'End'
              ? SIDE_SECTIONS[SIDE_SECTIONS.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    go(next);
  };
  return (
    <div className="side-tabs" role="tablist" aria-label="Side panel" ref={list} onKeyDown={onKeyDown}>
      {SIDE_SECTIONS.map((s) => {
        const count = counts[s];
        return (
          <button
            key={s}
            type="button"
            role="tab"
            id={tabId(s)}
            aria-controls={panelId(s)}
            aria-selected={section === s}
            tabIndex={section === s ? 0 : -1}
            className="side-tab"
            onClick={() => show(s)}
          >
            {SIDE_SECTION_LABEL[s]}
            {count !== undefined && count > 0 && <span className="side-tab-count"> {count}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** Props of `SideSectionPanel`. */
export interface SideSectionPanelProps {
  section: SideSection;
  children: ReactNode;
}

/** One section's content, shown while its tab is selected. */
export function SideSectionPanel({ section, children }: SideSectionPanelProps) {
  const open = useSidePanel((s) => s.section === section);
  return (
    <div className="side-section" role="tabpanel" id={panelId(section)} aria-labelledby={tabId(section)} hidden={!open}>
      {children}
    </div>
  );
}
