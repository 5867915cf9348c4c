/**
 * Pure logic of the PDF view: the shared page number (`ArtifactField.Page`) and the resolution pages are drawn at.
 */

/** The page to show for a stored `value` (anything: it comes from the shared document), within 1…count (count unknown: ≥ 1). */
export function clampPage(value: unknown, count: number | null = null): number {
  let page = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : 1;
  if (count !== null && count >= 1 && page > count) page = Math.floor(count);
  return Math.max(1, page);
}

/** CSS pixels per PDF point that fit a `pageW`×`pageH` page inside a `boxW`×`boxH` box (0 before layout). */
export function fitScale(pageW: number, pageH: number, boxW: number, boxH: number): number {
  if (!(pageW > 0 && pageH > 0 && boxW > 0 && boxH > 0)) return 0;
  return Math.min(boxW / pageW, boxH / pageH);
}

/** Most device pixels per CSS pixel a page is drawn at (beyond this, zooming further only magnifies). */
export const MAX_DEVICE_SCALE = 4;
/** Most pixels in one page's canvas (about 16 MP, 64 MB of RGBA; browsers refuse far larger canvases). */
export const MAX_CANVAS_PIXELS = 4096 * 4096;

/**
 * Device pixels per CSS pixel to draw a page shown `cssW`×`cssH` CSS pixels at canvas `zoom` on a
 * screen of `dpr`: zoom × dpr, rounded up to a step of √2 (so small zoom changes don't redraw),
 * at least 1/2, at most `MAX_DEVICE_SCALE`, and shrunk to keep the canvas under `MAX_CANVAS_PIXELS`.
 */
export function renderScale(cssW: number, cssH: number, zoom: number, dpr: number): number {
  const wanted = (zoom > 0 && Number.isFinite(zoom) ? zoom : 1) * (dpr > 0 && Number.isFinite(dpr) ? dpr : 1);
  const stepped = Math.SQRT2 ** Math.ceil(Math.log(wanted) / Math.log(Math.SQRT2) - 1e-9);
  let scale = Math.min(MAX_DEVICE_SCALE, Math.max(0.5, stepped));
  const area = cssW * cssH;
  if (area > 0 && area * scale * scale > MAX_CANVAS_PIXELS) scale = Math.sqrt(MAX_CANVAS_PIXELS / area);
  return scale;
}
