/** Words for people: role names, who speaks, and what each role does in a phase. */
import { REFLECTION_PHASE_IDS, RoleName, Speakers, type RoleHolders } from '@worktable/shared';

/** A role as people say it ("table host"). */
export const ROLE_LABEL: Readonly<Record<RoleName, string>> = {
  facilitator: 'facilitator',
  scribe: 'scribe',
  presenter: 'presenter',
  timekeeper: 'timekeeper',
  tableHost: 'table host',
  reporter: 'reporter',
};

/** A role as a title ("Table host"). */
export function roleTitle(role: RoleName): string {
  const label = ROLE_LABEL[role];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Who speaks in a phase, for the banner. */
export const SPEAKERS_LABEL: Readonly<Record<Speakers, string>> = {
  everyone: 'Everyone',
  presenter: 'Presenter only — everyone else listens',
  'all-but-presenter': 'Everyone except the presenter — the presenter listens silently',
  silent: 'Silent individual work',
};

/** Who speaks in a phase, as a sentence for announcements. */
export const SPEAKERS_SENTENCE: Readonly<Record<Speakers, string>> = {
  everyone: 'Everyone speaks.',
  presenter: 'The presenter speaks; everyone else listens.',
  'all-but-presenter': 'Everyone except the presenter speaks; the presenter listens silently.',
  silent: 'Silent individual work.',
};

/** Roles `participantId` holds, in the protocol's canonical order. */
export function rolesOf(roles: RoleHolders, participantId: string): RoleName[] {
  return (Object.values(RoleName) as RoleName[]).filter((role) => roles[role] === participantId);
}

/** "the facilitator", "the facilitator and the scribe", "the a, the b and the c". */
export function joinRoles(roles: readonly RoleName[]): string {
  const parts = roles.map((role) => `the ${ROLE_LABEL[role]}`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What the role card knows about the moment, beyond who speaks. */
export interface RoleSituation {
  /** The phase's id (a presenter's reflection is not their presentation). */
  phaseId?: string;
  /** One clock runs every table: the host keeps the time, not the table. */
  sharedClock?: boolean;
  /** The convening round (1-based; 0 outside convenings). */
  round?: number;
  /** People new to the table this round. */
  newcomers?: number;
}

const PRESENTING = new Set(['presentation', 'overview', 'share', 'opening']);

/** One sentence of what the holder of `role` does now: in a phase where `speakers` speak, in this situation. */
export function roleGuidance(role: RoleName, speakers: Speakers, situation: RoleSituation = {}): string {
  switch (role) {
    case 'presenter':
      if (speakers === Speakers.AllButPresenter) return 'Listen silently and take notes — you will respond in your reflection.';
      if (REFLECTION_PHASE_IDS.has(situation.phaseId ?? ''))
        return 'Reflect aloud on what you heard and what you will take forward; the group listens.';
      if (speakers === Speakers.PresenterOnly)
        return PRESENTING.has(situation.phaseId ?? '') || !situation.phaseId
          ? 'This is your time: present your work while the group listens.'
          : 'This is your time to speak while the group listens.';
      if (speakers === Speakers.Silent) return 'Work quietly on your own, like everyone else.';
      return 'Take part in the conversation about your work.';
    case 'scribe':
      return 'Capture the key points of this phase in the notes document on the table.';
    case 'facilitator':
      return situation.sharedClock
        ? 'Keep the conversation on the question and make room for every voice; the host keeps one clock for every table.'
        : 'Keep the group to the protocol and the time.';
    case 'timekeeper':
      return situation.sharedClock
        ? 'The host keeps one clock for every table: give your group a one-minute warning.'
        : 'Give the group a one-minute warning.';
    case 'tableHost':
      if ((situation.newcomers ?? 0) > 0)
        return 'Welcome the newcomers and tell them in a minute what this table talked about before; then open this round’s question. You stay here when travelers move.';
      if ((situation.round ?? 0) > 0)
        return 'Welcome people, open the question and keep the conversation connected to what is on the table. You stay here when travelers move.';
      return 'Welcome people to the table and keep the conversation connected to what is on it.';
    case 'reporter':
      return 'Note what to share back with everyone, and post it as harvest cards before the round ends.';
  }
}

/** What someone without a role does during a phase where `speakers` speak. */
export function memberGuidance(speakers: Speakers): string {
  switch (speakers) {
    case 'everyone':
      return 'Join in — everyone speaks in this phase.';
    case 'presenter':
      return 'Listen to the presenter; save your questions for later.';
    case 'all-but-presenter':
      return 'Talk with the group; the presenter listens silently.';
    case 'silent':
      return 'Work quietly on your own.';
  }
}
