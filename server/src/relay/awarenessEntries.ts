/**
 * The entries of a y-protocols awareness update — a varuint count, then for each client a varuint
 * client id, a varuint clock and its state as a JSON varstring (`null`: the state is removed) —
 * read without parsing the states, so the relay can see whose they are before applying any.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MalformedFrame } from './messages.js';

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as UTF-8 JSON, as it arrived (`null` removes the client's state). */
  json: Uint8Array;
}

/** What an awareness `update` event reports: the client ids whose states were added, renewed or changed, and removed. */
export type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

const NULL_JSON = Uint8Array.from([0x6e, 0x75, 0x6c, 0x6c]); // "null"

/** Reads every entry of an awareness update; throws `MalformedFrame` when it is truncated. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      entries.push({ clientId, clock, json: decoding.readVarUint8Array(decoder) });
    }
    return entries;
  } catch (error) {
    throw new MalformedFrame(`truncated awareness update: ${(error as Error).message}`);
  }
}

/** Encodes entries as one awareness update. */
export function writeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint8Array(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

/** Whether an entry removes its client's state (its JSON is exactly `null`, as y-protocols writes it). */
export function isRemoval(entry: AwarenessEntry): boolean {
  const { json } = entry;
  return json.byteLength === NULL_JSON.byteLength && json.every((byte, i) => byte === NULL_JSON[i]);
}

/** Bytes one entry takes in an encoded awareness update: its id, clock, JSON length and JSON. */
export function encodedEntryBytes(clientId: number, clock: number, jsonBytes: number): number {
  return varUintBytes(clientId) + varUintBytes(clock) + varUintBytes(jsonBytes) + jsonBytes;
}

function varUintBytes(value: number): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) bytes++;
  return bytes;
}
