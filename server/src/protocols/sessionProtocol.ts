/** Which protocol a session runs: the definition its host brought, or a built-in by id (Tuning when none). */
import { protocolFor, validateProtocol, type Protocol } from '@worktable/shared';
import type { SessionRecord } from '../storage/port.js';

/** The session's protocol, or undefined when its id is unknown (e.g. a built-in was removed). */
export function protocolOfSession(session: SessionRecord, findProtocol: (id: string) => Protocol | undefined): Protocol | undefined {
  if (session.customProtocol !== null && session.customProtocol !== undefined) {
    const checked = validateProtocol(session.customProtocol);
    return checked.ok ? checked.protocol : undefined;
  }
  return protocolFor(session.protocol, findProtocol);
}
