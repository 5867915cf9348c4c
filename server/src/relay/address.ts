/**
 * Who is connected to which document: the relay's own vocabulary, in a module of its own so the
 * connection, the room and the hooks can all name it without importing one another.
 */
import type { SessionRole } from '@worktable/shared';

/** Who is connecting, as established by authentication. */
export interface Principal {
  sessionId: string;
  participantId: string;
  /** Their display name, as the session has it (the server writes it as the author of what they add). */
  name: string;
  role: SessionRole;
}

/** Which document a connection asks for. */
export interface DocumentAddress {
  sessionId: string;
  docName: string;
  docKey: string;
}
