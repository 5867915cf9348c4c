/**
 * `GET /healthz` (storage answers → 200, else 503; "degraded" while cross-node sync is down) and
 * `GET /metrics` (Prometheus text).
 */
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics/metrics.js';
import type { Relay } from '../relay/relay.js';
import type { StoragePort } from '../storage/port.js';

/** Dependencies of the health routes. */
export interface HealthDeps {
  storage: StoragePort;
  relay: Relay;
  metrics: Metrics;
  /** Cross-node sync, when several nodes work together (Redis). */
  crossNode?: { status(): { ok: boolean; reason: string | null }; counters: object } | null;
}

/** Registers the health and metrics routes. */
export async function healthRoutes(app: FastifyInstance, deps: HealthDeps): Promise<void> {
  app.get('/healthz', async (_request, reply) => {
    const stats = deps.relay.stats();
    const crossNode = deps.crossNode ? { ...deps.crossNode.status(), ...deps.crossNode.counters } : undefined;
    try {
      await deps.storage.ping();
      // Redis down: this node still serves its own clients, so it answers 200 but says degraded.
      return { status: crossNode && !crossNode.ok ? 'degraded' : 'ok', storage: { engine: deps.storage.engine, ok: true }, ...(crossNode ? { crossNode } : {}), ...stats };
    } catch (error) {
      return reply.code(503).send({
        status: 'unavailable',
        storage: { engine: deps.storage.engine, ok: false, error: (error as Error).message },
        ...(crossNode ? { crossNode } : {}),
        ...stats,
      });
    }
  });

  app.get('/metrics', async (_request, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.render();
  });
}
