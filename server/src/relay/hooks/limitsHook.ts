/**
 * Limits: one message and one document may not exceed their configured sizes. An offender is
 * closed with a 4xxx code; nothing it sent past the limit is applied. (Awareness has limits of its
 * own, per state, per connection and per room: `PresenceGuard`.)
 * A document's size is what it holds once merged (`DocumentSize`), not the sum of its updates.
 */
import { CloseCode } from '@worktable/shared';
import { RelayRejection, type RelayHook } from '../hooks.js';

/** Size limits in bytes. */
export interface RelayLimits {
  maxMessageBytes: number;
  maxDocBytes: number;
}

/** Builds the limits hook. */
export function limitsHook(limits: RelayLimits): RelayHook {
  return {
    name: 'limits',
    onMessage(_connection, _room, message) {
      if (message.byteLength > limits.maxMessageBytes) {
        throw new RelayRejection(
          CloseCode.MessageTooLarge,
          413,
          `message of ${message.byteLength} bytes exceeds the limit of ${limits.maxMessageBytes}`,
        );
      }
    },
    beforeApplyUpdate(_connection, room, update) {
      if (!room.size.fits(update.byteLength, limits.maxDocBytes)) {
        throw new RelayRejection(
          CloseCode.DocumentTooLarge,
          413,
          `document would exceed the limit of ${limits.maxDocBytes} bytes (it holds ${room.size.estimateBytes}; this change adds up to ${update.byteLength})`,
        );
      }
    },
  };
}
