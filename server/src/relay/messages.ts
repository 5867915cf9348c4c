/**
 * Encoding of the standard y-websocket messages (y-protocols sync + awareness), so a stock
 * `WebsocketProvider` talks to our relay unchanged.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Top-level message types of the y-websocket protocol. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const;

/** An incoming message, decoded just enough to route it. */
export type IncomingMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array /** the frame holds nothing after the update */; exact: boolean }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'auth' }
  | { type: 'query-awareness' };

/** Thrown for a frame that is not a y-websocket message. */
export class MalformedFrame extends Error {
  override readonly name = 'MalformedFrame';
}

/** Decodes one frame; throws `MalformedFrame` when it is truncated or of an unknown type. */
export function decodeMessage(frame: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SyncType.Step1) return { type: 'sync-step1', stateVector: payload };
        if (syncType === SyncType.Step2) return { type: 'sync-step2', update: payload };
        if (syncType === SyncType.Update) return { type: 'sync-update', update: payload, exact: !decoding.hasContent(decoder) };
        throw new MalformedFrame(`unknown sync message type ${syncType}`);
      }
      case MessageType.Awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.Auth:
        return { type: 'auth' };
      case MessageType.QueryAwareness:
        return { type: 'query-awareness' };
      default:
        throw new MalformedFrame(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedFrame) throw error;
    throw new MalformedFrame(`truncated frame: ${(error as Error).message}`);
  }
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: "here is my state vector, send me what I miss". */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncType.Step1, stateVector);
}

/** Sync step 2: the updates the peer misses. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncType.Step2, update);
}

/** A live document update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncType.Update, update);
}

/** An awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
