/**
 * Call links for groups that talk on their own video platform (Zoom, Meet, Teams, Jitsi): one for
 * the convening (the plenary's, and every table's until it gets its own) and one per table. Each
 * person is shown the link of where they are now, so it follows the seating like the canvas does.
 */

/** The host's call links. */
export interface CallLinks {
  /** The convening's (the plenary's; a table without its own uses it too), or null. */
  convening: string | null;
  /** Each table's own, by table id. */
  tables: Record<string, string>;
}

/** The call a person is shown: its address and whose it is. */
export interface CallLinkView {
  url: string;
  /** `table`: their table's own; `convening`: the convening's. */
  scope: 'table' | 'convening';
}

/** Longest call address accepted. */
export const MAX_CALL_LINK_CHARS = 500;

/** No links yet. */
export const NO_CALL_LINKS: CallLinks = { convening: null, tables: {} };

/** The address cleaned (trimmed), or why it cannot be a call link. */
export function checkCallLink(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const url = input.trim();
  if (url.length > MAX_CALL_LINK_CHARS) return { ok: false, message: `A call link has at most ${MAX_CALL_LINK_CHARS} characters.` };
  // No URL class here (shared has no DOM or Node): the scheme, a host, and nothing that breaks out of an attribute.
  if (!/^https?:\/\//i.test(url)) return { ok: false, message: 'A call link starts with https:// (or http://).' };
  if (!/^https?:\/\/[^\s/?#<>"'`]+[^\s<>"'`]*$/i.test(url))
    return { ok: false, message: 'Paste the whole address of the call, starting with https:// and without spaces.' };
  return { ok: true, url };
}

/** Sets (or, with null, removes) the convening's link or a table's. */
export function withCallLink(links: CallLinks, tableId: string | null, url: string | null): CallLinks {
  if (tableId === null) return { ...links, convening: url };
  const tables = { ...links.tables };
  if (url === null) delete tables[tableId];
  else tables[tableId] = url;
  return { ...links, tables };
}

/** The call for someone at `tableId` (null: at no table, or everyone together in the plenary). */
export function callLinkFor(links: CallLinks, tableId: string | null): CallLinkView | null {
  const own = tableId ? links.tables[tableId] : undefined;
  if (own) return { url: own, scope: 'table' };
  return links.convening ? { url: links.convening, scope: 'convening' } : null;
}
