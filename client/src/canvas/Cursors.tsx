/** Other people's pointers on the canvas, each with their name in their colour. */
import { worldToScreen, type Viewport } from '@worktable/shared';
import type { PeerCanvasState } from './usePeers.js';

/** Props of `Cursors`. */
export interface CursorsProps {
  peers: readonly PeerCanvasState[];
  viewport: Viewport;
}

/** A layer of remote cursors in screen space (so they keep their size at any zoom). */
export function Cursors({ peers, viewport }: CursorsProps) {
  return (
    <div className="cursors" aria-hidden="true">
      {peers.map((peer) => {
        if (!peer.cursor) return null;
        const at = worldToScreen(viewport, peer.cursor);
        return (
          <div key={peer.clientId} className="cursor" data-cursor-name={peer.name} style={{ transform: `translate(${at.x}px, ${at.y}px)` }}>
            <svg width="18" height="20" viewBox="0 0 18 20" aria-hidden="true">
              <path d="M1 1l15 7.5-6.5 1.8L6.5 18z" fill={peer.color} stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>
            <span className="cursor-name" style={{ background: peer.color }}>
              {peer.name}
            </span>
          </div>
        );
      })}
    </div>
  );
}
