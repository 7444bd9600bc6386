/** `marsad worker` processes for the queue tests: start, watch, stop. */
import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { queueStatus } from '../src/queue/status.js';
import { CLI } from './helpers.js';

export interface WorkerProc {
  child: ChildProcess;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  /** Everything it wrote to stderr (its log lines). */
  log: string[];
  /** Everything it wrote to stdout (its summary line). */
  out: string[];
}

/** Starts the built CLI's `marsad worker` on `queue` and `db`. */
export function startWorker(queue: string, db: string, concurrency = 4): WorkerProc {
  const child = spawn(
    process.execPath,
    [CLI, 'worker', '--queue', queue, '--db', db, '--concurrency', String(concurrency)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  const out: string[] = [];
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => log.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, log, out };
}

export function alive(p: WorkerProc): boolean {
  return p.child.exitCode === null && p.child.signalCode === null;
}

export function logsOf(procs: WorkerProc[]): string {
  return procs.map((p, i) => `worker ${i} (${p.child.pid}):\n${p.log.join('')}${p.out.join('')}`).join('\n');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` until it holds; fails after `ms`, or as soon as every worker has exited. */
export async function waitFor(
  what: string,
  cond: () => Promise<boolean>,
  ms: number,
  procs: WorkerProc[],
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline || !procs.some(alive))
      throw new Error(`timed out waiting for ${what}; worker logs:\n${logsOf(procs)}`);
    await sleep(200);
  }
}

/** SIGTERMs the workers still running and waits for all to exit. */
export async function stopAll(procs: WorkerProc[]): Promise<void> {
  for (const p of procs) if (alive(p)) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
}

/** Runs `fn` with a client of its own on `url`. */
export async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Articles stored so far (0 while the server or the table is not there). */
export async function storedArticles(db: string): Promise<number> {
  try {
    return await withPg(db, async (c) => {
      const exists = (await c.query("SELECT to_regclass('articles') AS t")).rows[0].t;
      return exists ? Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n) : 0;
    });
  } catch {
    return 0;
  }
}

/** The queue has nothing left to do. */
export async function drained(queue: string): Promise<boolean> {
  const s = await queueStatus(queue, 0);
  return s.waiting + s.active + s.delayed === 0;
}
