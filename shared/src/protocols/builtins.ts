/**
 * The built-in protocols, faithful to their published structure and minutes (NSRF/SRI, Gurteen,
 * The World Café, Liberating Structures, IHI). A host copies one to adapt it; these never change
 * at run time.
 */
import type { Protocol } from './definition.js';
import { checkIn, closingCircle, knowledgeCafe, norms, oneTwoFourAll, whatSoWhatNowWhat, worldCafe } from './groupProtocols.js';
import { atlas, consultancy, pdsa, troika, tuning } from './reviewProtocols.js';

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
