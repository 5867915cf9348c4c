/** The shorthand the built-in protocols are written in: one phase from its minutes, speakers, prompt and feedback. */
import { Advance, minutes, type Phase } from './definition.js';

/** One phase of a built-in protocol, its duration in minutes. */
export const phase = (
  id: string,
  title: string,
  durationMinutes: number,
  speakers: Phase['speakers'],
  prompt: string,
  feedback: Phase['feedback'] = [],
  advance: Phase['advance'] = Advance.Facilitator,
): Phase => ({ id, title, prompt, durationMs: minutes(durationMinutes), speakers, feedback, advance });
