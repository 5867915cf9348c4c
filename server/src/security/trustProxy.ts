/**
 * `TRUST_PROXY`: which proxies in front of the server may name the client's address in
 * `X-Forwarded-For`. Off by default, so a client reaching the server directly cannot pick the
 * address its limits are counted against. Behind the shipped nginx (deploy/nginx.conf) every
 * request arrives from nginx's address, so without it all users share one address.
 */
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

/** Fastify's `trustProxy`: false (the socket's address), the trusted proxies' addresses, or a hop count as a test of each hop. */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/** Why a `TRUST_PROXY` value was refused. */
export const TRUST_PROXY_PROBLEM =
  'must be off, a hop count from 1 to 10, or comma-separated proxy addresses or CIDRs (10.0.0.0/8, loopback, linklocal, uniquelocal)';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(item: string): boolean {
  if (NAMED_RANGES.has(item)) return true;
  const [address = '', prefix, extra] = item.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Reads a `TRUST_PROXY` value; null when it is not one of the accepted forms. */
export function parseTrustProxy(text: string): TrustProxy | null {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    // The `hops` nearest addresses are proxies: the client is the one `hops` entries from the right of X-Forwarded-For.
    return hops >= 1 && hops <= 10 ? (_address, hop) => hop < hops : null;
  }
  const items = value.split(',').map((item) => item.trim());
  return items.every(isAddressOrRange) ? items : null;
}

/**
 * Reads the client address of a raw request (a WebSocket or socket.io upgrade, which Fastify does
 * not see) with the same `TRUST_PROXY` rule and the same library as Fastify's `request.ip`, so the
 * HTTP limits and the connection caps count a person under one address.
 */
export function clientAddressReader(trust: TrustProxy): (request: IncomingMessage) => string {
  const trusted = trust === false ? () => false : typeof trust === 'function' ? trust : proxyAddr.compile(trust);
  return (request) => proxyAddr(request, trusted) ?? '';
}
