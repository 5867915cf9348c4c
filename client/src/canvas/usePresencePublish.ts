/**
 * Publishes this browser's canvas presence in awareness, kept small and throttled: `cursor` (world
 * point, ≤ 20 updates/s, null when the pointer leaves), `viewport` (visible world rect, ≤ 10/s, for
 * people who follow you) and `editing` (the artifact whose text has focus).
 */
import { useEffect, useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Point, Rect } from '@worktable/shared';
import { throttle } from './usePeers.js';

const round = (n: number) => Math.round(n);

/** Setters for the local canvas presence. */
export function usePresencePublish(awareness: Awareness, visible: Rect | null) {
  const publish = useMemo(() => {
    const cursor = throttle((point: Point | null) => {
      awareness.setLocalStateField('cursor', point ? { x: round(point.x), y: round(point.y) } : null);
    }, 50);
    const viewport = throttle((rect: Rect) => {
      awareness.setLocalStateField('viewport', { x: round(rect.x), y: round(rect.y), w: round(rect.w), h: round(rect.h) });
    }, 100);
    return {
      cursor(point: Point | null) {
        if (point) cursor(point);
        else {
          cursor.cancel();
          if (awareness.getLocalState()?.cursor) awareness.setLocalStateField('cursor', null);
        }
      },
      viewport,
      editing(id: string | null) {
        if ((awareness.getLocalState()?.editing ?? null) !== id) awareness.setLocalStateField('editing', id);
      },
      cancel() {
        cursor.cancel();
        viewport.cancel();
      },
    };
  }, [awareness]);

  useEffect(() => {
    if (visible && visible.w > 0) publish.viewport(visible);
  }, [publish, visible]);

  useEffect(
    () => () => {
      publish.cancel();
      if (awareness.getLocalState()) {
        awareness.setLocalStateField('cursor', null);
        awareness.setLocalStateField('editing', null);
      }
    },
    [awareness, publish],
  );
  return publish;
}
