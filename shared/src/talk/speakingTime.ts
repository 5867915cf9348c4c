/**
 * Speaking time measured by each browser from its own microphone (voice activity from the audio
 * level; no audio leaves the browser, only durations): the server adds up what each person
 * reports, and refuses a report claiming more speech than time has passed since their last one,
 * so nobody can inflate their share. The record may show the spread anonymously.
 */

/** One person's speaking time so far. */
export interface SpokenTime {
  /** Total ms of speech reported. */
  ms: number;
  /** Server epoch ms of the last report accepted. */
  at: number;
}

/** The longest stretch one report may cover (browsers report every few seconds while speaking). */
export const MAX_SPOKEN_REPORT_MS = 60_000;
/** Slack for clocks and network delay when a report is compared with the time since the last. */
const REPORT_SLACK_MS = 2_000;

/** Adds a report of `ms` of speech by `participantId` at `now`, or says why it is refused. */
export function addSpokenTime(
  spoken: Readonly<Record<string, SpokenTime>>,
  participantId: string,
  ms: number,
  now: number,
): { ok: true; spoken: Record<string, SpokenTime> } | { ok: false; message: string } {
  if (!Number.isInteger(ms) || ms <= 0 || ms > MAX_SPOKEN_REPORT_MS)
    return { ok: false, message: `Report between 1 and ${MAX_SPOKEN_REPORT_MS} ms of speech.` };
  const last = spoken[participantId];
  if (last && ms > now - last.at + REPORT_SLACK_MS)
    return { ok: false, message: 'More speech reported than time has passed since the last report.' };
  return { ok: true, spoken: { ...spoken, [participantId]: { ms: (last?.ms ?? 0) + ms, at: now } } };
}

/** The anonymous spread of talk time for the record. */
export interface TalkSpread {
  /** People who spoke at all. */
  speakers: number;
  totalMs: number;
  /** Share of all talk time held by the most active speaker, in % (0–100, rounded). */
  topSharePercent: number;
  /** Share held by the quieter half of the speakers, in % (rounded). */
  quieterHalfPercent: number;
}

/** The spread of talk time (null when nobody spoke). No names: only shares. */
export function talkSpread(spoken: Readonly<Record<string, SpokenTime>>): TalkSpread | null {
  const times = Object.values(spoken)
    .map((s) => s.ms)
    .filter((ms) => ms > 0)
    .sort((a, b) => a - b);
  const totalMs = times.reduce((sum, ms) => sum + ms, 0);
  if (times.length === 0 || totalMs === 0) return null;
  const quieter = times.slice(0, Math.floor(times.length / 2)).reduce((sum, ms) => sum + ms, 0);
  return {
    speakers: times.length,
    totalMs,
    topSharePercent: Math.round(((times.at(-1) ?? 0) / totalMs) * 100),
    quieterHalfPercent: Math.round((quieter / totalMs) * 100),
  };
}

/** The spread in one sentence ("4 people spoke; the most active speaker held 34 % of the talk time, the quieter half 18 %."). */
export function describeTalkSpread(spread: TalkSpread): string {
  const people = spread.speakers === 1 ? '1 person spoke' : `${spread.speakers} people spoke`;
  if (spread.speakers === 1) return `${people} on a call.`;
  const half = spread.speakers >= 4 ? `, the quieter half ${spread.quieterHalfPercent} %` : '';
  return `${people}; the most active speaker held ${spread.topSharePercent} % of the talk time${half}.`;
}
