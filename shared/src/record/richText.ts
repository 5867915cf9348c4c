/**
 * A TipTap document (its Y.XmlFragment) as a small block model, for the export: paragraphs,
 * headings, lists, quotes, code, rules, with bold/italic/strike/code/link marks. Unknown nodes
 * keep their text, so nothing anyone wrote is dropped.
 */
import * as Y from 'yjs';

/** A run of text with its marks. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Only http(s) and mailto links survive; others become plain text. */
  href?: string;
}

/** A block of a document. */
export type Block =
  | { type: 'paragraph' | 'quote' | 'code'; inlines: Inline[] }
  | { type: 'heading'; level: number; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'checklist'; items: { checked: boolean; blocks: Block[] }[] }
  | { type: 'rule' };

const SAFE_HREF = /^(https?:|mailto:)/i;

function inlinesOf(node: Y.XmlElement | Y.XmlText): Inline[] {
  if (node instanceof Y.XmlText) {
    const delta = node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
    return delta
      .filter((op): op is { insert: string; attributes?: Record<string, unknown> } => typeof op.insert === 'string')
      .map(({ insert, attributes = {} }) => {
        const inline: Inline = { text: insert };
        if (attributes.bold) inline.bold = true;
        if (attributes.italic) inline.italic = true;
        if (attributes.strike) inline.strike = true;
        if (attributes.code) inline.code = true;
        const link = attributes.link as { href?: unknown } | undefined;
        if (typeof link?.href === 'string' && SAFE_HREF.test(link.href)) inline.href = link.href;
        return inline;
      });
  }
  if (node.nodeName === 'hardBreak') return [{ text: '\n' }];
  return node.toArray().flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? inlinesOf(child) : []));
}

function blocksOf(nodes: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      blocks.push({ type: 'paragraph', inlines: inlinesOf(node) });
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    const children = node.toArray();
    switch (node.nodeName) {
      case 'heading': {
        const level = Number(node.getAttribute('level') ?? 1);
        blocks.push({ type: 'heading', level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1, inlines: inlinesOf(node) });
        break;
      }
      case 'bulletList':
      case 'orderedList':
        blocks.push({
          type: 'list',
          ordered: node.nodeName === 'orderedList',
          items: children.map((item) => (item instanceof Y.XmlElement ? blocksOf(item.toArray()) : [])),
        });
        break;
      case 'taskList':
        blocks.push({
          type: 'checklist',
          items: children.map((item) => ({
            checked: item instanceof Y.XmlElement && String(item.getAttribute('checked')) === 'true',
            blocks: item instanceof Y.XmlElement ? blocksOf(item.toArray()) : [],
          })),
        });
        break;
      case 'blockquote':
        for (const inner of blocksOf(children)) blocks.push(inner.type === 'paragraph' ? { ...inner, type: 'quote' } : inner);
        break;
      case 'codeBlock':
        blocks.push({ type: 'code', inlines: inlinesOf(node).map(({ text }) => ({ text })) });
        break;
      case 'horizontalRule':
        blocks.push({ type: 'rule' });
        break;
      case 'paragraph':
        blocks.push({ type: 'paragraph', inlines: inlinesOf(node) });
        break;
      default:
        // A node this export does not know: keep its text.
        blocks.push({ type: 'paragraph', inlines: inlinesOf(node) });
    }
  }
  return blocks;
}

/** The blocks of a document fragment. */
export function readRichText(fragment: Y.XmlFragment): Block[] {
  return blocksOf(fragment.toArray());
}

/** The plain text of blocks (for searching, previews and tests). */
export function plainText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'rule') continue;
    if (block.type === 'list') for (const item of block.items) lines.push(plainText(item));
    else if (block.type === 'checklist') for (const item of block.items) lines.push(plainText(item.blocks));
    else lines.push(block.inlines.map((i) => i.text).join(''));
  }
  return lines.join('\n');
}
