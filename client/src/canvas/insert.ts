/** Turning files, pasted text and pasted URLs into new artifacts (the canvas decides where). */
import { ArtifactKind, DEFAULT_ARTIFACT_SIZE, MAX_STICKY_LENGTH } from '@worktable/shared';
import { safeHttpUrl } from '../artifacts/link/url.js';

/** The artifact kind for a file, or null when it is neither an image nor a PDF. */
export function kindOfFile(file: File): typeof ArtifactKind.Image | typeof ArtifactKind.Pdf | null {
  if (/^image\/(png|jpe?g|gif|webp)$/.test(file.type)) return ArtifactKind.Image;
  if (file.type === 'application/pdf' || (file.type === '' && /\.pdf$/i.test(file.name))) return ArtifactKind.Pdf;
  return null;
}

/** A size for an image artifact that keeps the picture's proportions (the default if unknown). */
export async function imageSize(file: File): Promise<{ w: number; h: number }> {
  const fallback = DEFAULT_ARTIFACT_SIZE.image;
  try {
    const bitmap = await createImageBitmap(file);
    const { width, height } = bitmap;
    bitmap.close();
    if (!width || !height) return fallback;
    const scale = Math.min(1, 360 / width, 360 / height);
    return { w: Math.max(80, Math.round(width * scale)), h: Math.max(60, Math.round(height * scale)) };
  } catch {
    return fallback;
  }
}

/** What pasted text becomes: a link for a lone http(s) URL, otherwise a sticky note's text. */
export function pastedText(text: string): { kind: 'link'; url: string } | { kind: 'sticky'; text: string } | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const url = /^https?:\/\/\S+$/i.test(trimmed) ? safeHttpUrl(trimmed) : null;
  if (url) return { kind: 'link', url };
  return { kind: 'sticky', text: trimmed.slice(0, MAX_STICKY_LENGTH) };
}
