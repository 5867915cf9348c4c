/**
 * Prometheus instruments of one server instance, on a registry of its own (so tests can run
 * several servers in one process). Served as text at `GET /metrics`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Live counts read at scrape time. */
export interface LiveCounts {
  connections: number;
  documents: number;
  pendingUpdates: number;
}

/** The server's metrics. */
export class Metrics {
  readonly registry = new Registry();
  private live: () => LiveCounts = () => ({ connections: 0, documents: 0, pendingUpdates: 0 });

  readonly updatesIn = new Counter({
    name: 'worktable_updates_in_total',
    help: 'Document updates accepted from clients and applied.',
    registers: [this.registry],
  });
  readonly messagesOut = new Counter({
    name: 'worktable_messages_out_total',
    help: 'Messages delivered to clients (one per recipient of each broadcast).',
    registers: [this.registry],
  });
  readonly bytesOut = new Counter({
    name: 'worktable_bytes_out_total',
    help: 'Bytes delivered to clients by broadcasts.',
    registers: [this.registry],
  });
  readonly flushSeconds = new Histogram({
    name: 'worktable_persistence_flush_seconds',
    help: 'Time to commit one batch of updates to storage.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly flushedUpdates = new Counter({
    name: 'worktable_persistence_updates_total',
    help: 'Updates committed to storage.',
    registers: [this.registry],
  });
  readonly compactedUpdates = new Counter({
    name: 'worktable_compacted_updates_total',
    help: 'Log entries folded into snapshots by compaction.',
    registers: [this.registry],
  });
  readonly loadSeconds = new Histogram({
    name: 'worktable_document_load_seconds',
    help: 'Time to load one document from storage: read its snapshot and log, apply them.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly uploads = new Counter({
    name: 'worktable_uploads_total',
    help: 'Images and PDFs uploaded and stored.',
    registers: [this.registry],
  });
  readonly uploadBytes = new Counter({
    name: 'worktable_upload_bytes_total',
    help: 'Bytes of the uploads stored.',
    registers: [this.registry],
  });
  readonly callSignals = new Counter({
    name: 'worktable_call_signals_total',
    help: 'Call signals (offers, answers, ICE candidates) by outcome: relayed to a peer at the same table, refused (not in the call, not at that table, malformed) or limited (over the per-connection rate).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly limited = new Counter({
    name: 'worktable_limited_total',
    help: "Requests and connections a limit stopped, by limit: join_failures (wrong invite codes over JOIN_FAILURES_PER_MINUTE, 429), record_link_failures (RECORD_LINK_FAILURES_PER_MINUTE, 429), record_pdfs (PDFs through links, 429), http_timeout (headers or request slower than HEADERS_TIMEOUT_MS / REQUEST_TIMEOUT_MS, 408 and closed), max_connections (connections closed over MAX_CONNECTIONS), metrics_token (GET /metrics without METRICS_TOKEN, 401); awareness entries dropped (the connection stays open): awareness_foreign (naming a client id another participant introduced, or another node's), awareness_clients (over MAX_AWARENESS_CLIENTS_PER_CONNECTION), awareness_room_bytes (the room's states over MAX_ROOM_AWARENESS_BYTES); session_creations (sessions over SESSIONS_PER_ADDRESS_PER_HOUR, 429), create_session_secret (session creation without the right CREATE_SESSION_SECRET, 401/403), connections_per_token and connections_per_address (document or control connections over MAX_CONNECTIONS_PER_TOKEN / MAX_CONNECTIONS_PER_ADDRESS, refused), exports (a record of a session over EXPORTS_PER_SESSION_AT_ONCE being made, 429), session_uploads (a file past MAX_UPLOADS_PER_SESSION or MAX_UPLOAD_BYTES_PER_SESSION, 413).",
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });
  readonly controlActions = new Counter({
    name: 'worktable_control_actions_total',
    help: 'Control actions (ready, next, votes, visits, speaking-time reports) by outcome: accepted, refused (not allowed, malformed, conflicting) or limited (over the per-connection rate; never applied).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'worktable_errors_total',
    help: 'Errors by kind: closed connections by close code, refused handshakes by status, refused upload requests by status, storage failures.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 100 });
    const registers = [this.registry];
    const live = () => this.live();
    new Gauge({
      name: 'worktable_connections',
      help: 'Open y-websocket connections.',
      registers,
      collect() {
        this.set(live().connections);
      },
    });
    new Gauge({
      name: 'worktable_documents_loaded',
      help: 'Documents held in memory.',
      registers,
      collect() {
        this.set(live().documents);
      },
    });
    new Gauge({
      name: 'worktable_persistence_pending_updates',
      help: 'Updates accepted but not yet committed.',
      registers,
      collect() {
        this.set(live().pendingUpdates);
      },
    });
  }

  /** Adds the cross-node sync counters (several nodes: published, received, duplicate and failed messages). */
  observeCrossNode(counters: () => { published: number; received: number; duplicates: number; publishFailures: number }): void {
    new Gauge({
      name: 'worktable_cross_node_messages',
      help: 'Cross-node sync messages since start, by kind: published, received, duplicates (updates that reached this node twice), publish_failures.',
      labelNames: ['kind'] as const,
      registers: [this.registry],
      collect() {
        const c = counters();
        this.set({ kind: 'published' }, c.published);
        this.set({ kind: 'received' }, c.received);
        this.set({ kind: 'duplicates' }, c.duplicates);
        this.set({ kind: 'publish_failures' }, c.publishFailures);
      },
    });
  }

  /** Sets where the live gauges read their values. */
  observe(live: () => LiveCounts): void {
    this.live = live;
  }

  /** Prometheus text exposition. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
