/**
 * Caps on the connections open at once for one token and for one client address
 * (`MAX_CONNECTIONS_PER_TOKEN`, `MAX_CONNECTIONS_PER_ADDRESS`): without them one token could hold
 * thousands of sockets and fill the node for everyone. The document relay and the control channel
 * each keep their own counts, in memory on each node (a person reaching two nodes may hold the cap
 * on each). A token is counted as the person it names (every token given to the same participant
 * of a session counts together). A slot is given back exactly once, whichever way its connection ends.
 */
import type { IncomingMessage } from 'node:http';

/** The caps. */
export interface ConnectionCaps {
  /** Connections one token (one person of one session) may hold open at once. */
  perToken: number;
  /** Connections one client address may hold open at once. */
  perAddress: number;
}

/** Which cap refused a connection (also its `worktable_limited_total` label). */
export type ConnectionCapLimit = 'connections_per_token' | 'connections_per_address';

/** A connection admitted (hand `release` to its close) or refused (say `message`). */
export type Admission = { ok: true; release: () => void } | { ok: false; limit: ConnectionCapLimit; message: string };

/** Open connections counted per token and per client address. */
export class OpenConnections {
  private readonly byToken = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();

  constructor(
    private readonly caps: ConnectionCaps,
    /** The client address of a request (with `TRUST_PROXY`, the one the trusted proxy names). */
    private readonly clientAddress: (request: IncomingMessage) => string,
    /** Told each refusal, with the cap that refused (for the metrics). */
    private readonly onRefused: (limit: ConnectionCapLimit) => void = () => {},
  ) {}

  /** Counts a connection of the person a token names, arriving as `request`, unless a cap is full. */
  admit(person: { sessionId: string; participantId: string }, request: IncomingMessage): Admission {
    const token = `${person.sessionId}/${person.participantId}`;
    const address = this.clientAddress(request);
    if ((this.byToken.get(token) ?? 0) >= this.caps.perToken) {
      return this.refuse(
        'connections_per_token',
        `this link already has ${this.caps.perToken} connections open; close some tabs or windows, then try again`,
      );
    }
    if ((this.byAddress.get(address) ?? 0) >= this.caps.perAddress) {
      return this.refuse(
        'connections_per_address',
        `this network address already has ${this.caps.perAddress} connections open; try again later`,
      );
    }
    increment(this.byToken, token, 1);
    increment(this.byAddress, address, 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        increment(this.byToken, token, -1);
        increment(this.byAddress, address, -1);
      },
    };
  }

  private refuse(limit: ConnectionCapLimit, message: string): Admission {
    this.onRefused(limit);
    return { ok: false, limit, message };
  }
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
