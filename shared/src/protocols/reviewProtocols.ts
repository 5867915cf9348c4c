/** Built-in protocols for examining one person's work or data: Tuning, Consultancy, ATLAS, Troika, PDSA. */
import { FeedbackType as F } from '../feedback.js';
import { Advance, RoleName as R, RotateAt, Speakers as S, type Protocol } from './definition.js';
import { phase } from './builtinPhase.js';

/** Tuning protocol (NSRF). */
export const tuning: Protocol = {
  id: 'tuning',
  title: 'Tuning Protocol',
  summary:
    'A presenter shares work and a focusing question; the group examines it and offers warm and cool feedback while the presenter listens.',
  groupSize: { min: 4, max: 10 },
  roles: [R.Facilitator, R.Presenter, R.Scribe, R.Timekeeper],
  rotateAt: RotateAt.Round,
  opening: [],
  round: [
    phase('introduction', 'Introduction', 5, S.Everyone, 'The facilitator reviews the goals, the norms and the steps of the protocol.'),
    phase(
      'presentation',
      'Presentation',
      15,
      S.PresenterOnly,
      'The presenter shares the context, the work and the focusing question. Everyone else listens silently.',
    ),
    phase('clarifying', 'Clarifying questions', 5, S.Everyone, 'Ask brief, factual questions the presenter can answer quickly.', [
      F.Clarifying,
    ]),
    phase(
      'examine',
      'Examine the work',
      15,
      S.Silent,
      'Look closely at the work on the table, silently, and note warm and cool feedback with the focusing question in mind.',
      [F.Warm, F.Cool, F.Notice, F.Wonder],
    ),
    phase('pause', 'Pause to reflect', 3, S.Silent, 'Silently choose what feedback would be most helpful to the presenter.'),
    phase(
      'feedback',
      'Warm and cool feedback',
      15,
      S.AllButPresenter,
      'Offer warm feedback (what works) and cool feedback (gaps and questions) on the focusing question. The presenter listens silently and takes notes.',
      [F.Warm, F.Cool],
    ),
    phase(
      'reflection',
      'Presenter reflection',
      5,
      S.PresenterOnly,
      'The presenter reflects on what was heard and what they will take forward. The group listens.',
    ),
    phase('debrief', 'Debrief', 5, S.Everyone, 'How did the protocol go? What did we learn about giving and receiving feedback?', [
      F.Comment,
    ]),
  ],
  rounds: 1,
  closing: [],
  source: 'National School Reform Faculty / School Reform Initiative, Tuning Protocol',
};

/** Consultancy protocol (NSRF). */
export const consultancy: Protocol = {
  id: 'consultancy',
  title: 'Consultancy',
  summary:
    'A presenter brings a dilemma and a focus question; the group asks, probes and discusses while the presenter listens, then the presenter reflects.',
  groupSize: { min: 4, max: 8 },
  roles: [R.Facilitator, R.Presenter, R.Scribe, R.Timekeeper],
  rotateAt: RotateAt.Round,
  opening: [],
  round: [
    phase(
      'overview',
      'Presenter overview',
      10,
      S.PresenterOnly,
      'The presenter describes the dilemma and frames a focus question for the group.',
    ),
    phase('clarifying', 'Clarifying questions', 5, S.Everyone, 'Ask brief, factual questions with short answers.', [F.Clarifying]),
    phase(
      'probing',
      'Probing questions',
      10,
      S.Everyone,
      'Ask open questions that help the presenter think more deeply. At the end, the presenter restates the focus question.',
      [F.Probing],
    ),
    phase(
      'discussion',
      'Group discussion',
      15,
      S.AllButPresenter,
      'Discuss the dilemma among yourselves: what did we hear, what do we think about it? The presenter listens silently and takes notes.',
      [F.Notice, F.Wonder, F.Comment],
    ),
    phase('reflection', 'Presenter reflection', 5, S.PresenterOnly, 'The presenter responds: what struck them, what they will do next.'),
    phase('debrief', 'Debrief', 5, S.Everyone, 'Reflect on the process together.', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'National School Reform Faculty / School Reform Initiative, Consultancy Protocol',
};

/** ATLAS: Looking at Data (NSRF). */
export const atlas: Protocol = {
  id: 'atlas',
  title: 'ATLAS Looking at Data',
  summary: 'A group looks at data together: first only describing, then interpreting, then drawing implications for practice.',
  groupSize: { min: 3, max: 10 },
  roles: [R.Facilitator, R.Presenter, R.Scribe],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase(
      'getting-started',
      'Getting started',
      10,
      S.Silent,
      'Review the norms, hear brief context from the presenter, then read the data silently.',
    ),
    phase('describe', 'Describe the data', 10, S.Everyone, 'What do you see? Describe only what is there, without interpretation.', [
      F.Notice,
    ]),
    phase(
      'interpret',
      'Interpret the data',
      10,
      S.Everyone,
      'What does the data suggest? What are the assumptions behind your interpretations?',
      [F.Wonder, F.Comment],
    ),
    phase(
      'implications',
      'Implications for practice',
      10,
      S.Everyone,
      'What steps could be taken next? What does this mean for our practice?',
      [F.Comment],
    ),
    phase('reflect', 'Reflect on the protocol', 10, S.Everyone, 'How did the protocol help us look at the data?', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'ATLAS Communities / National School Reform Faculty, ATLAS Looking at Data',
};

/** Troika Consulting (Liberating Structures). */
export const troika: Protocol = {
  id: 'troika',
  title: 'Troika Consulting',
  summary: 'In groups of three, each person in turn is the client: they share a challenge, then turn away while two consultants talk.',
  groupSize: { min: 3, max: 3 },
  roles: [R.Facilitator, R.Presenter],
  rotateAt: RotateAt.Round,
  opening: [],
  round: [
    phase('share', 'Client shares', 2, S.PresenterOnly, 'The client shares a challenge and asks for help.', [], Advance.Auto),
    phase('clarify', 'Clarifying questions', 2, S.Everyone, 'The consultants ask clarifying questions.', [F.Clarifying], Advance.Auto),
    phase(
      'consult',
      'Consultants talk',
      5,
      S.AllButPresenter,
      'The client turns away and listens; the consultants discuss ideas, advice and questions together.',
      [F.Notice, F.Wonder, F.Comment],
      Advance.Auto,
    ),
    phase('valuable', 'Client responds', 2, S.PresenterOnly, 'The client turns back and shares what was most valuable.', [], Advance.Auto),
  ],
  rounds: 3,
  closing: [],
  source: 'Liberating Structures, Troika Consulting',
};

/** Plan-Do-Study-Act cycle (IHI). */
export const pdsa: Protocol = {
  id: 'pdsa-debrief',
  title: 'PDSA debrief',
  summary: 'Debrief a Plan-Do-Study-Act cycle: what we predicted, what happened, how they compare, and what we do next.',
  groupSize: { min: 2, max: 12 },
  roles: [R.Facilitator, R.Presenter, R.Scribe],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase('plan', 'Plan', 5, S.PresenterOnly, 'What change did we test, and what did we predict would happen?'),
    phase('do', 'Do', 10, S.Everyone, 'What happened when we carried it out? What data did we collect?', [F.Clarifying, F.Notice]),
    phase('study', 'Study', 10, S.Everyone, 'How do the results compare with the prediction? What did we learn?', [F.Notice, F.Wonder]),
    phase('act', 'Act', 10, S.Everyone, 'Adopt, adapt or abandon? What is the next cycle?', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'Institute for Healthcare Improvement, PDSA cycle',
};
