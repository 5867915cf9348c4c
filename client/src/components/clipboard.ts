/** Copying text to the clipboard, which browsers may refuse (insecure origin, denied permission). */

/** Copies `text`; resolves false when the browser refused (the caller offers the text to copy by hand). */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
