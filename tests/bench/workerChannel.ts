/**
 * A request/reply channel between a benchmark's coordinator and the generator processes it forks
 * (Node IPC, advanced serialization, so typed arrays travel as they are). A request map names each
 * request type with what it carries and what it answers; every request carries an id and the
 * worker answers it with a reply of the same id.
 */
import { fork, type ChildProcess } from 'node:child_process';

/** Request types by name (`R`'s keys): what each carries and what it answers. An interface fits too. */
export type RequestMap<R> = { [T in keyof R]: { request: object; reply: unknown } };

/** A request as sent. */
export type RequestMessage<R extends RequestMap<R>> = { [T in keyof R & string]: { id: number; type: T } & R[T]['request'] }[keyof R &
  string];

/** A reply as sent: the value, or why the request failed. */
export type ReplyMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** One forked worker process (`modulePath`, run with this process's flags, e.g. `--import tsx`) and its channel. */
export class WorkerProcess<R extends RequestMap<R>> {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private exited: string | null = null;

  constructor(modulePath: URL, label: string, args: string[] = []) {
    this.child = fork(modulePath, args, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: ReplyMessage) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(`${label}: ${message.error}`));
    });
    this.child.on('exit', (code, signal) => {
      this.exited = `${label} exited (${signal ?? `code ${String(code)}`})`;
      for (const waiter of this.pending.values()) waiter.reject(new Error(this.exited));
      this.pending.clear();
    });
  }

  /** The process id, for reading its CPU time from /proc. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Sends one request and resolves with the worker's answer. */
  request<T extends keyof R & string>(type: T, payload: R[T]['request']): Promise<R[T]['reply']> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, type, ...payload });
    });
  }

  /** Ends the process. */
  stop(): void {
    if (!this.exited) this.child.kill();
  }
}

/**
 * The worker's side: answers every request from the coordinator with `handle` (its value, or the
 * error's message), and ends this process when the coordinator goes away.
 */
export function serveRequests<R extends RequestMap<R>>(handle: (message: RequestMessage<R>) => Promise<unknown>): void {
  const reply = (message: ReplyMessage): void => void process.send?.(message);
  process.on('message', (message: RequestMessage<R>) => {
    handle(message).then(
      (value) => reply({ id: message.id, ok: true, value }),
      (error: unknown) => reply({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
