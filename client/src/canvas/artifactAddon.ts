/**
 * Slots in every artifact frame for other features: an overlay (dot voting's − count + control,
 * reactions) and a badge in the frame's label strip, beside its menu (feedback). The page provides
 * a component around the canvas; each frame renders it with its artifact. No provider, nothing
 * rendered. `combineAddons` makes one overlay of several.
 */
import { createContext, createElement, Fragment, type ComponentType } from 'react';
import type * as Y from 'yjs';
import type { ArtifactMeta } from '@worktable/shared';

/** What the overlay of one frame receives. */
export interface ArtifactAddonProps {
  meta: ArtifactMeta;
  artifact: Y.Map<unknown>;
  /** Whether the artifact alone is selected on the canvas (not one of several). */
  selectedAlone: boolean;
  /** Whether the canvas is read-only for this person (observers). */
  readOnly: boolean;
}

/** An overlay component. */
export type ArtifactAddonComponent = ComponentType<ArtifactAddonProps>;

/** The overlay component every artifact frame renders, or null. */
export const ArtifactAddon = createContext<ArtifactAddonComponent | null>(null);

/**
 * The component every artifact frame renders in its label strip, just before its "…" menu, or
 * null: in the strip's flow, so it covers neither the name nor the menu.
 */
export const ArtifactLabelAddon = createContext<ArtifactAddonComponent | null>(null);

/**
 * One overlay rendering each of `addons` in order (nulls skipped), or null when none is left.
 * Makes a new component each call: memoize the result (e.g. `useMemo`), or frames remount it.
 */
export function combineAddons(addons: readonly (ArtifactAddonComponent | null)[]): ArtifactAddonComponent | null {
  const present = addons.filter((addon): addon is ArtifactAddonComponent => addon !== null);
  if (present.length <= 1) return present[0] ?? null;
  // biome-ignore lint/correctness/noComponentHookFactories: made once per add-on set when the registry is built, not during a render
  function CombinedAddon(props: ArtifactAddonProps) {
    return createElement(Fragment, null, ...present.map((Addon, index) => createElement(Addon, { key: index, ...props })));
  }
  return CombinedAddon;
}
