/** `marsad worker --dead-letter`: how much work is where, and why the failed jobs failed. */
import { openQueue } from './jobs.js';

export interface QueueStatus {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  /** The failed jobs (the dead-letter list), newest first, at most `limit`. */
  dead: { id: string; origin: string; attempts: number; reason: string; failedAt?: string }[];
}

export async function queueStatus(queueUrl: string, limit = 100): Promise<QueueStatus> {
  const queue = openQueue(queueUrl);
  try {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    const failed = await queue.getFailed(0, Math.max(0, limit - 1));
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      dead: failed.map((j) => ({
        id: String(j.id),
        origin: j.data?.origin ?? '',
        attempts: j.attemptsMade,
        reason: j.failedReason ?? '',
        ...(j.finishedOn ? { failedAt: new Date(j.finishedOn).toISOString() } : {}),
      })),
    };
  } finally {
    await queue.close();
  }
}

/** Puts the failed jobs back on the queue (after the cause was fixed). */
export async function retryFailed(queueUrl: string): Promise<void> {
  const queue = openQueue(queueUrl);
  try {
    await queue.retryJobs({ state: 'failed' });
  } finally {
    await queue.close();
  }
}
