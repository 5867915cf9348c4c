/** The origin of links the server gives people (invite links, personal links). */
import type { FastifyRequest } from 'fastify';

/** `PUBLIC_URL` when configured, else the origin the request came to (e.g. `http://127.0.0.1:8080`). */
export function publicOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
