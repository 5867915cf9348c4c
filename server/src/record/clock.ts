/**
 * Times in a record, all in one time zone (the host's): the session's day in full, times of day
 * on that day as "14:05", times on other days with their date. The zone is named once, in the
 * summary, so no time carries it.
 */

/** Zones that are UTC by another name (their offset says nothing more). */
const UNIVERSAL = /^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu)$/;

/** Formats the times of one record. */
export class RecordClock {
  private readonly dayFormat: Intl.DateTimeFormat;
  private readonly shortDayFormat: Intl.DateTimeFormat;
  private readonly timeFormat: Intl.DateTimeFormat;
  private readonly offsetFormat: Intl.DateTimeFormat;
  private readonly referenceDay: string;

  /** `timeZone` must be a valid IANA name (see `canonicalTimeZone`); `referenceMs` is the session's day. */
  constructor(
    readonly timeZone: string,
    referenceMs: number,
  ) {
    this.dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    this.shortDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
    this.timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' });
    this.referenceDay = this.shortDayFormat.format(referenceMs);
  }

  /** The day in full: "Saturday, 21 November 2026". */
  day(ms: number): string {
    return this.dayFormat.format(ms);
  }

  /** "14:05" on the session's day; "22 Nov 2026, 14:05" on any other. */
  time(ms: number): string {
    const day = this.shortDayFormat.format(ms);
    const time = this.timeFormat.format(ms);
    return day === this.referenceDay ? time : `${day}, ${time}`;
  }

  /** The zone as the summary names it: "Europe/Paris (GMT+1)", "UTC". */
  zone(ms: number): string {
    if (UNIVERSAL.test(this.timeZone)) return this.timeZone;
    const offset = this.offsetFormat.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value;
    return offset ? `${this.timeZone} (${offset})` : this.timeZone;
  }
}
