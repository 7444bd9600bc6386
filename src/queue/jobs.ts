/** The queue's jobs: one prepared article each, identified by its content hash. */
import { type JobsOptions, Queue } from 'bullmq';
import { contentHash } from '../ingest/identity.js';
import type { Prepared } from '../ingest/sources.js';
import { parseQueueUrl, QUEUE_NAME } from './connection.js';

/** Attempts per job; after the last one the job stays in the failed set (the dead-letter list). */
export const ATTEMPTS = 8;

export const JOB_OPTIONS: JobsOptions = {
  attempts: ATTEMPTS,
  // 1, 2, 4, ... 64 s between attempts: a store or Redis outage of minutes is waited out.
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are kept a day, so that enqueueing the same article again is a no-op; failed
  // jobs are kept until someone looks at them (marsad worker --dead-letter).
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: false,
};

/** The job id of an article: its content hash (enqueueing it twice makes one job). */
export function jobId(p: Prepared): string {
  return contentHash(p.article.text, p.article.title);
}

export function openQueue(queueUrl: string): Queue<Prepared> {
  const { connection, prefix } = parseQueueUrl(queueUrl);
  return new Queue<Prepared>(QUEUE_NAME, { connection, prefix, defaultJobOptions: JOB_OPTIONS });
}
