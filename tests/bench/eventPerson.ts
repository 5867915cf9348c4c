/**
 * One participant of the event bench: a control connection whose view decides everything else.
 * Once seated, the participant keeps one connection to its table's document, with presence; when
 * a round moves it to another table, it tallies the old document, closes it and opens the new one.
 * At each table and round one member types (the member at index `round % size`) and the next one
 * moves a cursor, while the table's run is running.
 */
import type { Socket } from 'socket.io-client';
import type * as Y from 'yjs';
import { connectControl, followControl, type ControlView } from './eventControl.js';
import type { ActivitySettings, PersonSpec, TallyRecord, WriteRecord } from './eventProtocol.js';
import { TableClient, stickyIdOf } from './eventTableClient.js';
import { monotonicMs } from './time.js';

/** Where the participants of one process put what they measure. */
export interface PersonSinks {
  editLatencies: number[];
  reseatLatencies: number[];
  phaseLateness: number[];
  /** The deadline each `phaseLateness` entry was measured from (server epoch ms), to tell the boundaries apart. */
  phaseDeadlines: number[];
  writes: WriteRecord[];
  tallies: TallyRecord[];
  failures: string[];
  cursorMoves: number;
  /** Control connection attempts that failed (timed out or were refused) and were tried again. */
  controlRetries: number;
}

/** What a participant does at its table this round. */
type Task = 'type' | 'move' | null;

/** One simulated participant. */
export class Person {
  /** ms from opening the control connection to the first state (NaN until it came), and when it came (monotonic). */
  firstStateMs = Number.NaN;
  firstStateAt = Number.NaN;
  private readonly socket: Socket;
  private readonly openedAt = monotonicMs();
  private view: ControlView | null = null;
  private doc: TableClient | null = null;
  private docTable: string | null = null;
  private docRound = 0;
  private docSynced = false;
  private readonly tallied = new Set<string>();
  private task: Task = null;
  private timer: NodeJS.Timeout | null = null;
  private write: { record: WriteRecord; text: Y.Text } | null = null;
  private cursor = { x: 0, y: 0 };
  private stopped = false;
  private readonly closedAwareness = { messages: 0, bytes: 0 };

  constructor(
    readonly spec: PersonSpec,
    private readonly activity: ActivitySettings,
    private readonly sinks: PersonSinks,
  ) {
    this.socket = connectControl(spec.controlUrl, spec.token);
    // The socket tries again by itself, as the web client does; a refusal that will not pass is a failure.
    this.socket.on('connect_error', (error: Error) => {
      this.sinks.controlRetries++;
      if (!this.socket.active) this.fail(`control connection refused: ${error.message}`);
    });
    this.socket.on('disconnect', (reason: string) => {
      if (!this.stopped) this.fail(`control connection closed: ${reason}`);
    });
    followControl(this.socket, (view) => this.onView(view));
  }

  /** Connected and synced to the document of the table the last state named. */
  get seated(): boolean {
    return this.docSynced && this.docTable !== null && this.docTable === this.view?.tableId;
  }

  /** Stops typing and moving and tallies the open document (the end of the run). */
  finish(): void {
    this.stopped = true;
    this.setTask(null);
    this.tally();
  }

  /** Closes both connections. */
  async close(): Promise<void> {
    this.stopped = true;
    this.setTask(null);
    this.socket.disconnect();
    await this.doc?.close();
  }

  /** Why the document connection failed, if it did. */
  get docFailure(): string | null {
    return this.doc?.failure ?? null;
  }

  /** Awareness messages and bytes received over every document connection so far. */
  get awareness(): { messages: number; bytes: number } {
    return {
      messages: this.closedAwareness.messages + (this.doc?.cursors.messages ?? 0),
      bytes: this.closedAwareness.bytes + (this.doc?.cursors.bytes ?? 0),
    };
  }

  private onView(view: ControlView): void {
    const now = Date.now();
    if (Number.isNaN(this.firstStateMs)) {
      this.firstStateAt = monotonicMs();
      this.firstStateMs = this.firstStateAt - this.openedAt;
    }
    const previous = this.view;
    this.view = view;
    if (
      previous &&
      previous.phaseEndsAt !== null &&
      (view.round !== previous.round || view.phaseIndex !== previous.phaseIndex || !view.running)
    ) {
      this.sinks.phaseLateness.push(now - previous.phaseEndsAt);
      this.sinks.phaseDeadlines.push(previous.phaseEndsAt);
    }
    // What the change makes this person do (count their table, move to another) runs after every
    // state already received in this process is timestamped: 300 simulated people share a process,
    // and one person's move must not count as lateness of the next one's state.
    setImmediate(() => this.act(view, previous));
  }

