/** How the client shows a moment to people. */

/** A moment as people read it: the time today ("10:32"), or the date and time on other days ("Mar 4, 10:32"). */
export function formatMoment(at: number, now = Date.now()): string {
  const when = new Date(at);
  const sameDay = new Date(now).toDateString() === when.toDateString();
  return sameDay
    ? when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : when.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A calendar day (`yyyy-mm-dd`) as people read it, e.g. "Dec 1, 2026"; anything else unchanged. */
export function formatDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toLocaleDateString([], {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
}
