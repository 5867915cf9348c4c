/**
 * The dashboard's views as tabs — Tables (the live event), Roster (who is expected, their links)
 * and Plan (every round ahead, itineraries) — with the keyboard of a tab list: arrows move
 * between tabs, Home and End to the first and last.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** The dashboard's views. */
export const DashboardView = {
  Tables: 'tables',
  Roster: 'roster',
  Plan: 'plan',
} as const;
/** One of `DashboardView`. */
export type DashboardView = (typeof DashboardView)[keyof typeof DashboardView];

const TABS: readonly { view: DashboardView; label: string }[] = [
  { view: DashboardView.Tables, label: 'Tables' },
  { view: DashboardView.Roster, label: 'Roster' },
  { view: DashboardView.Plan, label: 'Plan and itineraries' },
];

/** The id of a view's tab (its panel is labelled by it). */
export function tabIdOf(view: DashboardView): string {
  return `dash-tab-${view}`;
}

/** The id of a view's panel. */
export function panelIdOf(view: DashboardView): string {
  return `dash-panel-${view}`;
}

/** Props of `DashboardTabs`. */
export interface DashboardTabsProps {
  view: DashboardView;
  onChange(view: DashboardView): void;
}

/** The tab list. */
export function DashboardTabs({ view, onChange }: DashboardTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((tab) => tab.view === view);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = TABS[(next + TABS.length) % TABS.length] as (typeof TABS)[number];
    onChange(tab.view);
    list.current?.querySelector<HTMLButtonElement>(`#${tabIdOf(tab.view)}`)?.focus();
  };
  return (
    <div ref={list} className="dash-tabs" role="tablist" aria-label="Dashboard views" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab.view}
          type="button"
          role="tab"
          id={tabIdOf(tab.view)}
          aria-selected={tab.view === view}
          aria-controls={tab.view === view ? panelIdOf(tab.view) : undefined}
          tabIndex={tab.view === view ? 0 : -1}
          className="dash-tab"
          onClick={() => onChange(tab.view)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** Props of `DashboardPanel`. */
export interface DashboardPanelProps {
  view: DashboardView;
  children: ReactNode;
}

/** The panel of the selected view. */
export function DashboardPanel({ view, children }: DashboardPanelProps) {
  return (
    <div role="tabpanel" id={panelIdOf(view)} aria-labelledby={tabIdOf(view)} className="dash-panel">
      {children}
    </div>
  );
}
