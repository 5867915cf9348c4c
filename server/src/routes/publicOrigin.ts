/** The origin links the server hands out start with: `PUBLIC_URL`, else the origin the request came to. */
import type { FastifyRequest } from 'fastify';

/** `https://worktable.example.org` (no trailing slash). */
export function publicOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
