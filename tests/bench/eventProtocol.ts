/**
 * What the event bench (`eventBench.ts`, the coordinator) and its participant processes
 * (`eventWorker.ts`) say to each other over the worker channel. Wall-clock times (`Date.now()`)
 * are compared with the server's deadlines; the machine's monotonic clock (`monotonicMs()`) times
 * what crosses processes.
 */

/** One participant a worker plays. */
export interface PersonSpec {
  participantId: string;
  name: string;
  token: string;
  /** `http://host:port` of the node this participant's control connection goes to. */
  controlUrl: string;
  /** `ws://host:port/yjs/<sessionId>/` of the same node: the table id and `?token=` follow. */
  docUrlBase: string;
}

/** How participants act once seated. */
export interface ActivitySettings {
  /** Inserts per second of the one typist at each table. */
  typingHz: number;
  /** Cursor moves (awareness updates) per second of the one mover at each table. */
  cursorHz: number;
  /** The typist stops this long before the round's last deadline, so its edits have arrived before anyone leaves. */
  quietMs: number;
}

/** What one typist wrote into its sticky at one table in one round. */
export interface WriteRecord {
  round: number;
  tableId: string;
  stickyId: string;
  writer: string;
  /** Inserts made (each one stamp). */
  sent: number;
  /** The last stamp inserted (the text ends with it). */
  last: string;
}

/** What one participant's document of one table held at the end of one round: stamps per sticky of that round. */
export interface TallyRecord {
  round: number;
  tableId: string;
  participantId: string;
  counts: Array<[stickyId: string, stamps: number]>;
}

/** The requests, by type, with what each answers. */
export interface EventRequests {
  /** Opens every control connection at once; answers once each received its first state. */
  connect: { request: { people: PersonSpec[]; activity: ActivitySettings; timeoutMs: number }; reply: FirstStates };
  /** How many participants are connected and synced to their table's document. */
  progress: { request: Record<string, never>; reply: { seated: number; failures: number } };
  /** Stops typing and moving, tallies the documents still open; answers everything measured. */
  finish: { request: Record<string, never>; reply: WorkerResults };
  /** Closes every connection. */
  close: { request: Record<string, never>; reply: null };
}

/** Per participant: ms from opening the control connection to the first state, and when it arrived (monotonic). */
export interface FirstStates {
  ms: Float64Array;
  at: Float64Array;
}

/** What one participant process measured. */
export interface WorkerResults {
  /** ms from a typist's insert to its arrival at a table-mate, for inserts sent after the receiver connected. */
  editLatencies: Float64Array;
  /** ms from a round's start (server time) to a traveler synced with its new table's document. */
  reseatLatencies: Float64Array;
  /** ms from a phase's deadline to the state of the next phase reaching a participant. */
  phaseLateness: Float64Array;
  /** The deadline of each `phaseLateness` entry (server epoch ms). */
  phaseDeadlines: Float64Array;
  writes: WriteRecord[];
  tallies: TallyRecord[];
  /** Awareness messages and bytes the participants received. */
  awarenessMessages: number;
  awarenessBytes: number;
  cursorMoves: number;
  /** Control connection attempts that failed and were tried again. */
  controlRetries: number;
  /** 99th percentile of this process's event-loop delay from connecting to the end, ms: how late the clients themselves were. */
  loopDelayP99Ms: number;
  /** The first few failures (connections refused or closed by the server). */
  failures: string[];
  failureCount: number;
}
