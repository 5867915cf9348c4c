/** `GET /api/protocols`: the built-in protocols with their phases and durations (ms). */
import type { FastifyInstance } from 'fastify';
import { BUILT_IN_PROTOCOLS, plannedDurationMs } from '@worktable/shared';

/** Registers the protocol routes. */
export async function protocolRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/protocols', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return { protocols: BUILT_IN_PROTOCOLS.map((protocol) => ({ ...protocol, plannedDurationMs: plannedDurationMs(protocol) })) };
  });
}
