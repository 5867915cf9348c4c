/**
 * The built-in protocols, faithful to their published structure and minutes (NSRF/SRI, Gurteen,
 * The World Café, Liberating Structures, IHI). A host copies one to adapt it; these never change
 * at run time.
 */
import { FeedbackType as F } from '../feedback.js';
import { Advance, RoleName as R, RotateAt, Speakers as S, minutes, type Phase, type Protocol } from './definition.js';

const phase = (
  id: string,
  title: string,
  durationMinutes: number,
  speakers: Phase['speakers'],
  prompt: string,
  feedback: Phase['feedback'] = [],
  advance: Phase['advance'] = Advance.Facilitator,
): Phase => ({ id, title, prompt, durationMs: minutes(durationMinutes), speakers, feedback, advance });

const tuning: Protocol = {
  id: 'tuning',
  title: 'Tuning Protocol',
  summary: 'A presenter shares work and a focusing question; the group examines it and offers warm and cool feedback while the presenter listens.',
  groupSize: { min: 4, max: 10 },
  roles: [R.Facilitator, R.Presenter, R.Scribe, R.Timekeeper],
  rotateAt: RotateAt.Round,
  opening: [],
  round: [
    phase('introduction', 'Introduction', 5, S.Everyone, 'The facilitator reviews the goals, the norms and the steps of the protocol.'),
    phase('presentation', 'Presentation', 15, S.PresenterOnly, 'The presenter shares the context, the work and the focusing question. Everyone else listens silently.'),
    phase('clarifying', 'Clarifying questions', 5, S.Everyone, 'Ask brief, factual questions the presenter can answer quickly.', [F.Clarifying]),
    phase('examine', 'Examine the work', 15, S.Silent, 'Look closely at the work on the table, silently, and note warm and cool feedback with the focusing question in mind.', [F.Warm, F.Cool, F.Notice, F.Wonder]),
    phase('pause', 'Pause to reflect', 3, S.Silent, 'Silently choose what feedback would be most helpful to the presenter.'),
    phase('feedback', 'Warm and cool feedback', 15, S.AllButPresenter, 'Offer warm feedback (what works) and cool feedback (gaps and questions) on the focusing question. The presenter listens silently and takes notes.', [F.Warm, F.Cool]),
    phase('reflection', 'Presenter reflection', 5, S.PresenterOnly, 'The presenter reflects on what was heard and what they will take forward. The group listens.'),
    phase('debrief', 'Debrief', 5, S.Everyone, 'How did the protocol go? What did we learn about giving and receiving feedback?', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'National School Reform Faculty / School Reform Initiative, Tuning Protocol',
};

const consultancy: Protocol = {
  id: 'consultancy',
  title: 'Consultancy',
  summary: 'A presenter brings a dilemma and a focus question; the group asks, probes and discusses while the presenter listens, then the presenter reflects.',
  groupSize: { min: 4, max: 8 },
  roles: [R.Facilitator, R.Presenter, R.Scribe, R.Timekeeper],
  rotateAt: RotateAt.Round,
  opening: [],
  round: [
    phase('overview', 'Presenter overview', 10, S.PresenterOnly, 'The presenter describes the dilemma and frames a focus question for the group.'),
    phase('clarifying', 'Clarifying questions', 5, S.Everyone, 'Ask brief, factual questions with short answers.', [F.Clarifying]),
    phase('probing', 'Probing questions', 10, S.Everyone, 'Ask open questions that help the presenter think more deeply. At the end, the presenter restates the focus question.', [F.Probing]),
    phase('discussion', 'Group discussion', 15, S.AllButPresenter, 'Discuss the dilemma among yourselves: what did we hear, what do we think about it? The presenter listens silently and takes notes.', [F.Notice, F.Wonder, F.Comment]),
    phase('reflection', 'Presenter reflection', 5, S.PresenterOnly, 'The presenter responds: what struck them, what they will do next.'),
    phase('debrief', 'Debrief', 5, S.Everyone, 'Reflect on the process together.', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'National School Reform Faculty / School Reform Initiative, Consultancy Protocol',
};

const atlas: Protocol = {
  id: 'atlas',
  title: 'ATLAS Looking at Data',
  summary: 'A group looks at data together: first only describing, then interpreting, then drawing implications for practice.',
  groupSize: { min: 3, max: 10 },
  roles: [R.Facilitator, R.Presenter, R.Scribe],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase('getting-started', 'Getting started', 10, S.Silent, 'Review the norms, hear brief context from the presenter, then read the data silently.'),
    phase('describe', 'Describe the data', 10, S.Everyone, 'What do you see? Describe only what is there, without interpretation.', [F.Notice]),
    phase('interpret', 'Interpret the data', 10, S.Everyone, 'What does the data suggest? What are the assumptions behind your interpretations?', [F.Wonder, F.Comment]),
    phase('implications', 'Implications for practice', 10, S.Everyone, 'What steps could be taken next? What does this mean for our practice?', [F.Comment]),
    phase('reflect', 'Reflect on the protocol', 10, S.Everyone, 'How did the protocol help us look at the data?', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'ATLAS Communities / National School Reform Faculty, ATLAS Looking at Data',
};

const knowledgeCafe: Protocol = {
  id: 'knowledge-cafe',
  title: 'Gurteen Knowledge Café',
  summary: 'A short talk and one open question, then conversations in small groups reshuffled each round, and a whole-group circle.',
  groupSize: { min: 6, max: 200 },
  roles: [R.Facilitator],
  rotateAt: RotateAt.Round,
  opening: [phase('opening', 'Opening', 20, S.PresenterOnly, 'A short talk that ends with one open question for the conversations.')],
  round: [phase('conversation', 'Small-group conversation', 15, S.Everyone, 'Talk about the question in groups of 3–4. No report-outs: just the conversation.', [], Advance.Auto)],
  rounds: 3,
  closing: [
    phase('circle', 'Whole-group circle', 20, S.Everyone, 'Back together: share what you heard and what you are thinking now.'),
    phase('pledge', 'Action pledge (optional)', 5, S.Everyone, 'One minute each, if you wish: one thing you will do differently.'),
  ],
  source: 'David Gurteen, Knowledge Café',
  reseat: true,
};

const worldCafe: Protocol = {
  id: 'world-cafe',
  title: 'World Café',
  summary: 'Tables of four or five, several rounds opened by a question; table hosts stay and brief newcomers, travelers move; a closing harvest.',
  groupSize: { min: 12, max: 200 },
  roles: [R.Facilitator, R.TableHost, R.Reporter],
  rotateAt: RotateAt.Round,
  opening: [phase('welcome', 'Welcome and café etiquette', 10, S.PresenterOnly, 'Welcome, the purpose of the café and its etiquette: focus on what matters, contribute your thinking, listen together, connect ideas.')],
  round: [phase('round', 'Café round', 20, S.Everyone, 'Explore this round’s question at your table. The table host welcomes newcomers and shares what the table discussed before.', [F.Notice, F.Wonder, F.Comment], Advance.Auto)],
  rounds: 3,
  closing: [phase('harvest', 'Harvest', 30, S.Everyone, 'The whole group shares the insights, patterns and questions that emerged across the tables.', [F.Comment])],
  source: 'The World Café Community Foundation',
  reseat: true,
  roundQuestions: [
    'What question, if answered, could make the most difference to the work we share?',
    'What are we noticing across the conversations so far: what is taking shape, what is missing?',
    'What is one step we could take together, and who needs to be part of it?',
  ],
};

const oneTwoFourAll: Protocol = {
  id: '1-2-4-all',
  title: '1-2-4-All',
  summary: 'Everyone thinks alone, then in pairs, then in foursomes, then the whole group shares what stood out.',
  groupSize: { min: 4, max: 200 },
  roles: [R.Facilitator],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase('one', 'Alone', 1, S.Silent, 'Think silently about the question. Note your ideas.', [], Advance.Auto),
    phase('two', 'Pairs', 2, S.Everyone, 'Share and build on your ideas in pairs.', [], Advance.Auto),
    phase('four', 'Foursomes', 4, S.Everyone, 'In groups of four, notice similarities and differences, and develop ideas.', [], Advance.Auto),
    phase('all', 'All', 5, S.Everyone, 'Each group shares one idea that stood out.', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'Liberating Structures, 1-2-4-All',
};

const troika: Protocol = {
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
    phase('consult', 'Consultants talk', 5, S.AllButPresenter, 'The client turns away and listens; the consultants discuss ideas, advice and questions together.', [F.Notice, F.Wonder, F.Comment], Advance.Auto),
    phase('valuable', 'Client responds', 2, S.PresenterOnly, 'The client turns back and shares what was most valuable.', [], Advance.Auto),
  ],
  rounds: 3,
  closing: [],
  source: 'Liberating Structures, Troika Consulting',
};

const whatSoWhatNowWhat: Protocol = {
  id: 'what-so-what-now-what',
  title: 'What / So What / Now What',
  summary: 'Three questions, each first alone then in small groups: what happened, why it matters, what to do next.',
  groupSize: { min: 5, max: 100 },
  roles: [R.Facilitator, R.Scribe],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase('what-alone', 'What? (alone)', 1, S.Silent, 'What happened? What did you notice? Facts only.', [F.Notice], Advance.Auto),
    phase('what-group', 'What? (groups)', 5, S.Everyone, 'Share what you noticed in groups of 5–7.', [F.Notice], Advance.Auto),
    phase('so-what-alone', 'So what? (alone)', 1, S.Silent, 'Why is that important? What patterns or conclusions emerge?', [F.Wonder], Advance.Auto),
    phase('so-what-group', 'So what? (groups)', 5, S.Everyone, 'Make sense of it together.', [F.Wonder, F.Comment], Advance.Auto),
    phase('now-what-alone', 'Now what? (alone)', 1, S.Silent, 'What actions make sense?', [F.Comment], Advance.Auto),
    phase('now-what-group', 'Now what? (groups)', 5, S.Everyone, 'Agree on next steps.', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'Liberating Structures, What, So What, Now What?',
};

const pdsa: Protocol = {
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

const checkIn: Protocol = {
  id: 'check-in',
  title: 'Check-in',
  summary: 'Each person may speak once, briefly, until everyone who wishes has spoken; no replies.',
  groupSize: { min: 2, max: 30 },
  roles: [R.Facilitator],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [phase('connections', 'Connections', 6, S.Everyone, 'Speak if you want to, once, until all who wish have spoken. No replies or discussion.')],
  rounds: 1,
  closing: [],
  source: 'School Reform Initiative, Connections',
};

const norms: Protocol = {
  id: 'norms',
  title: 'Norms setting',
  summary: 'The group proposes, discusses and agrees the norms it will hold itself to.',
  groupSize: { min: 3, max: 30 },
  roles: [R.Facilitator, R.Scribe],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase('propose', 'Propose norms', 5, S.Silent, 'Each person writes the norms that would help them do their best work here (e.g. "hard on content, soft on people", "share the air").', [F.Comment]),
    phase('share', 'Share and group', 10, S.Everyone, 'Read the proposals aloud, group similar ones, ask what each would look like in practice.', [F.Clarifying, F.Comment]),
    phase('agree', 'Agree', 5, S.Everyone, 'Agree the norms the group will hold, and how it will notice when they are not held.', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'School Reform Initiative, Forming Ground Rules (Norms)',
};

const closingCircle: Protocol = {
  id: 'closing-circle',
  title: 'Closing circle',
  summary: 'Everyone together, each person in turn says what they take away, in a word or a sentence.',
  groupSize: { min: 2, max: 200 },
  roles: [R.Facilitator],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [phase('circle', 'Closing circle', 10, S.Everyone, 'In turn, each person says in a word or a sentence what they take away from today. No replies.')],
  rounds: 1,
  closing: [],
  source: 'School Reform Initiative, closing rituals',
};

/** The built-in protocols, in the order a picker shows them. */
export const BUILT_IN_PROTOCOLS: readonly Protocol[] = [
  tuning,
  consultancy,
  atlas,
  knowledgeCafe,
  worldCafe,
  oneTwoFourAll,
  troika,
  whatSoWhatNowWhat,
  pdsa,
  checkIn,
  norms,
  closingCircle,
];

/** A built-in protocol by id. */
export function builtInProtocol(id: string): Protocol | undefined {
  return BUILT_IN_PROTOCOLS.find((protocol) => protocol.id === id);
}
