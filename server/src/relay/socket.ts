/** The only thing the relay core needs from a transport: send bytes, close, and report backlog. */
export interface RelaySocket {
  /** Sends one binary message. Must not throw when the socket is already closing. */
  send(message: Uint8Array): void;
  /** Closes with a code and a short reason (≤ 123 bytes). */
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
}
