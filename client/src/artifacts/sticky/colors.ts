/** Sticky colour names (shared schema) → paper colours of the theme. */
import { STICKY_COLORS, type StickyColor } from '@worktable/shared';

/** Paper colour and a slightly darker edge for each sticky colour. */
export const STICKY_PAPER: Readonly<Record<StickyColor, { paper: string; edge: string; label: string }>> = {
  yellow: { paper: '#fff1a8', edge: '#e9d676', label: 'Yellow' },
  pink: { paper: '#ffd9e2', edge: '#efb3c2', label: 'Pink' },
  blue: { paper: '#d6e8ff', edge: '#abc9ef', label: 'Blue' },
  green: { paper: '#d7f2cf', edge: '#a9d99b', label: 'Green' },
  orange: { paper: '#ffe1c4', edge: '#f0bc8b', label: 'Orange' },
  purple: { paper: '#e6dcff', edge: '#c3b1ef', label: 'Purple' },
};

/** A stored colour name, or yellow for anything unknown. */
export function stickyColor(value: unknown): StickyColor {
  return (STICKY_COLORS as readonly unknown[]).includes(value) ? (value as StickyColor) : 'yellow';
}
