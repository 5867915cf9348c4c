/** Hands bytes to the browser as a download: a Blob, an object URL and a temporary `<a download>`. */

/** How long the object URL outlives the click (the browser has started the download by then). */
const REVOKE_AFTER_MS = 10_000;

/** Saves `blob` as a file named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
