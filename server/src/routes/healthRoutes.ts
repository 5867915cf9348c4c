/**
 * `GET /healthz` (storage answers → 200, else 503; "degraded" while cross-node sync is down) and
 * `GET /metrics` (Prometheus text; with `METRICS_TOKEN` set, only for `Authorization: Bearer <token>`).
 */
import type { FastifyInstance } from 'fastify';
import { secretsEqual } from '../auth/randomIds.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Relay } from '../relay/relay.js';
import type { StoragePort } from '../storage/port.js';
import { sendError } from './httpErrors.js';

/** Dependencies of the health routes. */
export interface HealthDeps {
  storage: StoragePort;
  relay: Relay;
  metrics: Metrics;
  /** Writes waiting to be stored. */
  persistence?: { pendingUpdates: number; pendingBytes: number; failing: boolean };
  /** Cross-node sync, when several nodes work together (Redis). */
  crossNode?: { status(): { ok: boolean; reason: string | null }; counters: object } | null;
  /** The bearer token `/metrics` requires; open when undefined. */
  metricsToken?: string | undefined;
}

/** Registers the health and metrics routes. */
export async function healthRoutes(app: FastifyInstance, deps: HealthDeps): Promise<void> {
  app.get('/healthz', async (_request, reply) => {
    const stats = deps.relay.stats();
    const crossNode = deps.crossNode ? { ...deps.crossNode.status(), ...deps.crossNode.counters } : undefined;
    const writes = deps.persistence
      ? { pendingUpdates: deps.persistence.pendingUpdates, pendingBytes: deps.persistence.pendingBytes, failing: deps.persistence.failing }
      : undefined;
    try {
      await deps.storage.ping();
      // Redis down: this node still serves its own clients, so it answers 200 but says degraded.
      const degraded = (crossNode && !crossNode.ok) || writes?.failing === true;
      return {
        status: degraded ? 'degraded' : 'ok',
        storage: { engine: deps.storage.engine, ok: true, ...writes },
        ...(crossNode ? { crossNode } : {}),
        ...stats,
      };
    } catch (error) {
      return reply.code(503).send({
        status: 'unavailable',
        storage: {
          engine: deps.storage.engine,
          ok: false,
          error: `storage unreachable: ${(error as Error).message}; changes wait in memory (up to MAX_PENDING_BYTES) and are stored when it returns`,
          ...writes,
        },
        ...(crossNode ? { crossNode } : {}),
        ...stats,
      });
    }
  });

  app.get('/metrics', async (request, reply) => {
    if (deps.metricsToken !== undefined && !secretsEqual(request.headers.authorization ?? '', `Bearer ${deps.metricsToken}`)) {
      deps.metrics.limited.inc({ limit: 'metrics_token' });
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendError(reply, 401, 'unauthorized', 'the metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.render();
  });
}
