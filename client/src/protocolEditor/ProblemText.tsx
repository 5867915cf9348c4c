/** The message of the editor's first problem, shown under the field it is about. */
import { isProblemAt, problemId, type Problem } from './problem.js';

/** Props of `ProblemText`. */
export interface ProblemTextProps {
  base: string;
  problem: Problem;
  /** The field's path; the message shows only when the problem is there. */
  path: string;
}

/** The problem's message with the id the field's aria-describedby points to, or nothing. */
export function ProblemText({ base, problem, path }: ProblemTextProps) {
  if (!problem || !isProblemAt(problem, path)) return null;
  return (
    <p className="pe-problem" id={problemId(base)}>
      {problem.message}
    </p>
  );
}
