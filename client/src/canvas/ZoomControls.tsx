/** Zoom out, the zoom level, zoom in and fit-to-content. */
import { Icon } from './icons.js';

/** Props of `ZoomControls`. */
export interface ZoomControlsProps {
  zoom: number;
  onZoom(factor: number): void;
  onReset(): void;
  onFit(): void;
}

/** The zoom group at the bottom-left of the canvas. */
export function ZoomControls({ zoom, onZoom, onReset, onFit }: ZoomControlsProps) {
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" className="tool-button icon-only" aria-label="Zoom out" title="Zoom out (−)" onClick={() => onZoom(1 / 1.25)}>
        <Icon name="minus" />
      </button>
      <button
        type="button"
        className="tool-button zoom-level"
        aria-label={`Zoom ${Math.round(zoom * 100)}%, reset to 100%`}
        onClick={onReset}
      >
        {Math.round(zoom * 100)}%
      </button>
      <button type="button" className="tool-button icon-only" aria-label="Zoom in" title="Zoom in (+)" onClick={() => onZoom(1.25)}>
        <Icon name="plus" />
      </button>
      <button type="button" className="tool-button" title="Fit everything (0)" onClick={onFit}>
        <Icon name="fit" />
        <span>Fit</span>
      </button>
    </div>
  );
}
