/**
 * Canvas UI state (never shared content): viewport, selection, active tool, whom you follow and
 * which artifact is open large. Shared state lives in the Y.Doc only.
 */
import { create } from 'zustand';
import type { Viewport } from '@worktable/shared';

/** What a drag on empty canvas does: pan (hand) or draw a selection marquee (select). */
export type CanvasTool = 'hand' | 'select';

/** The canvas UI state and its setters. */
export interface CanvasUiState {
  viewport: Viewport;
  selection: readonly string[];
  tool: CanvasTool;
  /** Awareness client id of the person whose view you follow, or null. */
  following: number | null;
  /** Artifact opened large (focus mode), or null. */
  expanded: string | null;
  /** Sets the viewport; a manual change (pan, zoom) stops following. */
  setViewport(viewport: Viewport, manual?: boolean): void;
  select(ids: readonly string[]): void;
  /** Adds or removes one artifact from the selection (shift-click). */
  toggle(id: string): void;
  setTool(tool: CanvasTool): void;
  follow(clientId: number | null): void;
  expand(id: string | null): void;
  /** Back to the initial state (when a table closes). */
  reset(): void;
}

const initial = { viewport: { x: 0, y: 0, zoom: 1 }, selection: [], tool: 'hand', following: null, expanded: null } as const;

/** The canvas UI store. */
export const useCanvasUi = create<CanvasUiState>((set) => ({
  ...initial,
  setViewport: (viewport, manual = false) => set(manual ? { viewport, following: null } : { viewport }),
  select: (ids) => set({ selection: [...new Set(ids)] }),
  toggle: (id) => set((s) => ({ selection: s.selection.includes(id) ? s.selection.filter((x) => x !== id) : [...s.selection, id] })),
  setTool: (tool) => set({ tool }),
  follow: (following) => set({ following }),
  expand: (expanded) => set({ expanded }),
  reset: () => set({ ...initial }),
}));
