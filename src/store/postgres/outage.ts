/**
 * Waiting out a PostgreSQL outage (a restart, a failover, a network cut): an operation that
 * fails because the server cannot be reached or went away is tried again, with backoff, until
 * the server answers or the wait runs out. Errors about the query itself are not retried.
 */

/**
 * SQLSTATE classes and codes that mean "the server went away", not "the query is wrong":
 * class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up or shutting down).
 */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03']);
/** Socket errors of a server that is down, restarting or out of reach for now. */
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** What node-postgres says when the connection dies under a query (it sets no code). */
const GONE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout expired',
];

/** Whether `e` means the server could not be reached or dropped the connection. */
export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_ERRORS.has(code) || SERVER_GONE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  const errors = (e as { errors?: unknown }).errors;
  // An AggregateError of every address tried (localhost resolving to ::1 and 127.0.0.1).
  if (Array.isArray(errors) && errors.length && errors.every(isConnectionError)) return true;
  return GONE_MESSAGES.some((m) => e.message.includes(m));
}

export interface WaitOptions {
  /** How long one operation waits for the server before its error is thrown (0: not at all). */
  waitMs: number;
  /** Where "waiting for PostgreSQL…" and "PostgreSQL is back" go. */
  log?: (line: string) => void;
  /** Stops the waiting (shutdown): the operation's last error is thrown at once. */
  signal?: AbortSignal;
  /** First pause between tries (default 250 ms), doubled up to `maxDelayMs` (default 2 s). */
  delayMs?: number;
  maxDelayMs?: number;
}

/** Sleeps `ms`, or less when `signal` aborts meanwhile. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs operations, waiting through outages. Shared by all the operations on one pool, so that an
 * outage is announced once ("waiting for PostgreSQL…") and its end once, however many operations
 * were waiting.
 */
export class OutageWaiter {
  private downSince: number | undefined;

  constructor(private readonly opts: WaitOptions) {}

  /**
   * Runs `fn`, and again while it fails with a connection error, until `waitMs` has passed since
   * its first failure. `fn` must be safe to run again after a connection error: a transaction
   * whose COMMIT was cut off may have committed, so it must find its own work done (the store's
   * content-hash and URL checks make storing an article so).
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const { waitMs, log, signal } = this.opts;
    let delay = this.opts.delayMs ?? 250;
    const maxDelay = this.opts.maxDelayMs ?? 2000;
    let firstFailure: number | undefined;
    for (;;) {
      try {
        const out = await fn();
        if (this.downSince !== undefined) {
          log?.(`PostgreSQL is back (after ${((Date.now() - this.downSince) / 1000).toFixed(1)} s)`);
          this.downSince = undefined;
        }
        return out;
      } catch (e) {
        if (!isConnectionError(e)) throw e;
        const now = Date.now();
        firstFailure ??= now;
        if (now - firstFailure >= waitMs || signal?.aborted) throw e;
        if (this.downSince === undefined) {
          this.downSince = now;
          log?.(`waiting for PostgreSQL… (${(e as Error).message || (e as { code?: string }).code})`);
        }
        // Jitter, so that many waiting operations do not all come back in the same instant.
        await pause(Math.min(delay, firstFailure + waitMs - now) * (0.75 + Math.random() / 2), signal);
        if (signal?.aborted) throw e;
        delay = Math.min(delay * 2, maxDelay);
      }
    }
  }
}
