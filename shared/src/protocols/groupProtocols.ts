/** Built-in protocols for a whole group's conversation: cafés, 1-2-4-All, What So What, check-in, norms, closing. */
import { FeedbackType as F } from '../feedback.js';
import { Advance, RoleName as R, RotateAt, Speakers as S, type Protocol } from './definition.js';
import { phase } from './builtinPhase.js';

/** Knowledge Café (Gurteen). */
export const knowledgeCafe: Protocol = {
  id: 'knowledge-cafe',
  title: 'Gurteen Knowledge Café',
  summary: 'A short talk and one open question, then conversations in small groups reshuffled each round, and a whole-group circle.',
  groupSize: { min: 6, max: 200 },
  roles: [R.Facilitator],
  rotateAt: RotateAt.Round,
  opening: [phase('opening', 'Opening', 20, S.PresenterOnly, 'A short talk that ends with one open question for the conversations.')],
  round: [
    phase(
      'conversation',
      'Small-group conversation',
      15,
      S.Everyone,
      'Talk about the question in groups of 3–4. No report-outs: just the conversation.',
      [],
      Advance.Auto,
    ),
  ],
  rounds: 3,
  closing: [
    phase('circle', 'Whole-group circle', 20, S.Everyone, 'Back together: share what you heard and what you are thinking now.'),
    phase('pledge', 'Action pledge (optional)', 5, S.Everyone, 'One minute each, if you wish: one thing you will do differently.'),
  ],
  source: 'David Gurteen, Knowledge Café',
  reseat: true,
};

/** World Café (The World Café). */
export const worldCafe: Protocol = {
  id: 'world-cafe',
  title: 'World Café',
  summary:
    'Tables of four or five, several rounds opened by a question; table hosts stay and brief newcomers, travelers move; a closing harvest.',
  groupSize: { min: 12, max: 200 },
  roles: [R.Facilitator, R.TableHost, R.Reporter],
  rotateAt: RotateAt.Round,
  opening: [
    phase(
      'welcome',
      'Welcome and café etiquette',
      10,
      S.PresenterOnly,
      'Welcome, the purpose of the café and its etiquette: focus on what matters, contribute your thinking, listen together, connect ideas.',
    ),
  ],
  round: [
    phase(
      'round',
      'Café round',
      20,
      S.Everyone,
      'Explore this round’s question at your table. The table host welcomes newcomers and shares what the table discussed before.',
      [F.Notice, F.Wonder, F.Comment],
      Advance.Auto,
    ),
  ],
  rounds: 3,
  closing: [
    phase(
      'harvest',
      'Harvest',
      30,
      S.Everyone,
      'The whole group shares the insights, patterns and questions that emerged across the tables.',
      [F.Comment],
    ),
  ],
  source: 'The World Café Community Foundation',
  reseat: true,
  roundQuestions: [
    'What question, if answered, could make the most difference to the work we share?',
    'What are we noticing across the conversations so far: what is taking shape, what is missing?',
    'What is one step we could take together, and who needs to be part of it?',
  ],
};

/** 1-2-4-All (Liberating Structures). */
export const oneTwoFourAll: Protocol = {
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
    phase(
      'four',
      'Foursomes',
      4,
      S.Everyone,
      'In groups of four, notice similarities and differences, and develop ideas.',
      [],
      Advance.Auto,
    ),
    phase('all', 'All', 5, S.Everyone, 'Each group shares one idea that stood out.', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'Liberating Structures, 1-2-4-All',
};

/** What, So What, Now What? (Liberating Structures). */
export const whatSoWhatNowWhat: Protocol = {
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
    phase(
      'so-what-alone',
      'So what? (alone)',
      1,
      S.Silent,
      'Why is that important? What patterns or conclusions emerge?',
      [F.Wonder],
      Advance.Auto,
    ),
    phase('so-what-group', 'So what? (groups)', 5, S.Everyone, 'Make sense of it together.', [F.Wonder, F.Comment], Advance.Auto),
    phase('now-what-alone', 'Now what? (alone)', 1, S.Silent, 'What actions make sense?', [F.Comment], Advance.Auto),
    phase('now-what-group', 'Now what? (groups)', 5, S.Everyone, 'Agree on next steps.', [F.Comment]),
  ],
  rounds: 1,
  closing: [],
  source: 'Liberating Structures, What, So What, Now What?',
};

/** Check-in round. */
export const checkIn: Protocol = {
  id: 'check-in',
  title: 'Check-in',
  summary: 'Each person may speak once, briefly, until everyone who wishes has spoken; no replies.',
  groupSize: { min: 2, max: 30 },
  roles: [R.Facilitator],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase(
      'connections',
      'Connections',
      6,
      S.Everyone,
      'Speak if you want to, once, until all who wish have spoken. No replies or discussion.',
    ),
  ],
  rounds: 1,
  closing: [],
  source: 'School Reform Initiative, Connections',
};

/** Setting norms. */
export const norms: Protocol = {
  id: 'norms',
  title: 'Norms setting',
  summary: 'The group proposes, discusses and agrees the norms it will hold itself to.',
  groupSize: { min: 3, max: 30 },
  roles: [R.Facilitator, R.Scribe],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase(
      'propose',
      'Propose norms',
      5,
      S.Silent,
      'Each person writes the norms that would help them do their best work here (e.g. "hard on content, soft on people", "share the air").',
      [F.Comment],
    ),
    phase(
      'share',
      'Share and group',
      10,
      S.Everyone,
      'Read the proposals aloud, group similar ones, ask what each would look like in practice.',
      [F.Clarifying, F.Comment],
    ),
    phase('agree', 'Agree', 5, S.Everyone, 'Agree the norms the group will hold, and how it will notice when they are not held.', [
      F.Comment,
    ]),
  ],
  rounds: 1,
  closing: [],
  source: 'School Reform Initiative, Forming Ground Rules (Norms)',
};

/** Closing circle. */
export const closingCircle: Protocol = {
  id: 'closing-circle',
  title: 'Closing circle',
  summary: 'Everyone together, each person in turn says what they take away, in a word or a sentence.',
  groupSize: { min: 2, max: 200 },
  roles: [R.Facilitator],
  rotateAt: RotateAt.Run,
  opening: [],
  round: [
    phase(
      'circle',
      'Closing circle',
      10,
      S.Everyone,
      'In turn, each person says in a word or a sentence what they take away from today. No replies.',
    ),
  ],
  rounds: 1,
  closing: [],
  source: 'School Reform Initiative, closing rituals',
};
