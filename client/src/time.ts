/** How the client shows a moment to people. */

/** A moment as people read it: the time today ("10:32"), or the date and time on other days ("Mar 4, 10:32"). */
export function formatMoment(at: number, now = Date.now()): string {
  const when = new Date(at);
  const sameDay = new Date(now).toDateString() === when.toDateString();
  return sameDay
    ? when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : when.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
