/**
 * The plain text of a document's blocks, read straight from its Y.XmlFragment (no editor): what
 * the document's canvas copy shows while the same document is open large.
 */
import * as Y from 'yjs';

/** One text block of the preview: its tag and plain text. */
export interface PreviewBlock {
  tag: 'p' | 'h1' | 'h2' | 'h3';
  text: string;
}

/** Blocks and characters the preview shows at most (the canvas clips it to the frame anyway). */
const PREVIEW_BLOCKS = 60;
const PREVIEW_CHARS = 6000;

function plainText(text: Y.XmlText): string {
  let result = '';
  for (const op of text.toDelta() as Array<{ insert?: unknown }>) if (typeof op.insert === 'string') result += op.insert;
  return result;
}

/** The text blocks (paragraphs, headings, list items' and cells' paragraphs) of `fragment`, in order, as plain text. */
export function previewBlocks(fragment: Y.XmlFragment, maxBlocks = PREVIEW_BLOCKS, maxChars = PREVIEW_CHARS): PreviewBlock[] {
  const blocks: PreviewBlock[] = [];
  let chars = 0;
  const visit = (element: Y.XmlElement | Y.XmlFragment): void => {
    let text: string | null = null;
    for (const child of element.toArray()) {
      if (blocks.length >= maxBlocks || chars >= maxChars) return;
      if (child instanceof Y.XmlText) text = (text ?? '') + plainText(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
    if (text === null || !(element instanceof Y.XmlElement)) return;
    const level = element.nodeName === 'heading' ? Number(element.getAttribute('level')) : 0;
    const tag = level === 1 || level === 2 || level === 3 ? (`h${level}` as const) : 'p';
    const shown = text.slice(0, maxChars - chars);
    chars += shown.length;
    blocks.push({ tag, text: shown });
  };
  visit(fragment);
  return blocks;
}
