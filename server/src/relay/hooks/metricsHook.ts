/** Metrics: counts what the relay accepts, delivers and refuses, and how fast storage commits. */
import type { Metrics } from '../../metrics/metrics.js';
import type { RelayHook } from '../hooks.js';
import type { PersistenceObserver } from './persistenceHook.js';

/** Builds the metrics hook. */
export function metricsHook(metrics: Metrics): RelayHook {
  return {
    name: 'metrics',
    onChange() {
      metrics.updatesIn.inc();
    },
    onBroadcast(_room, recipients, bytes) {
      metrics.messagesOut.inc(recipients);
      metrics.bytesOut.inc(recipients * bytes);
    },
    onAwarenessRefused(_connection, _room, refusals) {
      for (const [limit, entries] of Object.entries(refusals)) if (entries > 0) metrics.limited.inc({ limit }, entries);
    },
    onReject(_connection, _room, rejection) {
      metrics.errors.inc({ kind: `close_${rejection.closeCode}` });
    },
  };
}

/** Feeds persistence events into the metrics. */
export function persistenceMetrics(metrics: Metrics): PersistenceObserver {
  return {
    flushed(updates, seconds) {
      metrics.flushSeconds.observe(seconds);
      metrics.flushedUpdates.inc(updates);
    },
    failed(operation) {
      metrics.errors.inc({ kind: `storage_${operation}` });
    },
    compacted(updates) {
      metrics.compactedUpdates.inc(updates);
    },
    loaded(_updates, seconds) {
      metrics.loadSeconds.observe(seconds);
    },
  };
}
