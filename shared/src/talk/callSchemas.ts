/**
 * Schemas of what a browser sends about calls (see call.ts): joining, updates, and signals for
 * one peer. Validated on the server; apart from the call's events and views so that a bundle
 * needing only those (the browser's table) leaves zod out.
 */
import { z } from 'zod';

const sdp = z.string().max(32_000);
const description = z.strictObject({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp: sdp.optional() });
const candidate = z.strictObject({
  candidate: z.string().max(1_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** `call:join`. */
export const callJoinSchema = z.strictObject({ muted: z.boolean(), video: z.boolean(), scope: z.enum(['table', 'plenary']).optional() });
/** A `call:join` payload. */
export type CallJoin = z.infer<typeof callJoinSchema>;

/** `call:update`: what changed. */
export const callUpdateSchema = z.strictObject({
  muted: z.boolean().optional(),
  video: z.boolean().optional(),
  asksToSpeak: z.boolean().optional(),
});
/** A `call:update` payload. */
export type CallUpdate = z.infer<typeof callUpdateSchema>;

/** `call:signal` from a browser: for peer `to`, a session description or an ICE candidate. */
export const signalOutSchema = z.strictObject({
  to: z.string().min(1).max(64),
  description: description.optional(),
  candidate: candidate.nullable().optional(),
});
/** A `call:signal` a browser sends. */
export type SignalOut = z.infer<typeof signalOutSchema>;
/** A `call:signal` a browser receives: the same, from peer `from`. */
export type SignalIn = Omit<SignalOut, 'to'> & { from: string };
