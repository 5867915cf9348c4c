/** Reading an exported record in tests: its Markdown headings and sections, its HTML headings. */
import { marked, type Tokens } from 'marked';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

/** The text of every Markdown heading of `depth`, in order. */
export const headings = (markdown: string, depth: number): string[] =>
  marked
    .lexer(markdown)
    .filter((tk): tk is Tokens.Heading => tk.type === 'heading' && tk.depth === depth)
    .map((tk) => tk.text);

/** The Markdown from the heading `title` (of `depth`) to the next heading of that depth or above. */
export function section(markdown: string, depth: number, title: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`${'#'.repeat(depth)} ${title}`);
  if (start < 0) throw new Error(`no heading "${title}"`);
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && (l.match(/^#+/)?.[0].length ?? 9) <= depth);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

type Node = DefaultTreeAdapterMap['node'];

/** The text of every HTML element `tag` (h1, h2…), in document order. */
export function htmlHeadings(html: string, tag: string): string[] {
  const found: string[] = [];
  const textOf = (n: Node): string =>
    n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';
  const walk = (n: Node) => {
    if ('tagName' in n && n.tagName === tag) found.push(textOf(n).trim());
    if ('childNodes' in n) n.childNodes.forEach(walk);
  };
  walk(parse(html));
  return found;
}
