/**
 * The control plane: one `SessionRuntime` per session with sockets or a running timer, the
 * socket.io events (`control`, `time:sync`, `session:state`), and the catch-up at start, when
 * every run that was going when the server stopped resumes from its persisted deadlines.
 */
import {
  ControlEvent,
  controlActionSchema,
  describeIssue,
  initialControlState,
  type ControlAck,
  type ControlState,
  type Protocol,
} from '@worktable/shared';
import crypto from 'node:crypto';
import { protocolOfSession } from '../protocols/sessionProtocol.js';
import type { RelayLogger } from '../relay/relay.js';
import type { StoragePort } from '../storage/port.js';
import { sessionRoom, type ControlServer } from './controlServer.js';
import { SessionRuntime, type Member } from './sessionRuntime.js';

/** Control plane settings. */
export interface ControlPlaneOptions {
  facilitatorGraceMs: number;
  logger: RelayLogger;
  /** Looks up a protocol by id (built-ins, plus whatever tests inject). */
  findProtocol: (id: string) => Protocol | undefined;
  now?: () => number;
}

/** Runs every session's protocol on the server. */
export class ControlPlane {
  private readonly runtimes = new Map<string, Promise<SessionRuntime>>();
  private readonly now: () => number;

  constructor(
    private readonly io: ControlServer,
    private readonly storage: StoragePort,
    private readonly options: ControlPlaneOptions,
  ) {
    this.now = options.now ?? Date.now;
    io.on('connection', (socket) => {
      const { sessionId, participantId } = socket.data;
      const runtime = this.runtime(sessionId);
      let counted = false;
      runtime.then(
        async (r) => {
          if (!r.hasParticipant(participantId)) {
            const fresh = await this.storage.getParticipant(sessionId, participantId);
            if (fresh) r.upsertParticipant({ participantId, role: fresh.role, joinedAt: fresh.joinedAt });
          }
          if (socket.disconnected) return;
          counted = true;
          await r.presenceChanged(participantId, 1);
          socket.emit(ControlEvent.State, r.snapshot());
        },
        (error: unknown) => this.failed(error, sessionId),
      );

      socket.on(ControlEvent.Control, (payload, ack) => {
        if (typeof ack !== 'function') return;
        const parsed = controlActionSchema.safeParse(payload);
        if (!parsed.success) {
          ack({ ok: false, error: { code: 'bad_request', message: describeIssue(parsed.error) } });
          return;
        }
        runtime
          .then((r) => r.control(parsed.data, participantId).then((result): ControlAck => (result.ok ? { ok: true, state: r.snapshot() } : result)))
          .then(ack, (error: unknown) => {
            this.failed(error, sessionId);
            ack({ ok: false, error: { code: 'internal', message: 'The server could not apply this; try again.' } });
          });
      });

      socket.on(ControlEvent.TimeSync, (ack) => {
        if (typeof ack === 'function') ack({ serverNow: this.now() });
      });

      socket.on('disconnect', () => {
        if (!counted) return;
        runtime
          .then(async (r) => {
            await r.presenceChanged(participantId, -1);
            // Nobody connected (not even a socket still joining) and no deadline pending: drop it;
            // its state is persisted and reloads on the next connection.
            const joining = this.io.sockets.adapter.rooms.get(sessionRoom(sessionId))?.size ?? 0;
            if (!r.isActive && joining === 0 && this.runtimes.get(sessionId) === runtime) {
              r.close();
              this.runtimes.delete(sessionId);
            }
          })
          .catch((error: unknown) => this.failed(error, sessionId));
      });
    });
  }

  /** Resumes every run that was going when the server last stopped (deadlines passed meanwhile are caught up). */
  async resumeAll(): Promise<number> {
    const active = await this.storage.listActiveControlStates();
    await Promise.all(active.map(async ({ sessionId }) => (await this.runtime(sessionId)).resume()));
    return active.length;
  }

  /** The runtime of a session, loading it (and its persisted state) once. */
  runtime(sessionId: string): Promise<SessionRuntime> {
    let runtime = this.runtimes.get(sessionId);
    if (!runtime) {
      runtime = this.load(sessionId);
      runtime.catch(() => this.runtimes.delete(sessionId));
      this.runtimes.set(sessionId, runtime);
    }
    return runtime;
  }

  private async load(sessionId: string): Promise<SessionRuntime> {
    const [session, participants, stored] = await Promise.all([
      this.storage.getSession(sessionId),
      this.storage.listParticipants(sessionId),
      this.storage.loadControlState(sessionId),
    ]);
    if (!session) throw new Error(`unknown session ${sessionId}`);
    const protocol = protocolOfSession(session, this.options.findProtocol);
    if (!protocol) throw new Error(`session ${sessionId} uses unknown protocol ${session.protocol ?? ''}`);
    const members = new Map<string, Member>(participants.map((p) => [p.participantId, { participantId: p.participantId, role: p.role, joinedAt: p.joinedAt }]));
    const host = participants.find((p) => p.role === 'host')?.participantId ?? '';
    const state = (stored as ControlState | null) ?? initialControlState(protocol, crypto.randomInt(2 ** 31));
    return new SessionRuntime(sessionId, protocol, host, members, state, {
      save: (id, next) => this.storage.saveControlState(id, next.status, next),
      broadcast: (id, payload) => this.io.to(sessionRoom(id)).emit(ControlEvent.State, payload),
      now: this.now,
      facilitatorGraceMs: this.options.facilitatorGraceMs,
      onError: (error, id) => this.failed(error, id),
    });
  }

  private failed(error: unknown, sessionId: string): void {
    this.options.logger.error({ err: error, session: sessionId }, 'control plane error');
  }

  /** Stops every timer; persisted states let the next start resume exactly. */
  async close(): Promise<void> {
    const runtimes = await Promise.allSettled(this.runtimes.values());
    for (const r of runtimes) if (r.status === 'fulfilled') r.value.close();
  }
}
