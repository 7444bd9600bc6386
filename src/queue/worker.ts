/**
 * `marsad worker`: takes articles off the queue and stores them through the same path as
 * `marsad ingest` (ingestOne), so that any number of workers on any number of machines fill one
 * PostgreSQL store. The store's transactions lock the article and the event's country, so two
 * workers never store one article twice and merge reports of one event into one event.
 *
 * Failure handling:
 *  - a job that throws is retried with exponential backoff (JOB_OPTIONS); after the last attempt
 *    it stays in the failed set, the dead-letter list (`marsad worker --dead-letter`);
 *  - input that can never succeed (empty text) fails at once (UnrecoverableError);
 *  - a worker that dies holding jobs: its locks expire after LOCK_MS and another worker's stalled
 *    check puts the jobs back on the queue;
 *  - PostgreSQL going away: the store (opened with waitForServerMs = STORE_WAIT_MS by
 *    `marsad worker`) waits for it, logging "waiting for PostgreSQL…", and the articles in
 *    progress are stored once it is back; the pool drops the broken connections and opens new
 *    ones. The worker takes no new jobs meanwhile (its `concurrency` slots are busy waiting), so
 *    an outage does not fail the queue's jobs one after another. Only an outage longer than
 *    STORE_WAIT_MS fails the jobs in progress, which are then retried as above.
 *  - Redis going away: ioredis reconnects, the worker waits (its connection retries commands
 *    forever) and marks the jobs it finished meanwhile done once Redis is back. Redis must keep
 *    its data across a restart (appendonly yes) for the queued jobs to survive it. After an
 *    outage longer than LOCK_MS those jobs' locks have expired ("Missing lock" is logged): they
 *    are given out again and find their articles stored (duplicates), so nothing is stored twice.
 */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { type ExtractFn, ingestOne } from '../ingest/pipeline.js';
import type { Prepared } from '../ingest/sources.js';
import type { Repository, StoreResult } from '../store/types.js';
import { parseQueueUrl, QUEUE_NAME } from './connection.js';

/** How long a job's lock lasts without renewal: a killed worker's jobs come back after this. */
export const LOCK_MS = 10_000;
/** How often workers look for jobs whose lock expired. */
export const STALLED_CHECK_MS = 5_000;
/** A job that stalls (its worker dies) more often than this fails. */
export const MAX_STALLED = 3;
/** How long a job in progress waits for a PostgreSQL server that is down before it fails. */
export const STORE_WAIT_MS = 10 * 60_000;

export interface WorkerStats {
  new: number;
  duplicate: number;
  /** Attempts that threw (the job is retried, or dead-lettered after the last attempt). */
  errors: number;
  events: number;
  merged: number;
}

export interface WorkerOptions {
  queueUrl: string;
  repo: Repository;
  extract: ExtractFn;
  /** Jobs processed at once by this worker (default 4). */
  concurrency?: number;
  /** Stops the worker: active jobs finish, then runWorker resolves. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  onJob?: (result: StoreResult) => void;
}

/** Processes jobs until `signal` aborts; resolves with what it did once active jobs finished. */
export async function runWorker(opts: WorkerOptions): Promise<WorkerStats> {
  const { connection, prefix } = parseQueueUrl(opts.queueUrl, true);
  const stats: WorkerStats = { new: 0, duplicate: 0, errors: 0, events: 0, merged: 0 };
  const log = opts.log ?? (() => {});
  const handle = async (job: Job<Prepared>): Promise<{ status: string; articleId: number }> => {
    const p = job.data;
    if (!p?.article?.text?.trim()) throw new UnrecoverableError('empty text');
    const r = await ingestOne(opts.repo, p, opts.extract);
    if (r.status === 'duplicate') stats.duplicate++;
    else {
      stats.new++;
      for (const e of r.events) {
        if (e.merged) stats.merged++;
        else stats.events++;
      }
    }
    opts.onJob?.(r);
    return { status: r.status, articleId: r.articleId };
  };
  const worker = new Worker<Prepared>(QUEUE_NAME, handle, {
    connection,
    prefix,
    concurrency: Math.max(1, opts.concurrency ?? 4),
    lockDuration: LOCK_MS,
    stalledInterval: STALLED_CHECK_MS,
    maxStalledCount: MAX_STALLED,
    autorun: false,
  });
  // Connection errors are reported here (and retried by ioredis); an 'error' event without a
  // listener would end the process. Say it once per outage, not once per retry.
  let lastError = '';
  worker.on('error', (e) => {
    const msg = e?.message ?? String(e);
    if (msg !== lastError) log(`queue error: ${msg}`);
    lastError = msg;
  });
  worker.on('ready', () => {
    if (lastError) log('queue connection back');
    lastError = '';
  });
  worker.on('failed', (job, e) => {
    stats.errors++;
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || e instanceof UnrecoverableError;
    log(
      `${job.data?.origin ?? job.id}: ${e.message}${final ? ' (dead-lettered)' : ` (attempt ${job.attemptsMade}, will retry)`}`,
    );
  });
  const stop = () => {
    void worker.close();
  };
  if (opts.signal?.aborted) stop();
  else opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    if (!opts.signal?.aborted) await worker.run();
    // close() waits for the jobs in progress.
    await worker.close();
  } finally {
    opts.signal?.removeEventListener('abort', stop);
  }
  return stats;
}
