/** `GET /healthz` (storage answers → 200, else 503) and `GET /metrics` (Prometheus text). */
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics/metrics.js';
import type { Relay } from '../relay/relay.js';
import type { StoragePort } from '../storage/port.js';

/** Dependencies of the health routes. */
export interface HealthDeps {
  storage: StoragePort;
  relay: Relay;
  metrics: Metrics;
}

/** Registers the health and metrics routes. */
export async function healthRoutes(app: FastifyInstance, deps: HealthDeps): Promise<void> {
  app.get('/healthz', async (_request, reply) => {
    const stats = deps.relay.stats();
    try {
      await deps.storage.ping();
      return { status: 'ok', storage: { engine: deps.storage.engine, ok: true }, ...stats };
    } catch (error) {
      return reply.code(503).send({
        status: 'unavailable',
        storage: { engine: deps.storage.engine, ok: false, error: (error as Error).message },
        ...stats,
      });
    }
  });

  app.get('/metrics', async (_request, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.render();
  });
}
