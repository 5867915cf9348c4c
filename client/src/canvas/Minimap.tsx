/** A small map of the whole table: every artifact as a rectangle, the visible area, click to jump. */
import type { MouseEvent } from 'react';
import { boundsOf, inflate, type Point, type Rect } from '@worktable/shared';

const WIDTH = 180;
const HEIGHT = 120;

/** Props of `Minimap`. */
export interface MinimapProps {
  items: readonly (Rect & { id: string; color?: string })[];
  visible: Rect;
  /** Centres the view on a world point. */
  onJump(point: Point): void;
}

/** The minimap at the bottom-right of the canvas. */
export function Minimap({ items, visible, onJump }: MinimapProps) {
  const world = inflate(boundsOf([...items, visible]) ?? visible, 40);
  const scale = Math.min(WIDTH / world.w, HEIGHT / world.h);
  const ox = (WIDTH - world.w * scale) / 2;
  const oy = (HEIGHT - world.h * scale) / 2;
  const box = (r: Rect) => ({
    x: ox + (r.x - world.x) * scale,
    y: oy + (r.y - world.y) * scale,
    width: Math.max(1.5, r.w * scale),
    height: Math.max(1.5, r.h * scale),
  });
  const jump = (event: MouseEvent<SVGSVGElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    onJump({ x: world.x + (event.clientX - bounds.left - ox) / scale, y: world.y + (event.clientY - bounds.top - oy) / scale });
  };
  return (
    <div className="minimap" aria-hidden="true">
      <svg
        aria-hidden="true"
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        onClick={jump}
        onPointerDown={(e) => e.stopPropagation()}
      >
        {items.map((item) => (
          <rect key={item.id} {...box(item)} rx={1.5} className="minimap-item" style={item.color ? { fill: item.color } : undefined} />
        ))}
        <rect {...box(visible)} rx={2} className="minimap-view" />
      </svg>
    </div>
  );
}
