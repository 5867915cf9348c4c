/**
 * Which section of the table's side panel is open (Phase · Feedback · Notes · People). Anything
 * that brings a section forward — a feedback badge, the F shortcut, "Comment on selection", a
 * vote opening — calls `showSection`; the panel's tabs read it.
 */
import { create } from 'zustand';

/** The side panel's sections, in the order their tabs show. */
export const SIDE_SECTIONS = ['phase', 'feedback', 'notes', 'people'] as const;

/** One section of the side panel. */
export type SideSection = (typeof SIDE_SECTIONS)[number];

/** Tab labels. */
export const SIDE_SECTION_LABEL: Readonly<Record<SideSection, string>> = {
  phase: 'Phase',
  feedback: 'Feedback',
  notes: 'Notes',
  people: 'People',
};

interface SidePanelState {
  section: SideSection;
  show(section: SideSection): void;
}

/** The open section (Phase when the page opens). */
export const useSidePanel = create<SidePanelState>((set) => ({
  section: 'phase',
  show: (section) => set({ section }),
}));

/** Brings `section` forward (callable outside React). */
export function showSection(section: SideSection): void {
  useSidePanel.getState().show(section);
}

/** The section after (or before, with -1) `section` in tab order, wrapping around. */
export function adjacentSection(section: SideSection, step: 1 | -1): SideSection {
  const at = SIDE_SECTIONS.indexOf(section);
  return SIDE_SECTIONS[(at + step + SIDE_SECTIONS.length) % SIDE_SECTIONS.length] ?? 'phase';
}