  /** Does what a new state asks of this person: count the table at a round's end, move, type or point. */
  private act(view: ControlView, previous: ControlView | null): void {
    if (this.stopped) return;
    if (this.doc && view.round !== this.docRound) {
      this.tally();
      this.docRound = view.round;
    }
    if (view.tableId !== this.docTable) this.moveTo(view, previous?.tableId ?? null);
    this.setTask(this.taskOf(view));
  }

  /** Closes the old table's document and opens the new one's; a traveler's time to sync counts from the round's start. */
  private moveTo(view: ControlView, from: string | null): void {
    const old = this.doc;
    if (old) {
      this.closedAwareness.messages += old.cursors.messages;
      this.closedAwareness.bytes += old.cursors.bytes;
      void old.close();
    }
    this.setTask(null);
    this.doc = null;
    this.docSynced = false;
    this.docTable = view.tableId;
    this.docRound = view.round;
    if (view.tableId === null) return;
    const doc = new TableClient(`${this.spec.docUrlBase}${view.tableId}?token=${encodeURIComponent(this.spec.token)}`, (ms) =>
      this.sinks.editLatencies.push(ms),
    );
    this.doc = doc;
    const roundStartedAt = view.roundStartedAt;
    doc.synced.then(
      () => {
        if (this.doc !== doc) return;
        this.docSynced = true;
        if (from !== null && roundStartedAt !== null) this.sinks.reseatLatencies.push(Date.now() - roundStartedAt);
        doc.move(this.cursor.x, this.cursor.y); // presence
        if (this.view) this.setTask(this.taskOf(this.view));
      },
      () => {
        // A document left before it synced (the seating came right after the first state) is no failure.
        if (this.doc === doc) this.fail(`document ${view.tableId}: ${doc.failure ?? 'did not sync'}`);
      },
    );
  }

  /** Records what the open document holds of the stickies of its round (once per round). */
  private tally(): void {
    const key = `${this.docRound}/${this.docTable}`;
    if (!this.doc || !this.docSynced || this.docTable === null || this.tallied.has(key)) return;
    this.tallied.add(key);
    const counts = this.doc.stampsOf(stickyIdOf(this.docRound, ''));
    this.sinks.tallies.push({ round: this.docRound, tableId: this.docTable, participantId: this.spec.participantId, counts });
  }

  private taskOf(view: ControlView): Task {
    if (!view.running || !this.seated) return null;
    const members = view.table !== null && view.table.id === view.tableId ? view.table.members : [];
    const index = members.indexOf(this.spec.participantId);
    if (index === -1 || members.length < 2) return null;
    if (index === view.round % members.length) return 'type';
    return index === (view.round + 1) % members.length ? 'move' : null;
  }

  private setTask(task: Task): void {
    if (task === this.task) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.task = task;
    if (task === 'type') this.timer = setInterval(() => this.typeOnce(), 1000 / this.activity.typingHz);
    if (task === 'move') this.timer = setInterval(() => this.moveOnce(), 1000 / this.activity.cursorHz);
  }

  /** One insert into this round's sticky (put on the table at the first), unless the round is about to end. */
  private typeOnce(): void {
    const view = this.view;
    const doc = this.doc;
    if (!view || !doc || view.tableId === null) return;
    const lastPhase = view.phaseIndex === view.phaseCount - 1;
    if (lastPhase && view.phaseEndsAt !== null && Date.now() > view.phaseEndsAt - this.activity.quietMs) return;
    const stickyId = stickyIdOf(view.round, this.spec.participantId);
    if (this.write?.record.stickyId !== stickyId || this.write.record.tableId !== view.tableId) {
      const text = doc.putSticky(stickyId, { id: this.spec.participantId, name: this.spec.name });
      const record: WriteRecord = {
        round: view.round,
        tableId: view.tableId,
        stickyId,
        writer: this.spec.participantId,
        sent: 0,
        last: '',
      };
      this.sinks.writes.push(record);
      this.write = { record, text };
    }
    this.write.record.last = doc.type(this.write.text);
    this.write.record.sent++;
  }

  private moveOnce(): void {
    this.cursor.x = Math.max(0, this.cursor.x + Math.round(Math.random() * 40 - 20));
    this.cursor.y = Math.max(0, this.cursor.y + Math.round(Math.random() * 40 - 20));
    this.doc?.move(this.cursor.x, this.cursor.y);
    this.sinks.cursorMoves++;
  }

  private fail(reason: string): void {
    this.sinks.failures.push(`${this.spec.name}: ${reason}`);
  }
}
